package dev.likelihood.benchmarks;

import dev.likelihood.runtime.BesselMath;
import dev.likelihood.runtime.GammaMath;
import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The ceilings of {@link ScalarFamiliesBenchmark}: for each case the loop an expert in numerics
 * would write by hand for speed, computing the same mean NLL (constants included) and writing the
 * same gradient columns (d NLL / d eta, scaled by 1/n) as the generated {@code lossAndGradient}.
 *
 * <p>Common to every loop: one fused pass over the rows; the textbook stable forms (softplus as
 * {@code max(x, 0) + log1p(exp(-|x|))} with the sigmoid from the same exponential, scales carried
 * as {@code exp(-eta)} so that no division is needed, constants added once after the loop); no
 * input validation (an out-of-support response gives a wrong number, not an exception); and a
 * <b>plain</b> (uncompensated) sum, where the generated code sums with Neumaier's compensation.
 * Where Java has no special function the expert calls the one the generated code calls, so the
 * comparison measures the code around it: {@code LogGamma} of Commons Numbers (which the runtime's
 * lgamma is), the runtime's {@link GammaMath#digamma} (Commons' Digamma recurses up to 49 steps)
 * and its {@link BesselMath} functions (the JDK has no Bessel function). Log-factorials of counts
 * come from a table.
 */
final class ExpertLoops {

  static final double LN_2 = 0.6931471805599453;
  static final double LN_PI = 1.1447298858494002;
  static final double LN_SQRT_2PI = 0.9189385332046728;
  static final double LN_2PI = 1.8378770664093453;

  /** lgamma(2) - lgamma(5/2) + log(4 pi)/2: the constant of the Student-t NLL at nu = 4. */
  static final double STUDENT_T4_CONSTANT =
      LogGamma.value(2) - LogGamma.value(2.5) + 0.5 * Math.log(4 * Math.PI);

  /** log Z(1), Z(delta) = sqrt(2 pi) erf(delta / sqrt 2) + 2 exp(-delta^2 / 2) / delta. */
  static final double LOG_HUBER_Z1 =
      Math.log(Math.sqrt(2 * Math.PI) * Erf.value(Math.sqrt(0.5)) + 2 * Math.exp(-0.5));

  /** log(k!) for k below its length. */
  private static final double[] LOG_FACTORIAL = new double[1024];

  static {
    for (int k = 0; k < LOG_FACTORIAL.length; k++) {
      LOG_FACTORIAL[k] = LogGamma.value(k + 1.0);
    }
  }

  private ExpertLoops() {}

  static double logFactorial(int k) {
    return k < LOG_FACTORIAL.length ? LOG_FACTORIAL[k] : LogGamma.value(k + 1.0);
  }

  // ------------------------------------------------------------------------ location-scale

