package dev.likelihood.samples.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likelihood.runtime.Reduction;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code lossGradientHessian} on random batches of every record with a Hessian, against the
 * per-sample {@code nllGradientHessian} and the batch {@code lossAndGradient}:
 * <ul>
 *   <li>it returns {@code lossAndGradient}'s loss and writes its gradient columns, to the bit, for
 *       SUM and MEAN (weighted where the record has a {@code @Weight});
 *   <li>under SUM, row i's block at {@code hessian[i * P * P]} is the per-sample Hessian (which
 *       includes the weight) to the bit; under MEAN it is that divided by n or by the sum of the
 *       weights, within 4 ulps (the batch multiplies by the reciprocal);
 *   <li>a {@code [from, to)} slice writes the blocks of its rows only (sentinels elsewhere) and
 *       the same blocks as the whole batch under SUM;
 *   <li>a Hessian column whose length is not n * P * P is an IllegalArgumentException naming it.
 * </ul>
 */
class HessianBatchTest {

  private static final double SENTINEL = -7.25;

  @TestFactory
  Stream<DynamicTest> batchHessiansAgreeWithSamples() {
    return FamilyCases.all().stream()
        .filter(LossCase::hasHessian)
        .map(c -> DynamicTest.dynamicTest(c.name, () -> check(c)));
  }

  private static void check(LossCase c) {
    Random random = c.random("hessian-batch");
    int p = c.paramComponents().length;
    int block = p * p;
    for (int b = 0; b < 4; b++) {
      boolean wide = b % 2 == 1;
      int n = 1 + random.nextInt(b == 0 ? 3 : 120);
      List<Object[]> rows = c.rows(random, n, wide, 1);
      LossCase.Batch batch = c.batch(rows);
      String what = c.name + " batch " + b + " of " + n + " rows (" + (wide ? "wide" : "sensible")
          + ", seed " + LossCase.SEED + ")";
      double[][] samples = new double[n][block];
      for (int i = 0; i < n; i++) {
        c.nllGradientHessian(rows.get(i), new double[p], samples[i]);
      }
      double weightSum = 0;
      if (c.weighted) {
        // exactly, then rounded once, as the generated code's compensated sum of the weights
        java.math.BigDecimal exact = java.math.BigDecimal.ZERO;
        for (double w : (double[]) batch.columns[c.roles.indexOf('w')]) {
          exact = exact.add(new java.math.BigDecimal(w));
        }
        weightSum = exact.doubleValue();
      }
      for (Reduction reduction : Reduction.values()) {
        double[][] expectedGrads = batch.gradients(SENTINEL);
        double expected = c.lossAndGradient(null, reduction, 0, n, batch, expectedGrads);
        double[][] grads = batch.gradients(SENTINEL);
        double[] hessian = HessianPropertyTest.filled(n * block);
        double loss = c.lossGradientHessian(reduction, 0, n, batch, grads, hessian);
        GradientPropertyTest.assertSame(expected, loss, reduction + " loss: " + what);
        for (int k = 0; k < p; k++) {
          assertTrue(Arrays.equals(expectedGrads[k], grads[k]), reduction + " gradient column " + k + ": " + what);
        }
        double denominator = reduction == Reduction.SUM ? 1 : c.weighted ? weightSum : n;
        if (denominator == 0) {
          continue; // a weighted MEAN with every weight 0 is NaN, as lossAndGradient's
        }
        for (int i = 0; i < n; i++) {
          for (int e = 0; e < block; e++) {
            double want = samples[i][e] / denominator;
            double got = hessian[i * block + e];
            String where = reduction + " block of row " + i + ", entry " + e + ": " + c.describe(rows.get(i));
            assertTrue(Double.isFinite(samples[i][e]), "per-sample Hessian " + samples[i][e] + " at " + where);
            if (reduction == Reduction.SUM) {
              GradientPropertyTest.assertSame(samples[i][e], got, where);
            } else {
              assertEquals(want, got, 4 * Math.ulp(want) + Double.MIN_NORMAL, where);
            }
          }
        }
      }
      if (n >= 3) {
        int from = 1 + random.nextInt(n - 2);
        int to = from + 1 + random.nextInt(n - from - 1);
        double[] hessian = HessianPropertyTest.filled(n * block);
        c.lossGradientHessian(Reduction.SUM, from, to, batch, batch.gradients(SENTINEL), hessian);
        for (int i = 0; i < n; i++) {
          for (int e = 0; e < block; e++) {
            double got = hessian[i * block + e];
            String where = "slice [" + from + ", " + to + ") at row " + i + ", entry " + e + ": " + what;
            if (i >= from && i < to) {
              GradientPropertyTest.assertSame(samples[i][e], got, where);
            } else {
              assertEquals(SENTINEL, got, 0.0, where);
            }
          }
        }
      }
      for (int wrong : new int[] {n * block - 1, n * block + 1, n}) {
        if (wrong == n * block) {
          continue;
        }
        double[] bad = new double[wrong];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> c.lossGradientHessian(Reduction.SUM, 0, n, batch, batch.gradients(0), bad), what);
        assertEquals("column 'hessian' has " + wrong + " entries but needs " + n + " rows x " + block + " = "
            + (long) n * block, e.getMessage(), what);
      }
    }
  }
}
