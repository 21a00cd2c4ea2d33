package dev.likelihood.samples.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.likelihood.runtime.Reduction;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * SPEC's batch semantics on random batches of every record in {@link FamilyCases}:
 * <ul>
 *   <li>each row's batch loss and gradient ({@code [i, i + 1)}, SUM) are the per-sample
 *       {@code nll} and {@code nllAndGradient} (the same double: one row's compensated sum is the
 *       row itself);
 *   <li>SUM is the exact sum of the per-sample NLLs (an exact BigDecimal sum) to within the
 *       compensated sum's error bound; MEAN is SUM / n to the bit, or with a {@code @Weight}
 *       sum(w nll) / sum(w); {@code lossAndGradient} returns {@code loss}'s double;
 *   <li>the batch gradient is each row's per-sample gradient times 1 (SUM: the same double), 1/n
 *       (MEAN) or 1/sum(w) (weighted MEAN), within 4 ulps (the batch multiplies by the
 *       scale first: (scale w) d, (scale a) / b);
 *   <li>a {@code [from, to)} slice leaves every other row of the gradient columns as it was (a
 *       sentinel), and equals, loss and gradient to the bit, the call on copies of the rows;
 *   <li>no call writes to its input columns.
 * </ul>
 */
class BatchPropertyTest {

  /** Batches per record: half with sensible rows, half wide. */
  static final int BATCHES = 6;
  private static final double SENTINEL = -7.25;

  @TestFactory
  Stream<DynamicTest> batchesAgreeWithSamples() {
    return FamilyCases.all().stream().map(c -> DynamicTest.dynamicTest(c.name, () -> check(c)));
  }