  static double normalHeteroscedastic(
      double[] y, double[] mu, double[] logSigma, double[] gradMu, double[] gradSigma) {
    final int n = y.length;
    final double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double inverse = Math.exp(-logSigma[i]);
      double z = (y[i] - mu[i]) * inverse;
      double z2 = z * z;
      sum += logSigma[i] + 0.5 * z2;
      gradMu[i] = -scale * z * inverse;
      gradSigma[i] = scale * (1 - z2);
    }
    return sum * scale + LN_SQRT_2PI;
  }

  /** The subgradient at y = mu is +-1/scale (copySign), where the generated code gives 0. */
  static double laplace(
      double[] y, double[] mu, double[] logScale, double[] gradMu, double[] gradScale) {
    final int n = y.length;
    final double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double inverse = Math.exp(-logScale[i]);
      double z = (y[i] - mu[i]) * inverse;
      double a = Math.abs(z);
      sum += logScale[i] + a;
      gradMu[i] = -scale * Math.copySign(inverse, z);
      gradScale[i] = scale * (1 - a);
    }
    return sum * scale + LN_2;
  }

  /** nu = 4: NLL = log sigma + 5/2 log1p(z^2 / 4) + constant. */
  static double studentT(
      double[] y, double[] mu, double[] logSigma, double[] gradMu, double[] gradSigma) {
    final int n = y.length;
    final double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double inverse = Math.exp(-logSigma[i]);
      double z = (y[i] - mu[i]) * inverse;
      double z2 = z * z;
      double share = 5 / (4 + z2); // (nu + 1) / (nu + z^2)
      sum += logSigma[i] + 2.5 * Math.log1p(0.25 * z2);
      gradMu[i] = -scale * share * z * inverse;
      gradSigma[i] = scale * (1 - share * z2);
    }
    return sum * scale + STUDENT_T4_CONSTANT;
  }

  static double huber(double[] y, double[] mu, double[] gradMu) {
    final int n = y.length;
    final double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i] - mu[i];
      double a = Math.abs(r);
      sum += a <= 1 ? 0.5 * r * r : a - 0.5;
      gradMu[i] = -scale * Math.max(-1, Math.min(r, 1));
    }
    return sum * scale + LOG_HUBER_Z1;
  }

  /**
   * log cosh r = |r| + log1p(em / 2) with em = expm1(-2|r|): one expm1 gives the value and tanh
   * |r| = -em / (2 + em); the generated code calls logCosh (two expm1 below |r| = 1) and tanh.
   */
  static double logCosh(double[] y, double[] mu, double[] gradMu) {
    final int n = y.length;
    final double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i] - mu[i];
      double a = Math.abs(r);
      double em = Math.expm1(-2 * a);
      sum += a + Math.log1p(0.5 * em); // log cosh r = |r| + log((1 + exp(-2|r|)) / 2)
      gradMu[i] = -scale * Math.copySign(em / (2 + em), r); // -tanh(r): em / (2 + em) <= 0
    }
    return sum * scale + LN_PI;
  }

  /** 1 - cos(y - mu) = 2 sin^2((y - mu)/2) and sin(y - mu) = 2 sin cos of the half angle. */
  static double vonMises(
      double[] y, double[] mu, double[] logKappa, double[] gradMu, double[] gradKappa) {
    final int n = y.length;
    final double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double kappa = Math.exp(logKappa[i]);
      double half = 0.5 * (y[i] - mu[i]);
      double s = Math.sin(half);
      double oneMinusCos = 2 * s * s;
      sum += BesselMath.logI0e(kappa) + kappa * oneMinusCos;
      gradMu[i] = -scale * 2 * s * Math.cos(half) * kappa;
      gradKappa[i] = scale * kappa * (BesselMath.besselRatioMinusOne(kappa) + oneMinusCos);
    }
    return sum * scale + LN_2PI;
  }

  // ------------------------------------------------------------------------ positive responses

  static double logNormal(
      double[] y, double[] mu, double[] logSigma, double[] gradMu, double[] gradSigma) {
    final int n = y.length;
    final double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double logY = Math.log(y[i]);
      double inverse = Math.exp(-logSigma[i]);
      double z = (logY - mu[i]) * inverse;
      double z2 = z * z;
      sum += logY + logSigma[i] + 0.5 * z2;
      gradMu[i] = -scale * z * inverse;
      gradSigma[i] = scale * (1 - z2);
    }
    return sum * scale + LN_SQRT_2PI;
  }

  static double exponential(double[] y, double[] logRate, double[] gradRate) {
    final int n = y.length;
    final double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double rateY = y[i] * Math.exp(logRate[i]);
      sum += rateY - logRate[i];
      gradRate[i] = scale * (rateY - 1);
    }
    return sum * scale;
  }

  /**
   * NLL = lgamma(k) - k log k + k log m - (k - 1) log y + k y / m in its direct form (the
   * generated code uses Loader's bd0 and the log-factorial residual, exact also far from
   * ordinary data).
   */
  static double gamma(
      double[] y, double[] logMean, double[] logShape, double[] gradMean, double[] gradShape) {
    final int n = y.length;
    final double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double k = Math.exp(logShape[i]);
      double logY = Math.log(y[i]);
      double ratio = y[i] * Math.exp(-logMean[i]); // y / mean
      double logRatio = logY - logMean[i];
      sum += LogGamma.value(k) - k * logShape[i] - k * logRatio + logY + k * ratio;
      gradMean[i] = scale * k * (1 - ratio);
      gradShape[i] =
          scale * k * (GammaMath.digamma(k) - logShape[i] - 1 - logRatio + ratio);
    }
    return sum * scale;
  }

  static double inverseGaussian(
      double[] y, double[] logMean, double[] logShape, double[] gradMean, double[] gradShape) {
    final int n = y.length;
    final double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double inverseMean = Math.exp(-logMean[i]);
      double shape = Math.exp(logShape[i]);
      double w = y[i] * inverseMean - 1; // (y - mean) / mean
      double half = 0.5 * shape * (w * w / y[i]); // shape (y - mean)^2 / (2 mean^2 y)
      sum += 1.5 * Math.log(y[i]) - 0.5 * logShape[i] + half;
      gradMean[i] = -scale * shape * w * inverseMean;
      gradShape[i] = scale * (half - 0.5);
    }
    return sum * scale + LN_SQRT_2PI;
  }

  /** a = mean precision, b = (1 - mean) precision, mean and 1 - mean from one exponential. */
  static double beta(
      double[] y,
      double[] logitMean,
      double[] logPrecision,
      double[] gradMean,
      double[] gradPrecision) {
    final int n = y.length;
    final double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double x = logitMean[i];
      double e = Math.exp(-Math.abs(x));
      double large = 1 / (1 + e);
      double small = e * large;
      double mean = x >= 0 ? large : small;
      double complement = x >= 0 ? small : large;
      double precision = Math.exp(logPrecision[i]);
      double a = mean * precision;
      double b = complement * precision;
      double logY = Math.log(y[i]);
      double log1mY = Math.log1p(-y[i]);
      double da = GammaMath.digamma(a) - logY; // d NLL / d a
      double db = GammaMath.digamma(b) - log1mY;
      sum +=
          LogGamma.value(a)
              + LogGamma.value(b)
              - LogGamma.value(precision)
              - (a - 1) * logY
              - (b - 1) * log1mY;
      gradMean[i] = scale * precision * mean * complement * (da - db);
      gradPrecision[i] = scale * (a * da + b * db - precision * GammaMath.digamma(precision));
    }
    return sum * scale;
  }

  // ------------------------------------------------------------------------ counts

  static double poissonLog(int[] count, double[] logRate, double[] gradRate) {
    final int n = count.length;
    final double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      int y = count[i];
      double rate = Math.exp(logRate[i]);
      sum += rate - y * logRate[i] + logFactorial(y);
      gradRate[i] = scale * (rate - y);
    }
    return sum * scale;
  }

  static double binomial(int[] successes, double[] logit, int[] trials, double[] gradLogit) {
    final int n = successes.length;
    final double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      int y = successes[i];
      int m = trials[i];
      double x = logit[i];
      double e = Math.exp(-Math.abs(x));
      double p = (x >= 0 ? 1 : e) / (1 + e);
      double softplus = Math.max(x, 0) + Math.log1p(e);
      sum +=
          m * softplus - y * x - (logFactorial(m) - logFactorial(y) - logFactorial(m - y));
      gradLogit[i] = scale * (m * p - y);
    }
    return sum * scale;
  }

  /**
   * NLL = lgamma(r) - lgamma(y + r) + log y! + (r + y) log(r + m) - r log r - y log m, in this
   * direct form (the generated code uses Loader's saddle-point form).
   */
  static double negativeBinomial(
      int[] count, double[] logMean, double[] logSize, double[] gradMean, double[] gradSize) {
    final int n = count.length;
    final double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      int y = count[i];
      double mean = Math.exp(logMean[i]);
      double size = Math.exp(logSize[i]);
      double total = size + mean;
      double logTotal = Math.log(total);
      double inverseTotal = 1 / total;
      sum +=
          LogGamma.value(size)
              - LogGamma.value(y + size)
              + logFactorial(y)
              + (size + y) * logTotal
              - size * logSize[i]
              - y * logMean[i];
      gradMean[i] = scale * size * (mean - y) * inverseTotal;
      gradSize[i] =
          scale
              * size
              * (GammaMath.digamma(size)
                  - GammaMath.digamma(y + size)
                  + logTotal
                  - logSize[i]
                  + (y - mean) * inverseTotal);
    }
    return sum * scale;
  }

  // ------------------------------------------------------------------------ binary labels

  static double bernoulliLogit(boolean[] label, double[] logit, double[] gradLogit) {
    final int n = label.length;
    final double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double x = logit[i];
      double y = label[i] ? 1 : 0;
      double e = Math.exp(-Math.abs(x));
      double p = (x >= 0 ? 1 : e) / (1 + e);
      sum += Math.max(x, 0) - y * x + Math.log1p(e);
      gradLogit[i] = scale * (p - y);
    }
    return sum * scale;
  }

  static double hinge(boolean[] label, double[] score, double[] gradScore) {
    final int n = label.length;
    final double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double s = label[i] ? 1 : -1;
      double margin = 1 - s * score[i];
      sum += Math.max(0, margin);
      gradScore[i] = margin > 0 ? -s * scale : 0;
    }
    return sum * scale;
  }

  /**
   * gamma = 2, alpha off. With x = +-eta the logit of p_t, q = 1 - p_t and l = -log p_t =
   * softplus(-x), all from one exponential: NLL = q^2 l, d NLL / d x = -q^2 (2 p_t l + q).
   */
  static double focal(boolean[] label, double[] logit, double[] gradLogit) {
    final int n = label.length;
    final double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double x = label[i] ? logit[i] : -logit[i];
      double e = Math.exp(-Math.abs(x));
      double large = 1 / (1 + e);
      double small = e * large;
      double p = x >= 0 ? large : small; // p_t
      double q = x >= 0 ? small : large; // 1 - p_t
      double minusLogP = Math.max(-x, 0) + Math.log1p(e);
      double q2 = q * q;
      sum += q2 * minusLogP;
      double dx = -q2 * (2 * p * minusLogP + q);
      gradLogit[i] = scale * (label[i] ? dx : -dx);
    }
    return sum * scale;
  }

  /**
   * P(y) = E[sigmoid(x + u z)], x = +-eta, u = softplus(eta_u), and its two derivatives in one
   * quadrature pass per row ({@link MeanSigmoid}); the generated code integrates three times
   * (value, d/d eta, d/du), each with its own adaptive rule.
   */
  static double uncertainBernoulli(
      boolean[] label, double[] logit, double[] softplusU, double[] gradLogit, double[] gradU) {
    final int n = label.length;
    final double scale = 1.0 / n;
    final double[] m = new double[3];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double x = label[i] ? logit[i] : -logit[i];
      double v = softplusU[i];
      double ev = Math.exp(-Math.abs(v));
      double u = Math.max(v, 0) + Math.log1p(ev);
      double dudv = (v >= 0 ? 1 : ev) / (1 + ev);
      // M' = E[sigmoid(-|x| + u z)] <= 1/2; P(y) = M' for x <= 0, else 1 - M' (never rounded
      // to 1 before its logarithm)
      MeanSigmoid.evaluate(-Math.abs(x), u, m);
      double p;
      double dpdu;
      if (x <= 0) {
        sum -= Math.log(m[0]);
        p = m[0];
        dpdu = m[2];
      } else {
        sum -= Math.log1p(-m[0]);
        p = 1 - m[0];
        dpdu = -m[2];
      }
      double dx = -m[1] / p;
      gradLogit[i] = scale * (label[i] ? dx : -dx);
      gradU[i] = -scale * dpdu / p * dudv;
    }
    return sum * scale;
  }
}
