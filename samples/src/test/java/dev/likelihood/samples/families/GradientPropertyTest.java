package dev.likelihood.samples.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For random rows of every record in {@link FamilyCases} (sensible and wide ranges), every entry
 * of {@code nllAndGradient}'s gradient against a central finite difference of {@code nll}, and
 * the single-sample entry points against one another: {@code nll}, {@code nllAndGradient} and the
 * {@code INSTANCE} methods return the same double, and the gradient goes to
 * {@code grad[offset...]} only.
 *
 * <p>The finite difference is Ridders' extrapolation: central differences at h0, h0/2, ...,
 * h0/2^{STEPS-1}, h0 = 1/4, Richardson's tableau over them, and the most local converged
 * estimate (see {@link #ridders}). So the step adapts to the function's own scale (a Student-t
 * with sigma 1e-4 around a location of 1e6 needs h ~ 1e-6). Where the
 * extrapolation cannot resolve the derivative (its own error estimate above 1e-6 of the gradient:
 * a kink of HINGE, LAPLACE or HUBER within reach of every step, or roundoff with no usable step)
 * the point is counted as unresolved instead of compared, and at most 1% of a record's points may
 * be unresolved. A resolved point must agree to 1e-6 relative (plus its error estimate).
 */
class GradientPropertyTest {

  /** Rows per record and range (sensible, wide). */
  static final int ROWS = 150;
  private static final int STEPS = 40;
  private static final double SENTINEL = -7.25;

  @TestFactory
  Stream<DynamicTest> gradientsMatchFiniteDifferences() {
    return FamilyCases.all().stream().map(c -> DynamicTest.dynamicTest(c.name, () -> check(c)));
  }

  private static void check(LossCase c) {
    Random random = c.random("gradient");
    int compared = 0;
    List<String> unresolved = new ArrayList<>();
    for (int t = 0; t < 2 * ROWS; t++) {
      boolean wide = t >= ROWS;
      Object[] row = c.row(random, wide, 1 + random.nextInt(6));
      String where = c.describe(row) + (wide ? " [wide]" : " [sensible]");
      double nll = c.nll(row);
      int size = c.gradientSize(row);
      int offset = 1 + random.nextInt(3);
      double[] grad = filled(size + offset + 2);
      double both = c.nllAndGradient(row, grad, offset);
      assertSame(nll, both, "nll vs nllAndGradient: " + where);
      assertSame(nll, c.instanceNll(row), "INSTANCE.nll: " + where);
      double[] viaInstance = filled(size + offset + 2);
      assertSame(nll, c.instanceNllAndGradient(row, viaInstance, offset), "INSTANCE.nllAndGradient: " + where);
      for (int j = 0; j < grad.length; j++) {
        boolean inside = j >= offset && j < offset + size;
        if (!inside) {
          assertEquals(SENTINEL, grad[j], 0.0, "nllAndGradient wrote grad[" + j + "] outside its slots: " + where);
        }
        assertSame(grad[j], viaInstance[j], "INSTANCE gradient entry " + j + ": " + where);
      }
      if (!Double.isFinite(nll)) {
        fail("a valid row in range has a non-finite NLL " + nll + ": " + where);
      }
      int entry = offset;
      double scale = c.scaleOf(row);
      for (int p : c.paramComponents()) {
        int width = LossCase.width(row[p]);
        for (int j = 0; j < width; j++, entry++) {
          double g = grad[entry];
          String what = "d nll / d " + c.names[p] + (row[p] instanceof double[] ? "[" + j + "]" : "")
              + " = " + g + ": " + where;
          double x = LossCase.get(row, p, j);
          if (x == Double.NEGATIVE_INFINITY) {
            // a masked logit: probability, and so gradient, exactly 0
            assertEquals(0.0, g, 0.0, what);
            continue;
          }
          assertTrue(Double.isFinite(g), what);
          final int component = p;
          final int index = j;
          Ridders fd = ridders(h -> c.nll(LossCase.with(row, component, index, h)), x, c.relativeStep(p), scale,
              c.declaredScale(row));
          double tolerance = 1e-6 * Math.max(Math.abs(g), Math.abs(fd.value)) + 2 * fd.error + 1e-13 * scale;
          if (Math.abs(g - fd.value) <= tolerance) {
            compared++;
          } else if (fd.error > 1e-6 * Math.max(Math.abs(g), Math.abs(fd.value)) + 1e-13 * scale) {
            unresolved.add(what + " (finite difference " + fd.value + " +- " + fd.error + ")");
          } else {
            fail(what + " but the finite difference is " + fd.value + " +- " + fd.error + " (S = " + scale + ")");
          }
        }
      }
    }
    if (unresolved.size() > (compared + unresolved.size()) / 100) {
      fail(unresolved.size() + " of " + (compared + unresolved.size()) + " points unresolved:\n"
          + String.join("\n", unresolved.subList(0, Math.min(10, unresolved.size()))));
    }
  }

  /** At a kink (HINGE's margin, LAPLACE's y = mu) the gradient lies between the one-sided slopes. */
  @org.junit.jupiter.api.Test
  void atAKinkTheGradientIsBetweenTheOneSidedDerivatives() {
    java.util.Map<String, LossCase> cases = new java.util.HashMap<>();
    FamilyCases.all().forEach(c -> cases.put(c.name, c));
    Object[][] kinks = {
        {"HingeInt", new Object[] {1, 1.0}}, {"HingeInt", new Object[] {-1, -1.0}},
        {"HingeBoolean", new Object[] {false, -1.0}}, {"HingeWeighted", new Object[] {1, 1.0, 2.0}},
        {"LaplaceDefaultScale", new Object[] {2.5, 2.5}}, {"LaplaceLogScale", new Object[] {-3.0, -3.0, 0.7}},
        {"HuberDefaultDelta", new Object[] {0.0, 1.0}}, {"HuberDelta05", new Object[] {2.0, 1.5}},
    };
    for (Object[] kink : kinks) {
      LossCase c = cases.get((String) kink[0]);
      Object[] row = (Object[]) kink[1];
      int p = c.paramComponents()[0];
      double[] grad = new double[c.gradientSize(row)];
      double f = c.nllAndGradient(row, grad, 0);
      double x = LossCase.get(row, p, 0);
      double h = 1e-7;
      double right = (c.nll(LossCase.with(row, p, 0, x + h)) - f) / h;
      double left = (f - c.nll(LossCase.with(row, p, 0, x - h))) / h;
      String what = c.describe(row) + ": gradient " + grad[0] + ", one-sided " + left + " and " + right;
      assertTrue(grad[0] >= Math.min(left, right) - 1e-6 && grad[0] <= Math.max(left, right) + 1e-6, what);
    }
  }

  private static double[] filled(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, SENTINEL);
    return a;
  }

  /** Equal as doubles, NaN equal to NaN. */
  static void assertSame(double expected, double actual, String message) {
    if (!(expected == actual || (Double.isNaN(expected) && Double.isNaN(actual)))) {
      fail(message + ": expected " + expected + " but was " + actual);
    }
  }

  record Ridders(double value, double error) {}

  /**
   * Ridders' method (Numerical Recipes' dfridr, step ratio 2) over all STEPS steps from 1/4 (or
   * |eta|/4 for relative steps) down. A step has
   * converged when its best tableau entry's error estimate (rounding included) is within {@code
   * 1e-5 |value| + 1e-14 S}; the estimate kept is the best entry of the run of converged steps
   * that reaches down to the smallest converged step. A function even about a point near x
   * (LAPLACE's |y - mu|, a Student-t or a mixture far from a component) has central differences
   * that agree on a wrong value at steps much larger than that distance, so the most local
   * converged run is the one to trust. With none, the entry with the smallest error estimate.
   *
   * <p>f's rounding is measured (second differences at a few ulps), and at least SPEC's 1e-14 S
   * for the thetas the case declares ({@code cancelling}): a Beta NLL with precision 1e5 is
   * computed to ~1e-9 absolute, smoothly enough that second differences do not show it.
   */
  static Ridders ridders(
      DoubleUnaryOperator f, double x, boolean relative, double scale, double cancelling) {
    double[][] a = new double[STEPS][STEPS];
    double[] noise = new double[STEPS];
    double[] stepValues = new double[STEPS];
    double[] stepErrors = new double[STEPS];
    int steps = 0;
    double best = Double.NaN;
    double error = Double.POSITIVE_INFINITY;
    double local = Double.NaN;
    double localError = Double.NaN;
    // eta's own unit (a quarter) as the first step, not |eta|: a location of 1e6 with sigma 1e-3
    // varies on the scale of sigma; relative steps where eta's domain ends at 0
    double h = (relative ? Math.abs(x) : 1) / 4;
    // f's rounding, measured: second differences at steps of ~1e-9 |x|, where the curvature
    // contributes nothing and what remains is rounding (large where terms of size S cancel)
    double roundoff = 1e-14 * cancelling; // SPEC's allowance where terms of that size cancel
    double f0 = f.applyAsDouble(x);
    double delta = Math.max(4 * Math.ulp(x), relative ? h * 0x1p-30 : 0x1p-40);
    for (int j = 1; j <= 4; j++) {
      double second = f.applyAsDouble(x + j * delta) - 2 * f0 + f.applyAsDouble(x - j * delta);
      roundoff = Math.max(roundoff, 2 * Math.abs(second));
    }
    for (int i = 0; i < STEPS; i++, h /= 2) {
      double up = x + h;
      double down = x - h;
      if (!(up > down)) {
        break;
      }
      double fUp = f.applyAsDouble(up);
      double fDown = f.applyAsDouble(down);
      a[0][i] = (fUp - fDown) / (up - down);
      // the rounding of f divided by the step: identical values at steps too small to see the
      // change must not pass for agreement
      noise[i] = Math.max(1e-15 * Math.max(1, Math.max(Math.abs(fUp), Math.abs(fDown))), roundoff) / (up - down);
      double factor = 4;
      stepValues[i] = Double.NaN;
      stepErrors[i] = Double.POSITIVE_INFINITY;
      for (int m = 1; m <= i; m++, factor *= 4) {
        a[m][i] = (a[m - 1][i] * factor - a[m - 1][i - 1]) / (factor - 1);
        double e = Math.max(Math.abs(a[m][i] - a[m - 1][i]), Math.abs(a[m][i] - a[m - 1][i - 1]))
            + 4 * noise[i];
        if (e <= error) {
          error = e;
          best = a[m][i];
        }
        if (e <= 1e-5 * Math.abs(a[m][i]) + 1e-14 * scale && e < stepErrors[i]) {
          stepValues[i] = a[m][i];
          stepErrors[i] = e;
        }
      }
      steps = i + 1;
    }
    // the run of converged steps that ends at the smallest converged step: its best entry
    int last = steps - 1;
    while (last >= 0 && Double.isNaN(stepValues[last])) {
      last--;
    }
    for (int i = last; i >= 0 && !Double.isNaN(stepValues[i]); i--) {
      if (Double.isNaN(local) || stepErrors[i] < localError) {
        local = stepValues[i];
        localError = stepErrors[i];
      }
    }
    return Double.isNaN(local) ? new Ridders(best, error) : new Ridders(local, localError);
  }
}
