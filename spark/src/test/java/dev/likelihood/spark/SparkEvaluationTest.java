package dev.likelihood.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likelihood.runtime.Reduction;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

/**
 * One evaluation over a Dataset: the aggregated loss and gradient equal the single-array
 * computation whatever the partitions and block size, and bad rows come back as
 * IllegalArgumentExceptions that say where.
 */
class SparkEvaluationTest extends LocalSparkTest {

  private static final int ROWS = 20_000;
  /** Away from the optimum, so that every gradient entry is large. */
  private static final double[] BETA = {0.2, -0.3, 0.1};

  @Test
  void gradientEqualsTheWholeArrayComputationForAnyPartitionsAndBlocks() {
    SyntheticData data = SyntheticData.claims(ROWS, 3);
    double[] expectedGradient = new double[3];
    double expectedLoss = wholeArray(data, expectedGradient);
    int[][] shapes = {{1, 4096}, {3, 4096}, {7, 1000}, {2, 1}};
    for (int[] shape : shapes) {
      try (SparkGlm glm = SparkGlm.of(data.toDataset(spark, shape[0]), shape[1],
          SampleModels.CLAIMS_DATA, SampleModels.CLAIMS_RATE)) {
        double[] gradient = new double[3];
        double loss = glm.lossAndGradient(SampleModels.CLAIMS_GRADIENT, BETA.clone(), gradient);
        String where = shape[0] + " partitions, blocks of " + shape[1];
        assertEquals(expectedLoss, loss, 1e-13 * Math.abs(expectedLoss), where);
        for (int j = 0; j < 3; j++) {
          assertEquals(expectedGradient[j], gradient[j], 1e-12 * Math.abs(expectedGradient[j]),
              where + ", coefficient " + j);
        }
      }
    }
  }

  @Test
  void aNullIsNamedWithItsColumnPartitionAndRow() {
    SyntheticData data = SyntheticData.claims(ROWS, 3);
    Dataset<Row> withNull = data.toDataset(spark, 2).withColumn("age",
        functions.when(functions.col("claims").geq(4), functions.lit(null))
            .otherwise(functions.col("age")));
    try (SparkGlm glm = SparkGlm.of(withNull, SampleModels.CLAIMS_DATA,
        SampleModels.CLAIMS_RATE)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> glm.lossAndGradient(SampleModels.CLAIMS_GRADIENT, BETA.clone(), new double[3]));
      assertTrue(e.getMessage().matches("column 'age' is null \\(or not a number\\) at row \\d+"
          + " of partition \\d"), e::getMessage);
    }
  }

  @Test
  void anObservationOutsideTheSupportComesBackFromTheGeneratedCode() {
    SyntheticData data = SyntheticData.claims(ROWS, 3);
    Dataset<Row> negative = data.toDataset(spark, 2).withColumn("claims",
        functions.when(functions.col("age").gt(0.99), functions.lit(-2.0))
            .otherwise(functions.col("claims")));
    try (SparkGlm glm = SparkGlm.of(negative, SampleModels.CLAIMS_DATA,
        SampleModels.CLAIMS_RATE)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> glm.lbfgs(SampleModels.CLAIMS_GRADIENT, f -> f.quiet()));
      assertTrue(e.getMessage().matches("in partition \\d, the block of rows \\[0, \\d+\\),"
          + " whose row numbers follow: 'claims' at row \\d+ = -2.0 is outside the support.*"),
          e::getMessage);
    }
  }

  @Test
  void badArgumentsAreNamed() {
    Dataset<Row> rows = SyntheticData.claims(100, 3).toDataset(spark, 1);
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> SparkGlm.of(rows, List.of("claims"), PredictorColumns.of("rate", "height")));
    assertTrue(missing.getMessage().contains("feature column of 'rate' 'height' is not in the"
        + " Dataset"), missing::getMessage);
    assertThrows(IllegalArgumentException.class,
        () -> SparkGlm.of(rows, List.of("claims", "claims"), SampleModels.CLAIMS_RATE));
    assertThrows(IllegalArgumentException.class,
        () -> SparkGlm.of(rows, 0, SampleModels.CLAIMS_DATA, SampleModels.CLAIMS_RATE));
    assertThrows(IllegalArgumentException.class, () -> SparkGlm.of(rows,
        SampleModels.CLAIMS_DATA, SampleModels.CLAIMS_RATE, PredictorColumns.of("rate")));
    assertThrows(IllegalArgumentException.class, () -> PredictorColumns.of("rate", "a", "a"));
    assertThrows(IllegalArgumentException.class,
        () -> PredictorColumns.of("rate").withoutIntercept());
    try (SparkGlm glm = SparkGlm.of(rows, SampleModels.CLAIMS_DATA, SampleModels.CLAIMS_RATE)) {
      IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
          () -> glm.lossAndGradient(SampleModels.CLAIMS_GRADIENT, new double[2], new double[3]));
      assertEquals("coefficients has 2 entries but the fit has 3", length.getMessage());
    }
  }

  /** The loss and X^T g at BETA over whole arrays: the generated kernel called once. */
  private static double wholeArray(SyntheticData data, double[] gradient) {
    double[] age = data.column("age");
    double[] urban = data.column("urban");
    double[] eta = new double[ROWS];
    double[] g = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      eta[i] = BETA[0] + age[i] * BETA[1] + urban[i] * BETA[2];
    }
    double loss = ClaimsLoss.lossAndGradient(Reduction.SUM, data.column("claims"), eta,
        data.column("logExposure"), g);
    for (int i = 0; i < ROWS; i++) {
      gradient[0] += g[i];
      gradient[1] += age[i] * g[i];
      gradient[2] += urban[i] * g[i];
    }
    return loss;
  }
}
