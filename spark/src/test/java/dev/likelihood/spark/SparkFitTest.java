package dev.likelihood.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likelihood.runtime.fit.FitResult;
import dev.likelihood.runtime.fit.Fitter;
import java.util.List;
import java.util.function.Function;
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
    FitResult[] fits = fitBoth(data, SampleModels.CLAIMS_DATA,
        Fitter.of(SampleModels.claimsPredictors(data)).quiet(),
        local -> local.newton(SampleModels.claimsCurvature(data)),
        glm -> glm.newton(SampleModels.CLAIMS_CURVATURE, Fitter::quiet),
        SampleModels.CLAIMS_RATE);
    assertSameStandardErrors(fits[0], fits[1], "rate");
    assertNear(SyntheticData.CLAIMS_TRUTH, fits[1].coefficients("rate"), 0.05);
  }

  @Test
  void heteroscedasticNormalNewtonEqualsTheSingleMachineFit() {
    SyntheticData data = SyntheticData.readings(ROWS, 7);
    FitResult[] fits = fitBoth(data, SampleModels.READINGS_DATA,
        Fitter.of(SampleModels.readingsPredictors(data)).quiet(),
        local -> local.newton(SampleModels.readingsCurvature(data)),
        glm -> glm.newton(SampleModels.READINGS_CURVATURE, Fitter::quiet),
        SampleModels.READINGS_MEAN, SampleModels.READINGS_SIGMA);
    assertSameStandardErrors(fits[0], fits[1], "mean", "sigma");
    double[] truth = SyntheticData.READINGS_TRUTH;
    assertNear(new double[] {truth[0], truth[1], truth[2]}, fits[1].coefficients("mean"), 0.05);
    assertNear(new double[] {truth[3], truth[4]}, fits[1].coefficients("sigma"), 0.05);
  }

  @Test
  void poissonWithExposureLbfgsEqualsTheSingleMachineFit() {
    SyntheticData data = SyntheticData.claims(ROWS, 42);
    fitBoth(data, SampleModels.CLAIMS_DATA,
        Fitter.of(SampleModels.claimsPredictors(data)).quiet().tolerance(TOLERANCE),
        local -> local.lbfgs(SampleModels.claimsLoss(data)),
        glm -> glm.lbfgs(SampleModels.CLAIMS_GRADIENT, f -> f.quiet().tolerance(TOLERANCE)),
        SampleModels.CLAIMS_RATE);
  }

  @Test
  void heteroscedasticNormalLbfgsEqualsTheSingleMachineFit() {
    SyntheticData data = SyntheticData.readings(ROWS, 7);
    fitBoth(data, SampleModels.READINGS_DATA,
        Fitter.of(SampleModels.readingsPredictors(data)).quiet().tolerance(TOLERANCE),
        local -> local.lbfgs(SampleModels.readingsLoss(data)),
        glm -> glm.lbfgs(SampleModels.READINGS_GRADIENT, f -> f.quiet().tolerance(TOLERANCE)),
        SampleModels.READINGS_MEAN, SampleModels.READINGS_SIGMA);
  }

  /**
   * Fits the rows in memory and through Spark (4 partitions), asserts the two fits equal, and
   * returns them: {single machine, Spark}.
   */
  private static FitResult[] fitBoth(SyntheticData data, List<String> dataColumns,
      Fitter fitter, Function<Fitter, FitResult> inMemory,
      Function<SparkGlm, FitResult> distributed, PredictorColumns... predictors) {
    FitResult local = inMemory.apply(fitter);
    FitResult spark;
    try (SparkGlm glm = SparkGlm.of(data.toDataset(LocalSparkTest.spark, 4), dataColumns,
        predictors)) {
      spark = distributed.apply(glm);
    }
    String[] parameters = new String[predictors.length];
    for (int k = 0; k < predictors.length; k++) {
      parameters[k] = predictors[k].parameter();
    }
    assertSameFit(local, spark, parameters);
    return new FitResult[] {local, spark};
  }

  private static void assertSameFit(FitResult expected, FitResult actual, String... parameters) {
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
