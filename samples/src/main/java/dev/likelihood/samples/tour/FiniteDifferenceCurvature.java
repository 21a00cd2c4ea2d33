package dev.likelihood.samples.tour;

import dev.likelihood.runtime.fit.ColumnCurvature;
import dev.likelihood.runtime.fit.ColumnLoss;

/**
 * The per-row Hessian by central differences of a generated gradient, for losses without a
 * generated {@code lossGradientHessian}. Rows are independent, so moving every row's eta[a] at
 * once and differencing the gradients gives column a of every row's P x P block: 2P gradient
 * evaluations in all. The step, 1e-4 (larger only where |eta| > 1e4, so that eta + h differs
 * from eta), balances the O(h^2) truncation (h^2 / 6 relative for exp(eta)) against rounding
 * (1e-12 relative); the blocks are symmetrised.
 */
public final class FiniteDifferenceCurvature implements ColumnCurvature {

  private final ColumnLoss loss;

  public FiniteDifferenceCurvature(ColumnLoss loss) {
    this.loss = loss;
  }

  @Override
  public double lossGradientHessian(double[][] eta, double[][] gradient, double[] hessian) {
    int p = eta.length;
    int n = eta[0].length;
    double value = loss.lossAndGradient(eta, gradient);
    double[][] moved = new double[p][];
    double[][] plus = new double[p][n];
    double[][] minus = new double[p][n];
    for (int a = 0; a < p; a++) {
      moved[a] = eta[a].clone();
    }
    double[] step = new double[n];
    for (int a = 0; a < p; a++) {
      for (int i = 0; i < n; i++) {
        step[i] = Math.max(1e-4, 1e-8 * Math.abs(eta[a][i]));
        moved[a][i] = eta[a][i] + step[i];
      }
      loss.lossAndGradient(moved, plus);
      for (int i = 0; i < n; i++) {
        moved[a][i] = eta[a][i] - step[i];
      }
      loss.lossAndGradient(moved, minus);
      System.arraycopy(eta[a], 0, moved[a], 0, n);
      for (int i = 0; i < n; i++) {
        for (int b = 0; b < p; b++) {
          hessian[i * p * p + b * p + a] = (plus[b][i] - minus[b][i]) / (2 * step[i]);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < p; a++) {
        for (int b = a + 1; b < p; b++) {
          double mean = 0.5 * (hessian[i * p * p + a * p + b] + hessian[i * p * p + b * p + a]);
          hessian[i * p * p + a * p + b] = mean;
          hessian[i * p * p + b * p + a] = mean;
        }
      }
    }
    return value;
  }
}
