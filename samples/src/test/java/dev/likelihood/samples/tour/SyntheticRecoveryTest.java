package dev.likelihood.samples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likelihood.runtime.fit.FitResult;
import org.junit.jupiter.api.Test;

/**
 * Each synthetic chapter recovers the truth its data were drawn from. Newton fits are held to
 * 4 of their own standard errors (which shrink as 1/sqrt(n)), and the standard errors themselves
 * to the textbook value where one exists; L-BFGS fits, which report none, to tolerances worked
 * out from the sample size in each test.
 */
class SyntheticRecoveryTest {

  @Test
  void normalRegressionRecoversLineAndNoiseWithTextbookStandardErrors() {
    RegressionChapter.Fitted normal = new RegressionChapter().normal();
    FitResult fit = normal.fit();
    assertWithin(fit, "mean", new double[] {RegressionChapter.INTERCEPT, RegressionChapter.SLOPE});
    assertWithin(fit, "sigma", new double[] {Math.log(RegressionChapter.SIGMA)});
    // least squares: SE(slope) = sigma / sqrt(n var x), var x = 4/3 for U(-2, 2); SE(log sigma) = 1/sqrt(2n)
    int n = RegressionChapter.ROWS;
    assertEquals(RegressionChapter.SIGMA / Math.sqrt(n * 4.0 / 3), fit.standardErrors("mean")[1],
        0.05 * fit.standardErrors("mean")[1]);
    assertEquals(1 / Math.sqrt(2.0 * n), fit.standardErrors("sigma")[0], 1e-3 / Math.sqrt(n));
  }

  @Test
  void heteroscedasticRegressionRecoversMeanAndSpread() {
    FitResult fit = new RegressionChapter().heteroscedastic().fit();
    assertWithin(fit, "mean", RegressionChapter.PRICE_MEAN);
    assertWithin(fit, "spread", RegressionChapter.PRICE_SPREAD);
  }

  @Test
  void robustFitsHoldTheLineWhereTheNormalIsPulledAway() {
    RobustChapter.Fits fits = new RobustChapter().fit();
    // outliers add 9 on average to 10% of rows: the normal's intercept moves by about 0.9
    assertTrue(fits.lines().get("NORMAL")[0] > RobustChapter.INTERCEPT + 0.5);
    // SE(slope) of a robust fit ~ 1.25 * 0.5 / sqrt(400 * 4/3) = 0.027, so 0.11 is 4 SE; the
    // one-sided contamination biases the robust intercepts by about 0.1 (the 55th percentile)
    for (String family : new String[] {"LAPLACE", "HUBER", "STUDENT_T (nu = 3)"}) {
      double[] line = fits.lines().get(family);
      assertEquals(RobustChapter.SLOPE, line[1], 0.11, family + " slope");
      assertEquals(RobustChapter.INTERCEPT, line[0], 0.25, family + " intercept");
    }
  }

  @Test
  void uncertainBernoulliSeparatesTheCameras() {
    FitResult fit = new BinaryChapter().uncertain().fit();
    assertWithin(fit, "logit", BinaryChapter.LOGIT);
    double[] u = fit.coefficients("uncertainty");
    // near 0 softplus is flat, so the sharp camera's coefficient is barely determined: compare
    // the uncertainties themselves. 10,000 blurry images pin u to about +-0.1 (its SE by the
    // delta method is sigmoid(eta) SE(eta)), the sharp camera's to within 0.3 of 0
    assertEquals(BinaryChapter.uncertainty(BinaryChapter.UNCERTAINTY, 1), BinaryChapter.uncertainty(u, 1), 0.4);
    assertEquals(BinaryChapter.uncertainty(BinaryChapter.UNCERTAINTY, 0), BinaryChapter.uncertainty(u, 0), 0.3);
  }

