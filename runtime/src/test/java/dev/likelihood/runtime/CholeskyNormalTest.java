package dev.likelihood.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likelihood.runtime.PlackettLuceTest.VectorTable;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CholeskyNormal against mpmath (tools/reference/vector_kernel_primitives.py): D = 1, 2, 5, 10,
 * etas of +-300, +-600 and +-800, off-diagonals of 1e3, y = mu, residuals from 1e-300 to 1e300;
 * then bit-identical NLLs, factor, offsets, NaN and no allocation.
 */
class CholeskyNormalTest {

  private static final List<VectorTable.Row> ROWS = VectorTable.load("choleskyNormal");

  private static final int Y_FROM = 2;
  private static final int MU_FROM = 5;
  private static final int TRIL_FROM = 1;
  private static final int GRAD_MU_FROM = 3;
  private static final int GRAD_TRIL_FROM = 4;
  private static final double SENTINEL = -12345.5;

  private record Result(double nll, double nllOnly, double[] gradMu, double[] gradTril) {}

  private static double[] padded(double[] values, int from, double fill) {
    double[] out = new double[from + values.length + 3];
    Arrays.fill(out, fill);
    System.arraycopy(values, 0, out, from, values.length);
    return out;
  }

  private static Result call(VectorTable.Row row, double factor) {
    double[] y = padded(row.x(0), Y_FROM, Double.NaN); // a stray read would poison the result
    double[] mu = padded(row.x(1), MU_FROM, Double.NaN);
    double[] tril = padded(row.x(2), TRIL_FROM, Double.NaN);
    int d = row.x(0).length;
    int packed = d * (d + 1) / 2;
    assertEquals(packed, row.x(2).length, row + ": packed length");
    double[] gradMu = padded(new double[d], GRAD_MU_FROM, SENTINEL);
    double[] gradTril = padded(new double[packed], GRAD_TRIL_FROM, SENTINEL);
    double nll =
        CholeskyNormal.nllAndGradient(
            y, Y_FROM, mu, MU_FROM, tril, TRIL_FROM, d,
            gradMu, GRAD_MU_FROM, gradTril, GRAD_TRIL_FROM, factor);
    double nllOnly = CholeskyNormal.nll(y, Y_FROM, mu, MU_FROM, tril, TRIL_FROM, d);
    assertOutsideUntouched(row, gradMu, GRAD_MU_FROM, d);
    assertOutsideUntouched(row, gradTril, GRAD_TRIL_FROM, packed);
    return new Result(
        nll, nllOnly,
        Arrays.copyOfRange(gradMu, GRAD_MU_FROM, GRAD_MU_FROM + d),
        Arrays.copyOfRange(gradTril, GRAD_TRIL_FROM, GRAD_TRIL_FROM + packed));
  }

  private static void assertOutsideUntouched(
      VectorTable.Row row, double[] a, int from, int length) {
    for (int k = 0; k < a.length; k++) {
      if (k < from || k >= from + length) {
        assertEquals(SENTINEL, a[k], row + ": wrote outside the gradient window at " + k);
      }
    }
  }

  /** SPEC's scale: max(1, |y|, |mu|, |scaleTril|). */
  private static double scale(VectorTable.Row row) {
    double s = 1;
    for (int i = 0; i < 3; i++) {
      for (double v : row.x(i)) {
        s = Math.max(s, Math.abs(v));
      }
    }
    return s;
  }

  @Test
  void everyValueWithinSpecAndNllBitIdentical() {
    assertTrue(ROWS.size() > 80, "rows " + ROWS.size());
    VectorTable.Errors errors = new VectorTable.Errors("CholeskyNormal");
    for (VectorTable.Row row : ROWS) {
      Result result = call(row, 1.0);
      double s = scale(row);
      assertEquals(
          Double.doubleToRawLongBits(result.nll()), Double.doubleToRawLongBits(result.nllOnly()),
          row + ": nll differs from nllAndGradient");
      errors.check(row, "nll", result.nll(), row.nll(), s);
      for (int i = 0; i < result.gradMu().length; i++) {
        errors.check(row, "gradMu[" + i + "]", result.gradMu()[i], row.grad(0)[i], s);
      }
      for (int p = 0; p < result.gradTril().length; p++) {
        errors.check(row, "gradTril[" + p + "]", result.gradTril()[p], row.grad(1)[p], s);
      }
    }
    errors.assertWithinSpec();
  }

