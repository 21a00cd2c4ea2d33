package dev.likelihood.samples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.likelihood.runtime.Reduction;
import dev.likelihood.runtime.fit.ColumnLoss;
import dev.likelihood.samples.StoreVisitsLoss;
import org.junit.jupiter.api.Test;

class FiniteDifferenceCurvatureTest {

  /** Per row: f(a, b) = exp(a) + a b^2 + b^4 / 12; its Hessian is [[exp a, 2b], [2b, 2a + b^2]]. */
  private static final ColumnLoss ROWS = (eta, g) -> {
    double sum = 0;
    for (int i = 0; i < eta[0].length; i++) {
      double a = eta[0][i];
      double b = eta[1][i];
      sum += Math.exp(a) + a * b * b + b * b * b * b / 12;
      g[0][i] = Math.exp(a) + b * b;
      g[1][i] = 2 * a * b + b * b * b / 3;
    }
    return sum;
  };

  @Test
  void centralDifferencesOfTheGradientGiveEachRowsHessian() {
    double[][] eta = {{-3, 0, 2.5, 8}, {1, -2, 0.5, -30}};
    double[][] gradient = new double[2][4];
    double[] hessian = new double[4 * 4];
    double loss = new FiniteDifferenceCurvature(ROWS).lossGradientHessian(eta, gradient, hessian);

    double[][] expectedGradient = new double[2][4];
    assertEquals(ROWS.lossAndGradient(eta, expectedGradient), loss);
    for (int i = 0; i < 4; i++) {
      double a = eta[0][i];
      double b = eta[1][i];
      assertEquals(expectedGradient[0][i], gradient[0][i]);
      assertEquals(expectedGradient[1][i], gradient[1][i]);
      // truncation h^2 f''' / 6 with h = 1e-4, rounding 1e-12 / h: relative 1e-7 covers both
      assertEquals(Math.exp(a), hessian[4 * i], 1e-7 * Math.exp(a), "row " + i + " aa");
      assertEquals(2 * b, hessian[4 * i + 1], 1e-7 * Math.max(1, Math.abs(b)), "row " + i + " ab");
      assertEquals(2 * b, hessian[4 * i + 2], 1e-7 * Math.max(1, Math.abs(b)), "row " + i + " ba");
      assertEquals(2 * a + b * b, hessian[4 * i + 3], 1e-7 * Math.max(1, b * b), "row " + i + " bb");
    }
  }

  @Test
  void agreesWithAGeneratedHessian() {
    int[] visits = {0, 3, 17, 250, 1};
    double[][] eta = {{0.5, 1.2, 2.8, 5.0, -1.0}, {0.9, -0.5, 2.0, 3.0, 0.1}};
    double[][] gradient = new double[2][5];
    double[] generated = new double[5 * 4];
    StoreVisitsLoss.lossGradientHessian(Reduction.SUM, visits, eta[0], eta[1], gradient[0], gradient[1], generated);
    double[] differenced = new double[5 * 4];
    new FiniteDifferenceCurvature((e, g) -> StoreVisitsLoss.lossAndGradient(
        Reduction.SUM, visits, e[0], e[1], g[0], g[1])).lossGradientHessian(eta, new double[2][5], differenced);
    for (int k = 0; k < generated.length; k++) {
      assertEquals(generated[k], differenced[k], 1e-6 * Math.max(1, Math.abs(generated[k])), "entry " + k);
    }
  }
}
