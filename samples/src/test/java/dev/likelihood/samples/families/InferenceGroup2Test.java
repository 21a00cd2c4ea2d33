package dev.likelihood.samples.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.CauchyDistribution;
import org.apache.commons.statistics.distribution.GumbelDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PascalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Recipe step 4 for BETA, VON_MISES, BINOMIAL, NEGATIVE_BINOMIAL, UNCERTAIN_BERNOULLI and FOCAL:
 * the generated static {@code mean(...)} and {@code mode(...)}, which take the record's
 * {@code @Param} (on their eta scale) and {@code @Known} components in record order, against
 * Apache Commons Statistics' {@code getMean()} or an independent formula, within 1e-13 relative.
 *
 * <ul>
 *   <li>BETA: mean = mean; mode = (a - 1)/(a + b - 2) if a &gt; 1 and b &gt; 1, else NaN
 *       (a = mean precision, b = (1 - mean) precision).
 *   <li>VON_MISES: mean = mode = mu.
 *   <li>BINOMIAL: mean = n p; mode = floor((n + 1) p), capped at n.
 *   <li>NEGATIVE_BINOMIAL: mean = mean; mode = floor(mean (size - 1)/size) if size &gt; 1, else 0.
 *   <li>UNCERTAIN_BERNOULLI: mean = P(y = 1) = E[sigmoid(eta_p + u z)]; mode = 1 if eta_p &gt; 0,
 *       else 0. The probabilities are mpmath quadratures ({@code
 *       tools/reference/families_group2.py --inference}, correctly rounded), cross-checked with
 *       scipy's adaptive quadrature.
 *   <li>FOCAL: a loss, not a distribution: no mean or mode.
 * </ul>
 * The links' inverses come from Commons Statistics where it has them (PROBIT: the standard
 * normal CDF, CAUCHIT: the standard Cauchy CDF, LOGLOG: the standard Gumbel CDF, CLOGLOG: its
 * survival function at -eta), not from the generated code.
 */
class InferenceGroup2Test {

  private static final double TOLERANCE = 1e-13;
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
  private static final GumbelDistribution STANDARD_GUMBEL = GumbelDistribution.of(0, 1);
  private static final CauchyDistribution STANDARD_CAUCHY = CauchyDistribution.of(0, 1);

  private static double logistic(double eta) {
    return 1 / (1 + Math.exp(-eta));
  }

  private static double softplus(double eta) {
    return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
  }

  private static void assertRelative(double expected, double actual, String what) {
    if (Double.isNaN(expected)) {
      assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
      return;
    }
    double error = Math.abs(actual - expected);
    assertTrue(
        error <= TOLERANCE * Math.abs(expected),
        () -> what + ": expected " + expected + ", got " + actual + " (relative error "
            + error / Math.abs(expected) + ")");
  }

  // --- BETA ------------------------------------------------------------------------------------

  private static double betaMode(double mean, double precision) {
    double a = mean * precision;
    double b = (1 - mean) * precision;
    return a > 1 && b > 1 ? (a - 1) / (a + b - 2) : Double.NaN;
  }

  private static void checkBeta(String link, double etaMean, double etaPrecision, double mean,
      double precision, double gotMean, double gotMode) {
    String what = "BETA " + link + " at (" + etaMean + ", " + etaPrecision + ")";
    double expectedMean = BetaDistribution.of(mean * precision, (1 - mean) * precision).getMean();
    assertRelative(expectedMean, gotMean, what + " mean");
    assertRelative(betaMode(mean, precision), gotMode, what + " mode");
  }

