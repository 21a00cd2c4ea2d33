package dev.likelihood.samples.tour;

import java.util.Random;

/**
 * Draws the tour's synthetic data from known distributions with a seeded {@link Random}, so every
 * run sees the same data. Textbook algorithms, each cited; {@code SamplingTest} checks their
 * moments against Apache Commons Statistics.
 */
public final class Sampling {

  private final Random random;

  public Sampling(long seed) {
    this.random = new Random(seed);
  }

  public double uniform(double from, double to) {
    return from + (to - from) * random.nextDouble();
  }

  public double normal(double mean, double sigma) {
    return mean + sigma * random.nextGaussian();
  }

  public boolean bernoulli(double p) {
    return random.nextDouble() < p;
  }

  /** Laplace(location, scale) by inversion. */
  public double laplace(double location, double scale) {
    double u = random.nextDouble() - 0.5;
    return location - scale * Math.signum(u) * Math.log1p(-2 * Math.abs(u));
  }

  /** Student-t with nu degrees of freedom: a normal over the root of a scaled chi-square. */
  public double studentT(double nu) {
    return random.nextGaussian() / Math.sqrt(gamma(nu / 2, 2) / nu);
  }

  /** Gamma(shape, scale): Marsaglia and Tsang (2000), with the shape < 1 boost. */
  public double gamma(double shape, double scale) {
    if (shape < 1) {
      return gamma(shape + 1, scale) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = random.nextGaussian();
      double v = 1 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v * scale;
      }
    }
  }

  /** Beta(a, b) as a ratio of gammas. */
  public double beta(double a, double b) {
    double x = gamma(a, 1);
    return x / (x + gamma(b, 1));
  }

  /**
   * Poisson(rate): Knuth's product of uniforms in blocks of rate 30, so that exp(-rate) never
   * underflows (the tour's rates stay below a few hundred).
   */
  public int poisson(double rate) {
    int count = 0;
    double remaining = rate;
    while (remaining > 0) {
      double block = Math.min(remaining, 30);
      remaining -= block;
      double limit = Math.exp(-block);
      double product = random.nextDouble();
      while (product > limit) {
        product *= random.nextDouble();
        count++;
      }
    }
    return count;
  }

  /** NB2(mean, size): a Poisson whose rate is Gamma(size, mean / size). */
  public int negativeBinomial(double mean, double size) {
    return poisson(gamma(size, mean / size));
  }

  /** von Mises(mu, kappa) on (-pi, pi]: Best and Fisher (1979). */
  public double vonMises(double mu, double kappa) {
    double tau = 1 + Math.sqrt(1 + 4 * kappa * kappa);
    double rho = (tau - Math.sqrt(2 * tau)) / (2 * kappa);
    double r = (1 + rho * rho) / (2 * rho);
    while (true) {
      double z = Math.cos(Math.PI * random.nextDouble());
      double f = (1 + r * z) / (r + z);
      double c = kappa * (r - f);
      double u = random.nextDouble();
      if (c * (2 - c) - u > 0 || Math.log(c / u) + 1 - c >= 0) {
        double theta = (random.nextDouble() < 0.5 ? -1 : 1) * Math.acos(f);
        return Math.IEEEremainder(mu + theta, 2 * Math.PI);
      }
    }
  }

  /** An index drawn with probabilities softmax(logits). */
  public int categorical(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double logit : logits) {
      max = Math.max(max, logit);
    }
    double total = 0;
    for (double logit : logits) {
      total += Math.exp(logit - max);
    }
    double u = random.nextDouble() * total;
    for (int k = 0; k < logits.length; k++) {
      u -= Math.exp(logits[k] - max);
      if (u < 0) {
        return k;
      }
    }
    return logits.length - 1;
  }

  /**
   * A full Plackett-Luce ranking of the items, best first: the Gumbel-max trick (sorting
   * score + Gumbel noise) draws exactly the sequential softmax choices.
   */
  public int[] ranking(double[] scores) {
    int k = scores.length;
    double[] perturbed = new double[k];
    Integer[] order = new Integer[k];
    for (int j = 0; j < k; j++) {
      perturbed[j] = scores[j] - Math.log(-Math.log(random.nextDouble()));
      order[j] = j;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(perturbed[b], perturbed[a]));
    int[] ranking = new int[k];
    for (int j = 0; j < k; j++) {
      ranking[j] = order[j];
    }
    return ranking;
  }
}