  private static void check(LossCase c) {
    Random random = c.random("batch");
    for (int b = 0; b < BATCHES; b++) {
      boolean wide = b % 2 == 1;
      int n = 1 + random.nextInt(b == 0 ? 3 : 300);
      int k = 1 + random.nextInt(6);
      List<Object[]> rows = c.rows(random, n, wide, k);
      LossCase.Batch batch = c.batch(rows);
      Object[] before = batch.snapshot();
      String what = c.name + " batch " + b + " of " + n + " rows (k = " + k + ", " + (wide ? "wide" : "sensible")
          + ", seed " + LossCase.SEED + ")";

      double[] nll = new double[n];
      double[][] grads = new double[n][];
      int[] params = c.paramComponents();
      double[][] one = batch.gradients(SENTINEL);
      for (int i = 0; i < n; i++) {
        Object[] row = rows.get(i);
        nll[i] = c.nll(row);
        grads[i] = new double[c.gradientSize(row)];
        c.nllAndGradient(row, grads[i], 0);
        // one row of the batch is the sample
        double single = c.lossAndGradient(null, Reduction.SUM, i, i + 1, batch, one);
        GradientPropertyTest.assertSame(nll[i], single, "row " + i + " as a batch: " + c.describe(row));
        GradientPropertyTest.assertSame(nll[i], c.loss(null, Reduction.SUM, i, i + 1, batch),
            "row " + i + " as a batch (loss): " + c.describe(row));
        int entry = 0;
        for (int p = 0; p < params.length; p++) {
          int width = batch.widths[params[p]];
          for (int j = 0; j < width; j++, entry++) {
            GradientPropertyTest.assertSame(grads[i][entry], one[p][i * width + j],
                "gradient " + c.names[params[p]] + "[" + j + "] of row " + i + " as a batch: " + c.describe(row));
            one[p][i * width + j] = SENTINEL;
          }
        }
      }
      for (double[] column : one) {
        for (int x = 0; x < column.length; x++) {
          assertEquals(SENTINEL, column[x], 0.0, "one-row batches wrote outside their row, entry " + x + ": " + what);
        }
      }

      // SUM against the exact sum of the per-sample values
      double sum = c.loss(null, Reduction.SUM, 0, n, batch);
      BigDecimal exact = BigDecimal.ZERO;
      double absolute = 0;
      boolean finite = true;
      for (double v : nll) {
        finite &= Double.isFinite(v);
        if (Double.isFinite(v)) {
          exact = exact.add(new BigDecimal(v));
          absolute += Math.abs(v);
        }
      }
      assertTrue(finite, "a valid row has a non-finite NLL: " + what);
      double exactSum = exact.doubleValue();
      // Neumaier: |error| <= eps |S| + O(n eps^2) sum |t|, per chunk and over the chunks
      double bound = 2 * Math.ulp(exactSum) + 4 * n * 0x1p-106 * absolute + Double.MIN_NORMAL;
      assertEquals(exactSum, sum, bound, "SUM vs the exact sum: " + what);

      // MEAN
      double mean = c.loss(null, Reduction.MEAN, 0, n, batch);
      double denominator;
      if (c.weighted) {
        double[] w = (double[]) batch.columns[c.roles.indexOf('w')];
        BigDecimal weights = BigDecimal.ZERO;
        for (double x : w) {
          weights = weights.add(new BigDecimal(x));
        }
        denominator = weights.doubleValue();
        if (denominator == 0) {
          assertTrue(Double.isNaN(mean), "MEAN with all weights 0 is 0/0: " + what + " gave " + mean);
        } else {
          double expected = exact.divide(weights, MathContext.DECIMAL128).doubleValue();
          assertEquals(expected, mean, 4 * Math.ulp(expected) + 4 * bound / denominator, "weighted MEAN: " + what);
        }
      } else {
        denominator = n;
        GradientPropertyTest.assertSame(sum / n, mean, "MEAN = SUM / n: " + what);
      }

      // gradients of the reduced loss
      for (Reduction reduction : Reduction.values()) {
        double[][] g = batch.gradients(SENTINEL);
        double loss = c.lossAndGradient(null, reduction, 0, n, batch, g);
        GradientPropertyTest.assertSame(reduction == Reduction.SUM ? sum : mean, loss,
            reduction + " lossAndGradient vs loss: " + what);
        double scale = reduction == Reduction.SUM ? 1.0 : 1.0 / denominator;
        for (int i = 0; i < n; i++) {
          int entry = 0;
          for (int p = 0; p < params.length; p++) {
            int width = batch.widths[params[p]];
            for (int j = 0; j < width; j++, entry++) {
              double expected = grads[i][entry] * scale;
              double got = g[p][i * width + j];
              String where = reduction + " gradient " + c.names[params[p]] + "[" + j + "] of row " + i + ": "
                  + c.describe(rows.get(i)) + " in " + what;
              if (reduction == Reduction.SUM) {
                GradientPropertyTest.assertSame(expected, got, where); // 1.0 * w * d is w * d
              } else if (!(Math.abs(expected - got) <= 4 * Math.ulp(expected) || expected == got
                  || (Double.isNaN(expected) && Double.isNaN(got)))) { // (all weights 0: 0 * (1/0))
                // ((scale w) a) / b against ((w a) / b) scale: a few roundings apart
                fail(where + ": expected " + expected + " but was " + got);
              }
            }
          }
        }
      }

      // a slice
      int from = random.nextInt(n + 1);
      int to = from + random.nextInt(n - from + 1);
      LossCase.Batch sliced = c.batch(rows.subList(from, to));
      for (Reduction reduction : Reduction.values()) {
        String where = reduction + " slice [" + from + ", " + to + ") of " + what;
        GradientPropertyTest.assertSame(c.loss(null, reduction, 0, to - from, sliced),
            c.loss(null, reduction, from, to, batch), where);
        double[][] g = batch.gradients(SENTINEL);
        double[][] expected = sliced.gradients(SENTINEL);
        GradientPropertyTest.assertSame(c.lossAndGradient(null, reduction, 0, to - from, sliced, expected),
            c.lossAndGradient(null, reduction, from, to, batch, g), where);
        for (int p = 0; p < params.length; p++) {
          int width = batch.widths[params[p]];
          for (int x = 0; x < g[p].length; x++) {
            int row = x / width;
            if (row < from || row >= to) {
              assertEquals(SENTINEL, g[p][x], 0.0, "row " + row + " outside the " + where);
            } else {
              assertEquals(Double.doubleToRawLongBits(expected[p][x - from * width]), Double.doubleToRawLongBits(g[p][x]),
                  "gradient " + c.names[params[p]] + " entry " + x + " in the " + where);
            }
          }
        }
      }
      for (int col = 0; col < before.length; col++) {
        assertTrue(Arrays.deepEquals(new Object[] {before[col]}, new Object[] {batch.columns[col]}),
            "column " + c.names[col] + " was written to: " + what);
      }
    }
  }
}