  @Test
  void betaMeanAndMode() {
    // (eta of the mean, eta of the precision): a, b > 1; a < 1; b < 1; a large precision
    double[][] points = {{0.4, Math.log(10)}, {-3.0, Math.log(5)}, {2.5, Math.log(3)},
        {-0.7, Math.log(250)}, {0.0, 0.0}};
    for (double[] p : points) {
      double precision = Math.exp(p[1]);
      checkBeta("LOGIT", p[0], p[1], logistic(p[0]), precision,
          BetaLogitLoss.mean(p[0], p[1]), BetaLogitLoss.mode(p[0], p[1]));
      checkBeta("PROBIT", p[0], p[1], STANDARD_NORMAL.cumulativeProbability(p[0]), precision,
          BetaProbitLoss.mean(p[0], p[1]), BetaProbitLoss.mode(p[0], p[1]));
      checkBeta("CLOGLOG", p[0], p[1], STANDARD_GUMBEL.survivalProbability(-p[0]), precision,
          BetaCloglogLoss.mean(p[0], p[1]), BetaCloglogLoss.mode(p[0], p[1]));
      checkBeta("LOGLOG", p[0], p[1], STANDARD_GUMBEL.cumulativeProbability(p[0]), precision,
          BetaLoglogLoss.mean(p[0], p[1]), BetaLoglogLoss.mode(p[0], p[1]));
      checkBeta("CAUCHIT", p[0], p[1], STANDARD_CAUCHY.cumulativeProbability(p[0]), precision,
          BetaCauchitLoss.mean(p[0], p[1]), BetaCauchitLoss.mode(p[0], p[1]));
      checkBeta("LOGIT/SOFTPLUS", p[0], p[1], logistic(p[0]), softplus(p[1]),
          BetaSoftplusPrecisionLoss.mean(p[0], p[1]),
          BetaSoftplusPrecisionLoss.mode(p[0], p[1]));
    }
    // a known value: mean 1/2 and precision 10 (a = b = 5): mode 1/2
    assertEquals(0.5, BetaLogitLoss.mode(0.0, Math.log(10)), 1e-15);
  }

  // --- VON_MISES -------------------------------------------------------------------------------

  @Test
  void vonMisesMeanAndModeAreMu() {
    double[] mus = {-3.0, -0.25, 0.0, 1.5, 2.75, 100.0};
    double[] etaKappas = {-2.0, 0.0, 1.5, 30.0};
    for (double mu : mus) {
      for (double etaKappa : etaKappas) {
        assertEquals(mu, VonMisesLoss.mean(mu, etaKappa), 0.0, "mean at " + mu);
        assertEquals(mu, VonMisesLoss.mode(mu, etaKappa), 0.0, "mode at " + mu);
        assertEquals(mu, VonMisesSoftplusKappaLoss.mean(mu, etaKappa), 0.0, "mean at " + mu);
        assertEquals(mu, VonMisesSoftplusKappaLoss.mode(mu, etaKappa), 0.0, "mode at " + mu);
      }
    }
  }

  // --- BINOMIAL --------------------------------------------------------------------------------

  private static double binomialMode(int n, double p) {
    return Math.min(n, Math.floor((n + 1) * p));
  }

  private static void checkBinomial(String what, int n, double p, double gotMean, double gotMode) {
    assertRelative(BinomialDistribution.of(n, p).getMean(), gotMean, what + " mean");
    assertEquals(binomialMode(n, p), gotMode, 0.0, what + " mode");
  }