  @Test
  void factorScalesTheGradientOnly() {
    for (VectorTable.Row row : ROWS) {
      Result one = call(row, 1.0);
      for (double factor : new double[] {2.5, -0.75}) {
        Result scaled = call(row, factor);
        assertEquals(one.nll(), scaled.nll(), row + ": the NLL must not be multiplied by factor");
        for (int i = 0; i < one.gradMu().length; i++) {
          assertEquals(factor * one.gradMu()[i], scaled.gradMu()[i], 0.0, row + " gradMu " + i);
        }
        for (int p = 0; p < one.gradTril().length; p++) {
          assertEquals(
              factor * one.gradTril()[p], scaled.gradTril()[p], 0.0, row + " gradTril " + p);
        }
      }
    }
  }

  @Test
  void zeroDimensionsGiveZero() {
    assertEquals(0.0, CholeskyNormal.nll(new double[0], 0, new double[0], 0, new double[0], 0, 0));
  }

  @Test
  void nanPropagates() {
    double[] gradMu = new double[2];
    double[] gradTril = new double[3];
    double[] tril = {0.1, 0.5, -0.2};
    double nll =
        CholeskyNormal.nllAndGradient(
            new double[] {Double.NaN, 1.0}, 0, new double[] {0.0, 0.0}, 0, tril, 0, 2,
            gradMu, 0, gradTril, 0, 1.0);
    assertTrue(Double.isNaN(nll));
    assertTrue(Double.isNaN(gradMu[0]) && Double.isNaN(gradMu[1]) && Double.isNaN(gradTril[1]));
    assertTrue(
        Double.isNaN(
            CholeskyNormal.nll(
                new double[] {1.0, 1.0}, 0, new double[] {0.0, 0.0}, 0,
                new double[] {0.1, Double.NaN, 0.3}, 0, 2)));
  }


  /**
   * Diagonals of e^-600 make z_1 = 1e260 and |z|^2 overflow: the exact NLL is beyond the double
   * range, so +Infinity, not the NaN that inf - inf in the later rows would give; a NaN input in
   * those later rows still propagates.
   */
  @Test
  void overflowingQuadraticFormIsInfinityUnlessALaterInputIsNaN() {
    double[] tril = {-600, 0.5, -600, 0.3, -0.2, -600};
    double[] y = {1.0, -1.0, 2.0};
    double[] mu = {0.0, 0.0, 0.0};
    double[] gradMu = new double[3];
    double[] gradTril = new double[6];
    assertEquals(Double.POSITIVE_INFINITY, CholeskyNormal.nll(y, 0, mu, 0, tril, 0, 3));
    assertEquals(
        Double.POSITIVE_INFINITY,
        CholeskyNormal.nllAndGradient(y, 0, mu, 0, tril, 0, 3, gradMu, 0, gradTril, 0, 1.0));
    for (double[] poisoned : new double[][] {y, mu, tril}) {
      double saved = poisoned[poisoned.length - 1];
      poisoned[poisoned.length - 1] = Double.NaN;
      assertTrue(Double.isNaN(CholeskyNormal.nll(y, 0, mu, 0, tril, 0, 3)));
      poisoned[poisoned.length - 1] = saved;
    }
  }
  @Test
  void steadyStateCallsDoNotAllocate() {
    VectorTable.Row row =
        ROWS.stream().filter(r -> r.x(0).length == 10).findFirst().orElseThrow();
    double[] y = row.x(0);
    double[] mu = row.x(1);
    double[] tril = row.x(2);
    double[] gradMu = new double[10];
    double[] gradTril = new double[55];
    for (int i = 0; i < 20_000; i++) { // grow the scratch and let the JIT settle
      CholeskyNormal.nllAndGradient(y, 0, mu, 0, tril, 0, 10, gradMu, 0, gradTril, 0, 1.0);
    }
    long allocated =
        VectorTable.allocatedBytes(
            () -> {
              for (int i = 0; i < 1000; i++) {
                CholeskyNormal.nllAndGradient(
                    y, 0, mu, 0, tril, 0, 10, gradMu, 0, gradTril, 0, 1.0);
                CholeskyNormal.nll(y, 0, mu, 0, tril, 0, 10);
              }
            });
    assertTrue(allocated < 1024, "2000 calls allocated " + allocated + " bytes");
  }
}
