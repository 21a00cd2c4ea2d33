package dev.likelihood.samples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.likelihood.runtime.BesselMath;
import java.util.function.DoubleSupplier;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.LaplaceDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * The samplers' first two moments against Apache Commons Statistics, over 200,000 draws: the
 * tolerance is 5 standard errors of the sample mean (sd / sqrt(n)) and of the sample variance
 * (about sd^2 sqrt((kurtosis - 1) / n); the kurtosis is bounded by 9 for these parameters).
 */
class SamplingTest {

  private static final int N = 200_000;
  private final Sampling sampling = new Sampling(42);

  @Test
  void continuousSamplersHaveTheirDistributionsMoments() {
    check(GammaDistribution.of(0.5, 2), () -> sampling.gamma(0.5, 2));
    check(GammaDistribution.of(7.5, 0.3), () -> sampling.gamma(7.5, 0.3));
    check(BetaDistribution.of(2, 5), () -> sampling.beta(2, 5));
    check(LaplaceDistribution.of(1, 0.5), () -> sampling.laplace(1, 0.5));
    check(TDistribution.of(5), () -> sampling.studentT(5));
  }

  @Test
  void countSamplersHaveTheirMeansAndVariances() {
    double[] poisson = draw(() -> sampling.poisson(45.5));
    assertEquals(45.5, mean(poisson), 5 * Math.sqrt(45.5 / N));
    assertEquals(45.5, variance(poisson), 5 * 45.5 * Math.sqrt(3.0 / N));
    double mean = 6;
    double size = 2;
    double[] nb = draw(() -> sampling.negativeBinomial(mean, size));
    double nbVariance = mean + mean * mean / size;
    assertEquals(mean, mean(nb), 5 * Math.sqrt(nbVariance / N));
    assertEquals(nbVariance, variance(nb), 5 * nbVariance * Math.sqrt(9.0 / N));
  }

  @Test
  void vonMisesHasItsMeanDirectionAndResultantLength() {
    double mu = 3.0;
    double kappa = 4;
    double cos = 0;
    double sin = 0;
    for (int i = 0; i < N; i++) {
      double angle = sampling.vonMises(mu, kappa);
      cos += Math.cos(angle - mu);
      sin += Math.sin(angle - mu);
    }
    // E[cos(theta - mu)] = I1(kappa) / I0(kappa), E[sin(theta - mu)] = 0
    assertEquals(BesselMath.besselRatio(kappa), cos / N, 5 / Math.sqrt(N));
    assertEquals(0, sin / N, 5 / Math.sqrt(N));
  }

  @Test
  void rankingWinnersFollowSoftmax() {
    double[] scores = {1, 0, -1};
    int[] wins = new int[3];
    for (int i = 0; i < N; i++) {
      wins[sampling.ranking(scores)[0]]++;
    }
    double total = Math.exp(1) + 1 + Math.exp(-1);
    for (int k = 0; k < 3; k++) {
      double p = Math.exp(scores[k]) / total;
      assertEquals(p, (double) wins[k] / N, 5 * Math.sqrt(p * (1 - p) / N), "item " + k);
    }
  }

  private static void check(ContinuousDistribution distribution, DoubleSupplier sampler) {
    double[] x = draw(sampler);
    double sd = Math.sqrt(distribution.getVariance());
    assertEquals(distribution.getMean(), mean(x), 5 * sd / Math.sqrt(N), distribution.toString());
    assertEquals(distribution.getVariance(), variance(x), 5 * sd * sd * Math.sqrt(9.0 / N),
        distribution.toString());
  }

  private static double[] draw(DoubleSupplier sampler) {
    double[] x = new double[N];
    for (int i = 0; i < N; i++) {
      x[i] = sampler.getAsDouble();
    }
    return x;
  }

  private static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  private static double variance(double[] x) {
    double m = mean(x);
    double sum = 0;
    for (double v : x) {
      sum += (v - m) * (v - m);
    }
    return sum / (x.length - 1);
  }
}