  @Test
  void binomialMeanAndMode() {
    // (eta, n), with (n + 1) p away from an integer; eta = 40 puts (n + 1) p above n: the cap
    double[] etas = {-2.2, -0.35, 0.3, 1.9, 40.0};
    int[] trials = {1, 3, 10, 57, 2_000_000_000};
    for (double eta : etas) {
      for (int n : trials) {
        String at = " at eta " + eta + ", n " + n;
        checkBinomial("LOGIT" + at, n, logistic(eta),
            BinomialKnownTrialsLoss.mean(eta, n), BinomialKnownTrialsLoss.mode(eta, n));
        checkBinomial("PROBIT" + at, n, STANDARD_NORMAL.cumulativeProbability(eta),
            BinomialProbitKnownTrialsLoss.mean(eta, n),
            BinomialProbitKnownTrialsLoss.mode(eta, n));
        checkBinomial("CLOGLOG" + at, n, STANDARD_GUMBEL.survivalProbability(-eta),
            BinomialCloglogKnownTrialsLoss.mean(eta, n),
            BinomialCloglogKnownTrialsLoss.mode(eta, n));
        checkBinomial("LOGLOG" + at, n, STANDARD_GUMBEL.cumulativeProbability(eta),
            BinomialLoglogKnownTrialsLoss.mean(eta, n),
            BinomialLoglogKnownTrialsLoss.mode(eta, n));
        checkBinomial("CAUCHIT" + at, n, STANDARD_CAUCHY.cumulativeProbability(eta),
            BinomialCauchitKnownTrialsLoss.mean(eta, n),
            BinomialCauchitKnownTrialsLoss.mode(eta, n));
      }
      checkBinomial("LOGIT, 20 trials, eta " + eta, 20, logistic(eta),
          BinomialTwentyLoss.mean(eta), BinomialTwentyLoss.mode(eta));
      checkBinomial("PROBIT, 20 trials, eta " + eta, 20,
          STANDARD_NORMAL.cumulativeProbability(eta), BinomialProbitTwentyLoss.mean(eta),
          BinomialProbitTwentyLoss.mode(eta));
      checkBinomial("CLOGLOG, 2e9 trials, eta " + eta, 2_000_000_000,
          STANDARD_GUMBEL.survivalProbability(-eta), BinomialCloglogTwoBillionLoss.mean(eta),
          BinomialCloglogTwoBillionLoss.mode(eta));
    }
    // known values: n = 10, p = 1/2: mean 5, mode floor(5.5) = 5; p -> 1: mode capped at n
    assertEquals(5.0, BinomialKnownTrialsLoss.mean(0.0, 10), 0.0);
    assertEquals(5.0, BinomialKnownTrialsLoss.mode(0.0, 10), 0.0);
    assertEquals(10.0, BinomialKnownTrialsLoss.mode(800.0, 10), 0.0);
    assertEquals(0.0, BinomialKnownTrialsLoss.mode(-800.0, 10), 0.0);
  }

  // --- NEGATIVE_BINOMIAL -----------------------------------------------------------------------

  private static double negativeBinomialMode(double mean, double size) {
    return size > 1 ? Math.floor(mean * (size - 1) / size) : 0;
  }

  @Test
  void negativeBinomialMeanAndMode() {
    // (mean, size); mean (size - 1)/size away from an integer
    double[][] points = {{2.3, 0.5}, {7.6, 3.0}, {0.4, 12.0}, {41.7, 1.0}, {1e6 + 0.3, 5e3},
        {12.2, 7.0}};
    for (double[] p : points) {
      double mean = p[0];
      double size = p[1];
      double etaMean = Math.log(mean);
      double etaSize = Math.log(size);
      // the exact mean of the rounded exp(etaMean), which is what the generated code sees
      double expMean = Math.exp(etaMean);
      String what = "NB at mean " + mean + ", size " + size;
      assertRelative(expMean, NegativeBinomialLoss.mean(etaMean, etaSize), what + " mean");
      assertRelative(expMean, NegativeBinomialLongLoss.mean(etaMean, etaSize), what + " mean");
      assertRelative(expMean, NegativeBinomialSizeFirstLoss.mean(etaSize, etaMean),
          what + " mean (size first)");
      double expectedMode = negativeBinomialMode(mean, size);
      assertEquals(expectedMode, NegativeBinomialLoss.mode(etaMean, etaSize), 0.0, what + " mode");
      assertEquals(expectedMode, NegativeBinomialLongLoss.mode(etaMean, etaSize), 0.0,
          what + " mode");
      assertEquals(expectedMode, NegativeBinomialSizeFirstLoss.mode(etaSize, etaMean), 0.0,
          what + " mode (size first)");
      double softMean = softplus(etaMean);
      double softSize = softplus(etaSize);
      assertRelative(softMean, NegativeBinomialSoftplusLoss.mean(etaMean, etaSize),
          what + " mean (SOFTPLUS)");
      assertEquals(negativeBinomialMode(softMean, softSize),
          NegativeBinomialSoftplusLoss.mode(etaMean, etaSize), 0.0, what + " mode (SOFTPLUS)");
    }
    // Commons Statistics' Pascal distribution (integer size r, p = r/(r + mean)) agrees
    for (int r : new int[] {1, 2, 5, 30}) {
      for (double mean : new double[] {0.7, 3.2, 55.0}) {
        double p = r / (r + mean);
        double commons = PascalDistribution.of(r, p).getMean();
        double got = NegativeBinomialLoss.mean(Math.log(mean), Math.log(r));
        assertEquals(commons, got, 1e-12 * commons, "Pascal(" + r + ", " + p + ")");
      }
    }
  }

