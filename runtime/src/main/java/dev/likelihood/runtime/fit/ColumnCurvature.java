package dev.likelihood.runtime.fit;

/**
 * A loss over the columns of scalar linear predictors with its per-row Hessian: what
 * {@link Fitter#newton} minimises.
 */
@FunctionalInterface
public interface ColumnCurvature {

  /**
   * As {@link ColumnLoss#lossAndGradient}, plus the per-row Hessian:
   * {@code hessian[i*P*P + a*P + b] = d2 loss / d eta[a][i] d eta[b][i]}, P = number of
   * predictors (all of width 1). Exactly the layout of the generated
   * {@code lossGradientHessian(Reduction.SUM, ..., g1, ..., hessian)}.
   */
  double lossGradientHessian(double[][] eta, double[][] gradient, double[] hessian);
}
