package dev.likelihood.samples.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

/**
 * An oracle independent of the reference generator: Apache Commons Statistics' log-densities at
 * everyday points. NORMAL's NLL must be {@code -NormalDistribution.of(mu, sigma).logDensity(y)}
 * and POISSON's {@code -PoissonDistribution.of(rate).logProbability(y)}, within SPEC's tolerance
 * (1e-12 relative, or 1e-14 x max(1, |y|, |mu|, sigma, rate) absolute).
 */
class CommonsStatisticsOracleTest {

  private static final double[] MUS = {-3.5, -0.25, 0.0, 1.5, 4.0};
  private static final double[] SIGMAS = {0.1, 0.5, 1.0, 2.5, 10.0};
  private static final double[] ZS = {-3.0, -1.0, -0.2, 0.0, 0.7, 2.5};
  private static final double[] RATE_ETAS = {-3.0, -1.0, 0.0, 0.5, 1.5, 2.5, 4.0};

  @Test
  void normalMatchesCommonsStatistics() {
    List<String> failures = new ArrayList<>();
    for (double mu : MUS) {
      for (double sigma : SIGMAS) {
        for (double z : ZS) {
          double y = mu + sigma * z;
          double scale = Math.max(Math.max(1, Math.abs(y)), Math.max(Math.abs(mu), sigma));
          double known = -NormalDistribution.of(mu, sigma).logDensity(y);
          check(failures, "known sigma", y, mu, sigma,
              NormalIdentityMuKnownSigmaLoss.nll(y, mu, sigma), known, scale);

          double eta2 = Math.log(sigma);
          double logSigma = -NormalDistribution.of(mu, Math.exp(eta2)).logDensity(y);
          check(failures, "LOG sigma", y, mu, eta2,
              NormalIdentityMuLogSigmaLoss.nll(y, mu, eta2), logSigma, scale);

          double eta2Softplus = Math.log(Math.expm1(sigma));
          double softplus = -NormalDistribution.of(mu, Math.log1p(Math.exp(eta2Softplus)))
              .logDensity(y);
          check(failures, "SOFTPLUS sigma", y, mu, eta2Softplus,
              NormalIdentityMuSoftplusSigmaLoss.nll(y, mu, eta2Softplus), softplus, scale);
        }
      }
      for (double z : ZS) {
        double y = mu + z;
        double scale = Math.max(Math.max(1, Math.abs(y)), Math.abs(mu));
        check(failures, "default sigma", y, mu, 1.0, NormalIdentityMuDefaultSigmaLoss.nll(y, mu),
            -NormalDistribution.of(mu, 1).logDensity(y), scale);
      }
    }
    assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
  }

  @Test
  void poissonMatchesCommonsStatistics() {
    List<String> failures = new ArrayList<>();
    for (double eta : RATE_ETAS) {
      double rate = Math.exp(eta);
      PoissonDistribution poisson = PoissonDistribution.of(rate);
      double softplusRate = Math.log1p(Math.exp(eta));
      PoissonDistribution softplus = PoissonDistribution.of(softplusRate);
      for (int k = 0; k <= 60; k++) {
        double scale = Math.max(Math.max(1, k), rate);
        double expected = -poisson.logProbability(k);
        check(failures, "LOG double", k, eta, Double.NaN, PoissonLogLoss.nll(k, eta), expected,
            scale);
        check(failures, "LOG int", k, eta, Double.NaN, PoissonLogIntLoss.nll(k, eta), expected,
            scale);
        check(failures, "LOG long", k, eta, Double.NaN, PoissonLogLongLoss.nll(k, eta),
            expected, scale);
        check(failures, "SOFTPLUS", k, eta, Double.NaN, PoissonSoftplusLoss.nll(k, eta),
            -softplus.logProbability(k), Math.max(Math.max(1, k), softplusRate));
      }
    }
    assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
  }

  private static void check(
      List<String> failures,
      String what,
      double y,
      double eta1,
      double eta2,
      double got,
      double expected,
      double scale) {
    double err = Math.abs(got - expected);
    boolean ok =
        Double.isFinite(got)
            && (err <= ReferenceVectorTest.RELATIVE * Math.abs(expected)
                || err <= ReferenceVectorTest.ABSOLUTE * scale);
    if (!ok) {
      failures.add(
          String.format(
              Locale.ROOT,
              "%s y=%s eta1=%s eta2=%s: got %s, commons-statistics %s",
              what,
              Double.toString(y),
              Double.toString(eta1),
              Double.toString(eta2),
              Double.toString(got),
              Double.toString(expected)));
    }
  }
}
