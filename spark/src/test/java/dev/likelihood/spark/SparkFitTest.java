package dev.likelihood.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likelihood.runtime.fit.FitResult;
import dev.likelihood.runtime.fit.Fitter;
import org.junit.jupiter.api.Test;

/**
 * The Spark fit equals the single-machine fit of the same rows to 1e-9 relative: same
 * generated kernel, same optimiser (Newton with the generated Hessian, and L-BFGS), the sums
 * only split into blocks and partitions. 100,000 rows in 4 partitions.
 */
class SparkFitTest extends LocalSparkTest {

  private static final int ROWS = 100_000;
  /** Tight enough that both fits stop at the optimum, not where their paths happen to be. */
  private static final double TOLERANCE = 1e-13;

  @Test
  void poissonWithExposureNewtonEqualsTheSingleMachineFit() {
    SyntheticData data = SyntheticData.claims(ROWS, 42);
    FitResult local = Fitter.of(SampleModels.claimsPredictors(data)).quiet()
        .newton(SampleModels.claimsCurvature(data));
    FitResult distributed;
    try (SparkGlm glm = SparkGlm.of(data.toDataset(spark, 4), SampleModels.CLAIMS_DATA,
        SampleModels.CLAIMS_RATE)) {
      distributed = glm.newton(SampleModels.CLAIMS_CURVATURE, Fitter::quiet);
    }
    assertSameFit(local, distributed, "rate");
    assertSameStandardErrors(local, distributed, "rate");
    assertNear(SyntheticData.CLAIMS_TRUTH, distributed.coefficients("rate"), 0.05);
  }

  @Test
  void heteroscedasticNormalNewtonEqualsTheSingleMachineFit() {
    SyntheticData data = SyntheticData.readings(ROWS, 7);
    FitResult local = Fitter.of(SampleModels.readingsPredictors(data)).quiet()
        .newton(SampleModels.readingsCurvature(data));
    FitResult distributed;
    try (SparkGlm glm = SparkGlm.of(data.toDataset(spark, 4), SampleModels.READINGS_DATA,
        SampleModels.READINGS_MEAN, SampleModels.READINGS_SIGMA)) {
      distributed = glm.newton(SampleModels.READINGS_CURVATURE, Fitter::quiet);
    }
    assertSameFit(local, distributed, "mean", "sigma");
    assertSameStandardErrors(local, distributed, "mean", "sigma");
    double[] truth = SyntheticData.READINGS_TRUTH;
    assertNear(new double[] {truth[0], truth[1], truth[2]}, distributed.coefficients("mean"),
        0.05);
    assertNear(new double[] {truth[3], truth[4]}, distributed.coefficients("sigma"), 0.05);
  }

  @Test
  void poissonWithExposureLbfgsEqualsTheSingleMachineFit() {
    SyntheticData data = SyntheticData.claims(ROWS, 42);
    FitResult local = Fitter.of(SampleModels.claimsPredictors(data)).quiet().tolerance(TOLERANCE)
        .lbfgs(SampleModels.claimsLoss(data));
    FitResult distributed;
    try (SparkGlm glm = SparkGlm.of(data.toDataset(spark, 4), SampleModels.CLAIMS_DATA,
        SampleModels.CLAIMS_RATE)) {
      distributed = glm.lbfgs(SampleModels.CLAIMS_GRADIENT, f -> f.quiet().tolerance(TOLERANCE));
    }
    assertSameFit(local, distributed, "rate");
    assertNear(SyntheticData.CLAIMS_TRUTH, distributed.coefficients("rate"), 0.05);
  }

  @Test
  void heteroscedasticNormalLbfgsEqualsTheSingleMachineFit() {
    SyntheticData data = SyntheticData.readings(ROWS, 7);
    FitResult local = Fitter.of(SampleModels.readingsPredictors(data)).quiet()
        .tolerance(TOLERANCE).lbfgs(SampleModels.readingsLoss(data));
    FitResult distributed;
    try (SparkGlm glm = SparkGlm.of(data.toDataset(spark, 4), SampleModels.READINGS_DATA,
        SampleModels.READINGS_MEAN, SampleModels.READINGS_SIGMA)) {
      distributed = glm.lbfgs(SampleModels.READINGS_GRADIENT,
          f -> f.quiet().tolerance(TOLERANCE));
    }
    assertSameFit(local, distributed, "mean", "sigma");
  }

  static void assertSameFit(FitResult expected, FitResult actual, String... parameters) {
    assertTrue(expected.converged(), expected::toString);
    assertTrue(actual.converged(), actual::toString);
    assertEquals(expected.loss(), actual.loss(), 1e-9 * Math.abs(expected.loss()), "loss");
    for (String parameter : parameters) {
      double[] e = expected.coefficients(parameter);
      double[] a = actual.coefficients(parameter);
      for (int j = 0; j < e.length; j++) {
        assertEquals(e[j], a[j], 1e-9 * Math.abs(e[j]),
            () -> parameter + "\n" + expected + "\n" + actual);
      }
    }
    double worst = 0;
    for (String parameter : parameters) {
      double[] e = expected.coefficients(parameter);
      double[] a = actual.coefficients(parameter);
      for (int j = 0; j < e.length; j++) {
        worst = Math.max(worst, Math.abs(a[j] - e[j]) / Math.abs(e[j]));
      }
    }
    System.out.printf("%s, %s: single machine %d iterations, Spark %d; loss %.17g vs %.17g;"
        + " worst relative coefficient difference %.2g%n", String.join(", ", parameters),
        actual.method(), expected.iterations(), actual.iterations(), expected.loss(),
        actual.loss(), worst);
  }

  private static void assertSameStandardErrors(FitResult expected, FitResult actual,
      String... parameters) {
    for (String parameter : parameters) {
      double[] e = expected.standardErrors(parameter);
      double[] a = actual.standardErrors(parameter);
      for (int j = 0; j < e.length; j++) {
        assertEquals(e[j], a[j], 1e-9 * e[j], parameter + " standard error " + j);
      }
    }
  }

  private static void assertNear(double[] truth, double[] estimate, double tolerance) {
    for (int j = 0; j < truth.length; j++) {
      assertEquals(truth[j], estimate[j], tolerance, "coefficient " + j);
    }
  }
}
