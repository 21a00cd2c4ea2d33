package dev.likelihood.benchmarks;

import org.apache.commons.numbers.combinatorics.BinomialCoefficientDouble;
import org.apache.commons.numbers.combinatorics.Factorial;
import org.apache.commons.numbers.gamma.Digamma;
import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.Gamma;

/**
 * The textbook compositions of {@link ScalarFamiliesBenchmark}: what a user writes without a
 * code generator. Per row: the inverse link gives the parameter (p = 1 / (1 + exp(-eta)), sigma =
 * exp(eta)); the density or probability mass formula gives the likelihood, whose {@code -log} is
 * the NLL; the gradient is the derivative of the NLL with respect to the distribution's parameter
 * (d NLL / d p) times that of the inverse link (d p / d eta), the chain rule. Special functions
 * come from Commons Numbers ({@code Gamma}, {@code Digamma}, {@code Factorial}, {@code
 * BinomialCoefficientDouble}); the von Mises Bessel functions from their power series. Constants
 * that depend on no row (nu = 4, delta = 1, log 2 pi) are static fields, as a user would write
 * them. A plain sum, no input checks.
 *
 * <p>On ordinary data, which is what the benchmark uses, these agree with the generated losses to
 * 1e-9 (the trial setup checks it); they overflow, underflow or cancel on extreme data (a
 * probability of exactly 0 or 1, Gamma of more than 171), which the generated forms do not.
 */
final class NaiveLoops {

  private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

  /** The Student-t normalising constant at nu = 4: Gamma(5/2) / (Gamma(2) sqrt(4 pi)). */
  private static final double STUDENT_T4_NORMALISER =
      Gamma.value(2.5) / (Gamma.value(2) * Math.sqrt(4 * Math.PI));

  /** Z(1) of the Huber density with delta = 1. */
  private static final double HUBER_Z1 =
      SQRT_2PI * Erf.value(1 / Math.sqrt(2)) + 2 * Math.exp(-0.5);

  /** UNCERTAIN_BERNOULLI's quadrature grid: z = j STEP, |z| &lt;= 11, weights STEP phi(z). */
  private static final double STEP = 0.25;

  private static final int NODES = 44;

  private static final double[] WEIGHTS = new double[2 * NODES + 1];

  static {
    for (int j = -NODES; j <= NODES; j++) {
      double z = j * STEP;
      WEIGHTS[j + NODES] = STEP * Math.exp(-z * z / 2) / SQRT_2PI;
    }
  }

  private NaiveLoops() {}

  private static double sigmoid(double eta) {
    return 1 / (1 + Math.exp(-eta));
  }

  // ------------------------------------------------------------------------ location-scale

