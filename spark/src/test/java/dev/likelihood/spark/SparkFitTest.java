package dev.likelihood.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likelihood.runtime.fit.FitResult;
import dev.likelihood.runtime.fit.Fitter;
import org.junit.jupiter.api.Test;

/**
 * The Spark fit equals the single-machine fit of the same rows: same generated kernel, same
 * optimiser, the sums only split into blocks and partitions. 100,000 rows in 4 partitions.
 */
class SparkFitTest extends LocalSparkTest {

  private static final int ROWS = 100_000;
  /** Tight enough that both fits stop at the optimum, not where their paths happen to be. */
  private static final double TOLERANCE = 1e-13;

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
    System.out.printf("%s: single machine %d iterations, Spark %d; loss %.17g vs %.17g%n",
        String.join(", ", parameters), expected.iterations(), actual.iterations(),
        expected.loss(), actual.loss());
  }

  private static void assertNear(double[] truth, double[] estimate, double tolerance) {
    for (int j = 0; j < truth.length; j++) {
      assertEquals(truth[j], estimate[j], tolerance, "coefficient " + j);
    }
  }
}