  @Test
  void categoricalRecoversLogitDifferences() {
    FitResult fit = new MulticlassChapter().fit().fit();
    // 3,000 rows spread over 3 classes: the coefficient differences have SEs of 0.08 to 0.15,
    // so 0.5 is more than 3 SE for each of the 6
    for (int k = 1; k < 3; k++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(MulticlassChapter.TRUTH[k][j], MulticlassChapter.relative(fit, k, j), 0.5,
            "tool " + k + " column " + j);
      }
    }
  }

  @Test
  void poissonWithAnOffsetRecoversTheHourlyRate() {
    assertWithin(new CountsChapter().exposure(), "eta", CountsChapter.CALL_RATE);
  }

  @Test
  void negativeBinomialRecoversMeanAndSize() {
    FitResult fit = new CountsChapter().negativeBinomial().fit();
    assertWithin(fit, "logMean", CountsChapter.LOG_MEAN);
    assertWithin(fit, "logSize", new double[] {Math.log(CountsChapter.SIZE)});
  }

  @Test
  void betaRecoversMeanAndPrecision() {
    FitResult fit = new ProportionsChapter().fit().fit();
    assertWithin(fit, "logitMean", ProportionsChapter.LOGIT_MEAN);
    assertWithin(fit, "logPrecision", new double[] {Math.log(ProportionsChapter.PRECISION)});
  }

  @Test
  void vonMisesFindsTheDirectionAcrossTheWrap() {
    FitResult fit = new DirectionsChapter().fit().fit();
    assertWithin(fit, "mu", new double[] {DirectionsChapter.MU});
    assertWithin(fit, "logKappa", new double[] {Math.log(DirectionsChapter.KAPPA)});
    // circular SE of mu: 1 / sqrt(n kappa A(kappa)) = 1 / sqrt(1000 * 4 * 0.87) = 0.017
    assertEquals(0.017, fit.standardErrors("mu")[0], 0.002);
  }

  @Test
  void plackettLuceRecoversStrengthsUpToAShift() {
    double[] ours = RankingsChapter.centred(new RankingsChapter().fit().fit().coefficients("scores"));
    double[] truth = RankingsChapter.centred(RankingsChapter.STRENGTH);
    // 2,000 full rankings of 6: each strength is seen in about 10,000 choices, SE about 0.03
    for (int j = 0; j < truth.length; j++) {
      assertEquals(truth[j], ours[j], 0.12, "runner " + j);
    }
  }

  @Test
  void mixtureRecoversBothModesAndTheJamLogit() {
    FitResult fit = new MixturesChapter().fit().fit();
    double[] mu = fit.coefficients("mu");
    double[] logSigma = fit.coefficients("logSigma");
    double[] jam = MixturesChapter.jamLogit(fit);
    // about 2,000 rows per component: SE(mu) = sigma / sqrt(2000) <= 0.14, SE(sigma) <= 0.1;
    // the jam logit is a logistic regression on 4,000 noisy labels, SEs about 0.1 and 0.2
    for (int k = 0; k < 2; k++) {
      assertEquals(MixturesChapter.MU[k], mu[k], 0.6, "mu " + k);
      assertEquals(MixturesChapter.SIGMA[k], Math.exp(logSigma[k]), 0.4, "sigma " + k);
    }
    assertEquals(MixturesChapter.JAM[0], jam[0], 0.4, "jam intercept");
    assertEquals(MixturesChapter.JAM[1], jam[1], 0.8, "jam slope");
  }

  /** Every coefficient of {@code parameter} within 4 of its standard errors of the truth. */
  private static void assertWithin(FitResult fit, String parameter, double[] truth) {
    assertTrue(fit.converged(), parameter + ": " + fit.stopReason());
    double[] beta = fit.coefficients(parameter);
    double[] se = fit.standardErrors(parameter);
    for (int j = 0; j < truth.length; j++) {
      assertEquals(truth[j], beta[j], 4 * se[j], parameter + "[" + j + "], SE " + se[j]);
    }
  }
}
