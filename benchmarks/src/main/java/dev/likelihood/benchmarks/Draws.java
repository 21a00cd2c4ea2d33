package dev.likelihood.benchmarks;

import java.util.SplittableRandom;
import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Random draws for the data of {@link ScalarFamiliesBenchmark}, from a fixed seed: responses are
 * drawn from the model itself at each row's parameters, so every case sees ordinary data inside
 * its family's support. Commons Statistics' samplers where it has the distribution; the few others
 * (inverse Gaussian, von Mises, the Huber and log-cosh densities) by their textbook algorithms.
 * Setup only: nothing here is timed.
 */
final class Draws {

  private final SplittableRandom random;
  private final UniformRandomProvider rng;
  private final ContinuousDistribution.Sampler t4;

  Draws(long seed) {
    random = new SplittableRandom(seed);
    rng = random::nextLong;
    t4 = TDistribution.of(4).createSampler(rng);
  }

  double uniform() {
    return random.nextDouble();
  }

  int uniformInt(int from, int toInclusive) {
    return random.nextInt(from, toInclusive + 1);
  }

  double normal(double mean, double sd) {
    return mean + sd * random.nextGaussian();
  }

  /** Laplace(mu, scale) by inversion. */
  double laplace(double mu, double scale) {
    double u = random.nextDouble() - 0.5;
    return mu - scale * Math.signum(u) * Math.log1p(-2 * Math.abs(u));
  }

  /** mu + sigma T, T Student's t with 4 degrees of freedom. */
  double studentT4(double mu, double sigma) {
    return mu + sigma * t4.sample();
  }

  double exponential(double rate) {
    return -Math.log1p(-random.nextDouble()) / rate;
  }

  double gamma(double shape, double scale) {
    return GammaDistribution.of(shape, scale).createSampler(rng).sample();
  }

  /** Beta(a, b), redrawn in the (rare) case that it rounds to 0 or 1. */
  double beta(double a, double b) {
    ContinuousDistribution.Sampler sampler = BetaDistribution.of(a, b).createSampler(rng);
    double y;
    do {
      y = sampler.sample();
    } while (!(y > 0 && y < 1));
    return y;
  }

  int poisson(double mean) {
    return PoissonDistribution.of(mean).createSampler(rng).sample();
  }

  int binomial(int trials, double p) {
    return BinomialDistribution.of(trials, p).createSampler(rng).sample();
  }

  boolean bernoulli(double p) {
    return random.nextDouble() < p;
  }

  /** NB2(mean, size) as a gamma-Poisson mixture. */
  int negativeBinomial(double mean, double size) {
    return poisson(gamma(size, mean / size));
  }

  /** Inverse Gaussian(mean, shape): Michael, Schucany and Haas (1976). */
  double inverseGaussian(double mean, double shape) {
    double v = random.nextGaussian();
    double w = mean * v * v;
    double x = mean + mean / (2 * shape) * (w - Math.sqrt(w * (4 * shape + w)));
    return random.nextDouble() <= mean / (mean + x) ? x : mean * mean / x;
  }

  /** Von Mises(mu, kappa), not wrapped into [-pi, pi): Best and Fisher (1979). */
  double vonMises(double mu, double kappa) {
    double tau = 1 + Math.sqrt(1 + 4 * kappa * kappa);
    double rho = (tau - Math.sqrt(2 * tau)) / (2 * kappa);
    double r = (1 + rho * rho) / (2 * rho);
    while (true) {
      double z = Math.cos(Math.PI * random.nextDouble());
      double f = (1 + r * z) / (r + z);
      double c = kappa * (r - f);
      double u = random.nextDouble();
      if (c * (2 - c) - u > 0 || Math.log(c / u) + 1 - c >= 0) {
        return mu + (random.nextBoolean() ? 1 : -1) * Math.acos(f);
      }
    }
  }

  /**
   * mu plus a draw from the Huber density with delta = 1, exp(-huber(r)) / Z: with probability
   * (the normal middle's mass) / Z a standard normal restricted to [-1, 1], else 1 + Exp(1) with
   * a random sign (the tails are exp(1/2 - |r|)).
   */
  double huber(double mu) {
    double middle = Math.sqrt(2 * Math.PI) * Erf.value(Math.sqrt(0.5));
    double tails = 2 * Math.exp(-0.5);
    if (random.nextDouble() < middle / (middle + tails)) {
      double z;
      do {
        z = random.nextGaussian();
      } while (Math.abs(z) > 1);
      return mu + z;
    }
    return mu + (random.nextBoolean() ? 1 : -1) * (1 + exponential(1));
  }

  /** mu plus a draw from the density 1 / (pi cosh r), by inversion of (2/pi) atan(exp(r)). */
  double logCosh(double mu) {
    double u = random.nextDouble() + 0x1p-54; // in (0, 1)
    return mu + Math.log(Math.tan(0.5 * Math.PI * u));
  }
}
