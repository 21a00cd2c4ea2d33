package dev.likelihood.samples.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * For random rows (sensible and wide) of every record in {@link FamilyCases} whose class has
 * {@code nllGradientHessian}: every Hessian entry against Ridders' central differences of the
 * generated gradient ({@code nllAndGradient}'s entry a as a function of eta_b), the Hessian
 * symmetric bit for bit, and the NLL and gradient that come with it equal to {@code
 * nllAndGradient}'s. Weights, offsets, known parameters and every link of the cases take part.
 * As in {@link GradientPropertyTest}, a point where the extrapolation cannot resolve the
 * derivative (a kink of LAPLACE, HUBER or HINGE within reach of the steps) is counted as
 * unresolved, and at most 2% of a record's points may be.
 */
class HessianPropertyTest {

  /** Rows per record and range (sensible, wide). */
  private static final int ROWS = 60;
  private static final double SENTINEL = -7.25;

  /**
   * The records of FamilyCases without a Hessian, and why: vector parameters (CATEGORICAL,
   * GAUSSIAN_MIXTURE, MULTIVARIATE_NORMAL, PLACKETT_LUCE) and logMeanSigmoid's derivatives (no
   * second-derivative rule yet: UNCERTAIN_BERNOULLI). Held to be exactly this list, so that a family
   * losing its Hessian fails here.
   */
  private static final Set<String> WITHOUT_HESSIAN = Set.of(
      "CategoricalLabel", "CategoricalSmoothed", "CategoricalSoft", "CategoricalSoftSmoothed",
      "CategoricalSoftWeighted", "CategoricalWeighted", "Mixture", "MixtureSoftplus", "MixtureWeighted",
      "MvnCholesky", "MvnCholeskyWeighted", "MvnDiagonal", "MvnDiagonalWeighted", "MvnUnit", "Ranking",
      "RankingWeighted", "UncertainBernoulliInt",
      "UncertainBernoulliLogUncertainty", "UncertainBernoulli", "UncertainBernoulliOffsetWeighted");

  @Test
  void exactlyTheScalarDerivedFamiliesHaveAHessian() {
    Set<String> without = new TreeSet<>();
    FamilyCases.all().stream().filter(c -> !c.hasHessian()).forEach(c -> without.add(c.name));
    Set<String> expected = new TreeSet<>(WITHOUT_HESSIAN);
    expected.retainAll(names());
    assertEquals(expected, without);
  }

  private static Set<String> names() {
    Set<String> names = new TreeSet<>();
    FamilyCases.all().forEach(c -> names.add(c.name));
    return names;
  }

  @TestFactory
  Stream<DynamicTest> hessiansMatchFiniteDifferencesOfTheGradient() {
    return FamilyCases.all().stream()
        .filter(LossCase::hasHessian)
        .map(c -> DynamicTest.dynamicTest(c.name, () -> check(c)));
  }

  private static void check(LossCase c) {
    Random random = c.random("hessian");
    int[] params = c.paramComponents();
    int p = params.length;
    int compared = 0;
    List<String> unresolved = new ArrayList<>();
    for (int t = 0; t < 2 * ROWS; t++) {
      boolean wide = t >= ROWS;
      Object[] row = c.row(random, wide, 1);
      String where = c.describe(row) + (wide ? " [wide]" : " [sensible]");
      double[] grad = filled(p + 1);
      double[] hessian = filled(p * p + 1);
      double nll = c.nllGradientHessian(row, grad, hessian);
      double[] expectedGrad = new double[p];
      GradientPropertyTest.assertSame(c.nllAndGradient(row, expectedGrad, 0), nll, "nll vs nllAndGradient: " + where);
      for (int a = 0; a < p; a++) {
        GradientPropertyTest.assertSame(expectedGrad[a], grad[a], "gradient entry " + a + ": " + where);
      }
      assertEquals(SENTINEL, grad[p], 0.0, "wrote past grad[P): " + where);
      assertEquals(SENTINEL, hessian[p * p], 0.0, "wrote past hessian[P*P): " + where);
      double scale = c.scaleOf(row);
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < p; b++) {
          double h = hessian[a * p + b];
          GradientPropertyTest.assertSame(hessian[b * p + a], h, "symmetry (" + a + ", " + b + "): " + where);
          String what = "d2 nll / d " + c.names[params[a]] + " d " + c.names[params[b]] + " = " + h + ": " + where;
          assertTrue(Double.isFinite(h), what);
          final int entry = a;
          final int component = params[b];
          GradientPropertyTest.Ridders fd = GradientPropertyTest.ridders(
              x -> {
                double[] g = new double[p];
                c.nllAndGradient(LossCase.with(row, component, 0, x), g, 0);
                return g[entry];
              },
              LossCase.get(row, component, 0), c.relativeStep(component), scale, c.declaredScale(row));
          // the gradient itself is known to about an ulp, ~1e-16 |g_a|: over steps up to a quarter of
          // eta's unit no difference resolves a slope below ~1e-14 |g_a|
          double gradientFloor = 1e-14 * Math.abs(expectedGrad[a])
              / (c.relativeStep(component) ? Math.abs(LossCase.get(row, component, 0)) : 1);
          double tolerance = 1e-6 * Math.max(Math.abs(h), Math.abs(fd.value())) + 2 * fd.error() + 1e-13 * scale
              + gradientFloor;
          // a difference of exactly 0 at every step: the gradient is even about a point closer to
          // x than the steps (y = mu of a Student-t with sigma 1e-11, where the exact cross
          // derivative, -2.3e-11, is confirmed by mpmath): unresolved, not evidence
          boolean symmetric = fd.value() == 0.0 && Math.abs(h) <= 1e-9 * Math.max(1, Math.abs(expectedGrad[a]));
          if (Math.abs(h - fd.value()) <= tolerance) {
            compared++;
          } else if (symmetric || fd.error() > 1e-6 * Math.max(Math.abs(h), Math.abs(fd.value())) + 1e-13 * scale) {
            unresolved.add(what + " (finite difference " + fd.value() + " +- " + fd.error() + ")");
          } else {
            fail(what + " but the finite difference is " + fd.value() + " +- " + fd.error() + " (S = " + scale + ")");
          }
        }
      }
    }
    if (unresolved.size() > (compared + unresolved.size()) / 50) {
      fail(unresolved.size() + " of " + (compared + unresolved.size()) + " points unresolved:\n"
          + String.join("\n", unresolved.subList(0, Math.min(10, unresolved.size()))));
    }
  }

  static double[] filled(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, SENTINEL);
    return a;
  }
}