  static double normalHeteroscedastic(
      double[] y, double[] mu, double[] etaSigma, double[] gradMu, double[] gradSigma) {
    final int n = y.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double sigma = Math.exp(etaSigma[i]);
      double r = y[i] - mu[i];
      double density = Math.exp(-r * r / (2 * sigma * sigma)) / (sigma * SQRT_2PI);
      sum += -Math.log(density);
      double dMu = -r / (sigma * sigma);
      double dSigma = 1 / sigma - r * r / (sigma * sigma * sigma);
      gradMu[i] = dMu / n;
      gradSigma[i] = dSigma * sigma / n; // d sigma / d eta = sigma
    }
    return sum / n;
  }

  static double laplace(
      double[] y, double[] mu, double[] etaScale, double[] gradMu, double[] gradScale) {
    final int n = y.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double b = Math.exp(etaScale[i]);
      double r = y[i] - mu[i];
      double density = Math.exp(-Math.abs(r) / b) / (2 * b);
      sum += -Math.log(density);
      double dMu = -Math.signum(r) / b;
      double dB = 1 / b - Math.abs(r) / (b * b);
      gradMu[i] = dMu / n;
      gradScale[i] = dB * b / n;
    }
    return sum / n;
  }

  static double studentT(
      double[] y, double[] mu, double[] etaSigma, double[] gradMu, double[] gradSigma) {
    final int n = y.length;
    final double nu = 4;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double sigma = Math.exp(etaSigma[i]);
      double r = y[i] - mu[i];
      double z = r / sigma;
      double density = STUDENT_T4_NORMALISER / sigma * Math.pow(1 + z * z / nu, -(nu + 1) / 2);
      sum += -Math.log(density);
      double dMu = -(nu + 1) * r / (nu * sigma * sigma + r * r);
      double dSigma = 1 / sigma - (nu + 1) * r * r / (sigma * (nu * sigma * sigma + r * r));
      gradMu[i] = dMu / n;
      gradSigma[i] = dSigma * sigma / n;
    }
    return sum / n;
  }

  static double huber(double[] y, double[] mu, double[] gradMu) {
    final int n = y.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i] - mu[i];
      double rho = Math.abs(r) <= 1 ? r * r / 2 : Math.abs(r) - 0.5;
      double density = Math.exp(-rho) / HUBER_Z1;
      sum += -Math.log(density);
      gradMu[i] = -(Math.abs(r) <= 1 ? r : Math.signum(r)) / n;
    }
    return sum / n;
  }

  static double logCosh(double[] y, double[] mu, double[] gradMu) {
    final int n = y.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i] - mu[i];
      double density = 1 / (Math.PI * Math.cosh(r));
      sum += -Math.log(density);
      gradMu[i] = -(Math.sinh(r) / Math.cosh(r)) / n;
    }
    return sum / n;
  }

  static double vonMises(
      double[] y, double[] mu, double[] etaKappa, double[] gradMu, double[] gradKappa) {
    final int n = y.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double kappa = Math.exp(etaKappa[i]);
      double d = y[i] - mu[i];
      double i0 = besselI0(kappa);
      double density = Math.exp(kappa * Math.cos(d)) / (2 * Math.PI * i0);
      sum += -Math.log(density);
      double dMu = -kappa * Math.sin(d);
      double dKappa = besselI1(kappa) / i0 - Math.cos(d);
      gradMu[i] = dMu / n;
      gradKappa[i] = dKappa * kappa / n;
    }
    return sum / n;
  }

  /** I0(x) = sum_j (x^2/4)^j / (j!)^2, summed until the terms stop changing it. */
  static double besselI0(double x) {
    double q = x * x / 4;
    double term = 1;
    double sum = 1;
    for (int j = 1; term > 1e-17 * sum; j++) {
      term *= q / ((double) j * j);
      sum += term;
    }
    return sum;
  }

  /** I1(x) = (x/2) sum_j (x^2/4)^j / (j! (j+1)!). */
  static double besselI1(double x) {
    double q = x * x / 4;
    double term = 1;
    double sum = 1;
    for (int j = 1; term > 1e-17 * sum; j++) {
      term *= q / ((double) j * (j + 1));
      sum += term;
    }
    return x / 2 * sum;
  }

  // ------------------------------------------------------------------------ positive responses

  static double logNormal(
      double[] y, double[] mu, double[] etaSigma, double[] gradMu, double[] gradSigma) {
    final int n = y.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double sigma = Math.exp(etaSigma[i]);
      double r = Math.log(y[i]) - mu[i];
      double density = Math.exp(-r * r / (2 * sigma * sigma)) / (y[i] * sigma * SQRT_2PI);
      sum += -Math.log(density);
      double dMu = -r / (sigma * sigma);
      double dSigma = 1 / sigma - r * r / (sigma * sigma * sigma);
      gradMu[i] = dMu / n;
      gradSigma[i] = dSigma * sigma / n;
    }
    return sum / n;
  }

  static double exponential(double[] y, double[] etaRate, double[] gradRate) {
    final int n = y.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double rate = Math.exp(etaRate[i]);
      double density = rate * Math.exp(-rate * y[i]);
      sum += -Math.log(density);
      double dRate = -1 / rate + y[i];
      gradRate[i] = dRate * rate / n;
    }
    return sum / n;
  }

  /** Shape k and scale theta = mean / k; the chain rule runs through (k, theta). */
  static double gamma(
      double[] y, double[] etaMean, double[] etaShape, double[] gradMean, double[] gradShape) {
    final int n = y.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double mean = Math.exp(etaMean[i]);
      double k = Math.exp(etaShape[i]);
      double theta = mean / k;
      double density =
          Math.pow(y[i], k - 1) * Math.exp(-y[i] / theta) / (Gamma.value(k) * Math.pow(theta, k));
      sum += -Math.log(density);
      double dTheta = k / theta - y[i] / (theta * theta); // d NLL / d theta
      double dK = Digamma.value(k) + Math.log(theta) - Math.log(y[i]); // at fixed theta
      double dMean = dTheta / k; // d theta / d mean = 1 / k
      double dShape = dK + dTheta * (-mean / (k * k)); // d theta / d k = -mean / k^2
      gradMean[i] = dMean * mean / n;
      gradShape[i] = dShape * k / n;
    }
    return sum / n;
  }

  static double inverseGaussian(
      double[] y, double[] etaMean, double[] etaShape, double[] gradMean, double[] gradShape) {
    final int n = y.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double m = Math.exp(etaMean[i]);
      double lambda = Math.exp(etaShape[i]);
      double r = y[i] - m;
      double density =
          Math.sqrt(lambda / (2 * Math.PI * y[i] * y[i] * y[i]))
              * Math.exp(-lambda * r * r / (2 * m * m * y[i]));
      sum += -Math.log(density);
      double dMean = -lambda * r / (m * m * m);
      double dLambda = -1 / (2 * lambda) + r * r / (2 * m * m * y[i]);
      gradMean[i] = dMean * m / n;
      gradShape[i] = dLambda * lambda / n;
    }
    return sum / n;
  }

  /** a = mean precision, b = (1 - mean) precision; the chain rule runs through (a, b). */
  static double beta(
      double[] y, double[] etaMean, double[] etaPrecision, double[] gradMean, double[] gradPrec) {
    final int n = y.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double mean = sigmoid(etaMean[i]);
      double precision = Math.exp(etaPrecision[i]);
      double a = mean * precision;
      double b = (1 - mean) * precision;
      double betaFunction = Gamma.value(a) * Gamma.value(b) / Gamma.value(a + b);
      double density = Math.pow(y[i], a - 1) * Math.pow(1 - y[i], b - 1) / betaFunction;
      sum += -Math.log(density);
      double psiAb = Digamma.value(a + b);
      double dA = Digamma.value(a) - psiAb - Math.log(y[i]);
      double dB = Digamma.value(b) - psiAb - Math.log(1 - y[i]);
      double dMean = dA * precision - dB * precision;
      double dPrecision = dA * mean + dB * (1 - mean);
      gradMean[i] = dMean * mean * (1 - mean) / n;
      gradPrec[i] = dPrecision * precision / n;
    }
    return sum / n;
  }

  // ------------------------------------------------------------------------ counts

  static double poissonLog(int[] count, double[] etaRate, double[] gradRate) {
    final int n = count.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      int y = count[i];
      double rate = Math.exp(etaRate[i]);
      double probability = Math.pow(rate, y) * Math.exp(-rate) / Factorial.doubleValue(y);
      sum += -Math.log(probability);
      double dRate = 1 - y / rate;
      gradRate[i] = dRate * rate / n;
    }
    return sum / n;
  }

  static double binomial(int[] successes, double[] etaP, int[] trials, double[] gradP) {
    final int n = successes.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      int y = successes[i];
      int m = trials[i];
      double p = sigmoid(etaP[i]);
      double probability =
          BinomialCoefficientDouble.value(m, y) * Math.pow(p, y) * Math.pow(1 - p, m - y);
      sum += -Math.log(probability);
      double dP = -(y / p - (m - y) / (1 - p));
      gradP[i] = dP * p * (1 - p) / n;
    }
    return sum / n;
  }

  static double negativeBinomial(
      int[] count, double[] etaMean, double[] etaSize, double[] gradMean, double[] gradSize) {
    final int n = count.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      int y = count[i];
      double m = Math.exp(etaMean[i]);
      double r = Math.exp(etaSize[i]);
      double probability =
          Gamma.value(y + r)
              / (Gamma.value(r) * Factorial.doubleValue(y))
              * Math.pow(r / (r + m), r)
              * Math.pow(m / (r + m), y);
      sum += -Math.log(probability);
      double dMean = -y / m + (r + y) / (r + m);
      double dSize =
          -(Digamma.value(y + r) - Digamma.value(r) + Math.log(r / (r + m)) + 1
              - (r + y) / (r + m));
      gradMean[i] = dMean * m / n;
      gradSize[i] = dSize * r / n;
    }
    return sum / n;
  }

  // ------------------------------------------------------------------------ binary labels

  static double bernoulliLogit(boolean[] label, double[] eta, double[] gradEta) {
    final int n = label.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double y = label[i] ? 1 : 0;
      double p = sigmoid(eta[i]);
      sum += -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
      double dP = -(y / p - (1 - y) / (1 - p));
      gradEta[i] = dP * p * (1 - p) / n;
    }
    return sum / n;
  }

  static double hinge(boolean[] label, double[] score, double[] gradScore) {
    final int n = label.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double s = label[i] ? 1 : -1;
      sum += Math.max(0, 1 - s * score[i]);
      gradScore[i] = (1 - s * score[i] > 0 ? -s : 0) / n;
    }
    return sum / n;
  }

  /** gamma = 2: NLL = -(1 - p_t)^2 log p_t, p_t = p or 1 - p. */
  static double focal(boolean[] label, double[] eta, double[] gradEta) {
    final int n = label.length;
    final double gamma = 2;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double p = sigmoid(eta[i]);
      double pt = label[i] ? p : 1 - p;
      sum += -Math.pow(1 - pt, gamma) * Math.log(pt);
      double dPt =
          gamma * Math.pow(1 - pt, gamma - 1) * Math.log(pt) - Math.pow(1 - pt, gamma) / pt;
      double dP = label[i] ? dPt : -dPt;
      gradEta[i] = dP * p * (1 - p) / n;
    }
    return sum / n;
  }

  /**
   * p = E[sigmoid(eta + u z)] and its derivatives d p / d eta = E[p_z (1 - p_z)], d p / d u =
   * E[z p_z (1 - p_z)] on a fixed trapezoidal grid (step 0.25, |z| &lt;= 11, 89 nodes, the
   * weights tabulated once, as one would copy a quadrature table); u = log(1 +
   * exp(eta_u)); then the Bernoulli NLL of p and the chain rule.
   */
  static double uncertainBernoulli(
      boolean[] label, double[] eta, double[] etaU, double[] gradEta, double[] gradU) {
    final int n = label.length;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double y = label[i] ? 1 : 0;
      double u = Math.log(1 + Math.exp(etaU[i]));
      double p = 0;
      double dPdEta = 0;
      double dPdU = 0;
      for (int j = -NODES; j <= NODES; j++) {
        double z = j * STEP;
        double weight = WEIGHTS[j + NODES];
        double pz = sigmoid(eta[i] + u * z);
        p += weight * pz;
        dPdEta += weight * pz * (1 - pz);
        dPdU += weight * z * pz * (1 - pz);
      }
      sum += -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
      double dP = -(y / p - (1 - y) / (1 - p));
      gradEta[i] = dP * dPdEta / n;
      gradU[i] = dP * dPdU * sigmoid(etaU[i]) / n; // d u / d eta_u = sigmoid(eta_u)
    }
    return sum / n;
  }
}
