package dev.likelihood.benchmarks;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.LaplaceDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The Apache Commons Statistics (1.1) variants of {@link ScalarFamiliesBenchmark}: the mean NLL
 * only (Commons has no gradient), as a user of that library writes it: per row the inverse link,
 * then {@code XDistribution.of(parameters)} and its {@code logDensity(y)} or {@code
 * logProbability(y)}. The distributions are immutable and validate their parameters, so each row
 * allocates one distribution object (unless escape analysis removes it: {@code -prof gc} tells).
 * Plain sum.
 *
 * <p>Not every family is there: Commons has no inverse Gaussian, von Mises, Huber, log-cosh,
 * hinge, focal or uncertain Bernoulli distribution, and its {@code PascalDistribution} takes an
 * integer number of successes, which NB2's real size is not. Its {@code TDistribution} is the
 * standard t (no location or scale), so that case standardises by hand and reuses one
 * distribution for every row (nu = 4 is constant).
 */
final class CommonsLoops {

  private static final TDistribution T4 = TDistribution.of(4);

  private CommonsLoops() {}

  static double normalHeteroscedastic(double[] y, double[] mu, double[] etaSigma) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      sum -= NormalDistribution.of(mu[i], Math.exp(etaSigma[i])).logDensity(y[i]);
    }
    return sum / y.length;
  }

  static double laplace(double[] y, double[] mu, double[] etaScale) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      sum -= LaplaceDistribution.of(mu[i], Math.exp(etaScale[i])).logDensity(y[i]);
    }
    return sum / y.length;
  }

  /** log f(y) = log t4((y - mu) / sigma) - log sigma. */
  static double studentT(double[] y, double[] mu, double[] etaSigma) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double sigma = Math.exp(etaSigma[i]);
      sum -= T4.logDensity((y[i] - mu[i]) / sigma) - Math.log(sigma);
    }
    return sum / y.length;
  }

  static double logNormal(double[] y, double[] mu, double[] etaSigma) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      sum -= LogNormalDistribution.of(mu[i], Math.exp(etaSigma[i])).logDensity(y[i]);
    }
    return sum / y.length;
  }

  /** Commons parameterises the exponential by its mean, 1 / rate. */
  static double exponential(double[] y, double[] etaRate) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      sum -= ExponentialDistribution.of(Math.exp(-etaRate[i])).logDensity(y[i]);
    }
    return sum / y.length;
  }

  /** Commons parameterises the gamma by shape k and scale mean / k. */
  static double gamma(double[] y, double[] etaMean, double[] etaShape) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double shape = Math.exp(etaShape[i]);
      double scale = Math.exp(etaMean[i]) / shape;
      sum -= GammaDistribution.of(shape, scale).logDensity(y[i]);
    }
    return sum / y.length;
  }

  /** Commons parameterises the beta by a = mean precision and b = (1 - mean) precision. */
  static double beta(double[] y, double[] etaMean, double[] etaPrecision) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double mean = 1 / (1 + Math.exp(-etaMean[i]));
      double precision = Math.exp(etaPrecision[i]);
      sum -= BetaDistribution.of(mean * precision, (1 - mean) * precision).logDensity(y[i]);
    }
    return sum / y.length;
  }

  static double poissonLog(int[] count, double[] etaRate) {
    double sum = 0;
    for (int i = 0; i < count.length; i++) {
      sum -= PoissonDistribution.of(Math.exp(etaRate[i])).logProbability(count[i]);
    }
    return sum / count.length;
  }

  /** Commons has no Bernoulli distribution: the binomial with one trial. */
  static double bernoulliLogit(boolean[] label, double[] eta) {
    double sum = 0;
    for (int i = 0; i < label.length; i++) {
      double p = 1 / (1 + Math.exp(-eta[i]));
      sum -= BinomialDistribution.of(1, p).logProbability(label[i] ? 1 : 0);
    }
    return sum / label.length;
  }

  static double binomial(int[] successes, double[] etaP, int[] trials) {
    double sum = 0;
    for (int i = 0; i < successes.length; i++) {
      double p = 1 / (1 + Math.exp(-etaP[i]));
      sum -= BinomialDistribution.of(trials[i], p).logProbability(successes[i]);
    }
    return sum / successes.length;
  }
}