  // --- UNCERTAIN_BERNOULLI ---------------------------------------------------------------------

  /** {eta_p, eta_u, P(y = 1)} with u = softplus(eta_u), from mpmath (see the class Javadoc). */
  private static final double[][] UB_SOFTPLUS = {
    {0.0, 0.0, 0.5},
    {1.5, -1.0, 0.8130161688688098},
    {-2.0, 1.0, 0.17677885929819148},
    {4.0, 2.5, 0.8992947718417922},
    {-0.5, -8.0, 0.3775406720356412},
    {30.0, 3.0, 0.9999999999902432},
    {-12.0, 2.0, 5.871791539445493e-05},
  };

  /** The same with u = exp(eta_u). */
  private static final double[][] UB_LOG = {
    {0.0, 0.0, 0.5},
    {1.5, -1.0, 0.811334670510318},
    {-2.0, 1.0, 0.26811939546403546},
    {4.0, 2.5, 0.6273269416857976},
    {-0.5, -8.0, 0.37754067203672725},
    {30.0, 3.0, 0.9315668934237844},
    {-12.0, 2.0, 0.0573587516714752},
  };

  @Test
  void uncertainBernoulliMeanIsTheMarginalProbability() {
    for (double[] row : UB_SOFTPLUS) {
      String what = "UNCERTAIN_BERNOULLI at (" + row[0] + ", " + row[1] + ")";
      assertRelative(row[2], UncertainBernoulliLoss.mean(row[0], row[1]), what + " mean");
      assertRelative(row[2], UncertainBernoulliIntLoss.mean(row[0], row[1]), what + " mean");
      double mode = row[0] > 0 ? 1 : 0;
      assertEquals(mode, UncertainBernoulliLoss.mode(row[0], row[1]), 0.0, what + " mode");
      assertEquals(mode, UncertainBernoulliIntLoss.mode(row[0], row[1]), 0.0, what + " mode");
    }
    for (double[] row : UB_LOG) {
      String what = "UNCERTAIN_BERNOULLI (LOG) at (" + row[0] + ", " + row[1] + ")";
      assertRelative(row[2], UncertainBernoulliLogUncertaintyLoss.mean(row[0], row[1]),
          what + " mean");
      assertEquals(row[0] > 0 ? 1.0 : 0.0,
          UncertainBernoulliLogUncertaintyLoss.mode(row[0], row[1]), 0.0, what + " mode");
    }
    // a vanishing uncertainty is the plain Bernoulli: P(y = 1) = sigmoid(eta_p) + O(u^2)
    double etaU = Math.log(Math.expm1(1e-9)); // u = 1e-9
    for (double eta : new double[] {-3.0, -0.4, 0.9, 5.0}) {
      assertRelative(logistic(eta), UncertainBernoulliLoss.mean(eta, etaU), "u -> 0 at " + eta);
    }
    assertEquals(0.0, UncertainBernoulliLoss.mode(-1e-300, 0.0), 0.0);
    assertEquals(0.0, UncertainBernoulliLoss.mode(0.0, 0.0), 0.0);
    assertEquals(1.0, UncertainBernoulliLoss.mode(1e-300, 0.0), 0.0);
  }

  // --- FOCAL -----------------------------------------------------------------------------------

  @Test
  void focalHasNoMeanOrMode() {
    for (Class<?> loss : new Class<?>[] {FocalLoss.class, FocalIntLoss.class,
        FocalGammaZeroLoss.class, FocalAlphaQuarterLoss.class, FocalHalfGammaLoss.class,
        FocalProbitLoss.class}) {
      for (Method m : loss.getDeclaredMethods()) {
        assertTrue(!m.getName().equals("mean") && !m.getName().equals("mode"),
            loss.getSimpleName() + " declares " + m);
      }
    }
  }
}
