package dev.likelihood.runtime.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LbfgsTest {

  @Test
  void minimisesRosenbrockFromTheClassicStart() {
    FitResult fit = Fitter.of(Predictor.intercept("point", 1).withWidth(2)).quiet()
        .tolerance(1e-12).start(new double[] {-1.2, 1.0}).lbfgs(Losses::rosenbrock);
    assertTrue(fit.converged(), fit::toString);
    assertEquals(1.0, fit.coefficient("point", Predictor.INTERCEPT, 0), 1e-10);
    assertEquals(1.0, fit.coefficient("point", Predictor.INTERCEPT, 1), 1e-10);
    assertTrue(fit.iterations() < 100, fit::toString);
  }

  /**
   * Softmax regression of width 3 on two group indicators: a saturated model, so the fitted
   * class probabilities of each group are exactly its empirical class frequencies (the
   * coefficients themselves are identified only up to a constant per group).
   */
  @Test
  void fitsAWidthThreeSoftmaxToTheEmpiricalFrequencies() {
    Random random = new Random(5);
    int n = 300;
    double[][] x = new double[n][2];
    int[] y = new int[n];
    int[][] counts = new int[2][3];
    for (int i = 0; i < n; i++) {
      int group = i % 2;
      x[i][group] = 1;
      double u = random.nextDouble();
      y[i] = group == 0 ? (u < 0.2 ? 0 : u < 0.7 ? 1 : 2) : (u < 0.6 ? 0 : u < 0.9 ? 1 : 2);
      counts[group][y[i]]++;
    }
    FitResult fit = Fitter.of(Predictor.of("logits", x, "a", "b").withWidth(3)).quiet()
        .tolerance(1e-12).lbfgs(Losses.softmax(y, 3));
    assertTrue(fit.converged(), fit::toString);
    for (int group = 0; group < 2; group++) {
      String column = group == 0 ? "a" : "b";
      double total = 0;
      double[] weights = new double[3];
      for (int c = 0; c < 3; c++) {
        weights[c] = Math.exp(fit.coefficient("logits", column, c));
        total += weights[c];
      }
      for (int c = 0; c < 3; c++) {
        assertEquals(counts[group][c] / (n / 2.0), weights[c] / total, 1e-10,
            "group " + group + ", class " + c);
      }
    }
  }

  /** (b - 1)^2 only for b >= 0.5: the first trial step from 1.2 (length 1) lands at 0.2. */
  @Test
  void shrinksStepsOutOfNonFiniteRegions() {
    int[] nonFinite = {0};
    ColumnLoss bounded = (eta, g) -> {
      double b = eta[0][0];
      if (b < 0.5) {
        nonFinite[0]++;
        g[0][0] = Double.NaN;
        return Double.POSITIVE_INFINITY;
      }
      g[0][0] = 2 * (b - 1);
      return (b - 1) * (b - 1);
    };
    FitResult fit = Fitter.of(Predictor.intercept("b", 1)).quiet().start(new double[] {1.2})
        .lbfgs(bounded);
    assertTrue(fit.converged(), fit::toString);
    assertTrue(nonFinite[0] > 0, "the test must visit the non-finite region");
    assertEquals(1.0, fit.coefficients(0)[0], 1e-8);
  }

  @Test
  void usesOffsets() {
    // Poisson with an offset log t: the rate per unit time is sum y / sum t.
    double[] y = {3, 5, 9, 2};
    double[] time = {1, 2, 4, 0.5};
    double[] offset = new double[4];
    for (int i = 0; i < 4; i++) {
      offset[i] = Math.log(time[i]);
    }
    FitResult fit = Fitter.of(Predictor.intercept("rate", 4).withOffset(offset)).quiet()
        .tolerance(1e-12).lbfgs(Losses.withoutHessian(Losses.poisson(y), 4, 1));
    assertEquals(Math.log(19 / 7.5), fit.coefficients("rate")[0], 1e-10);
  }
}
