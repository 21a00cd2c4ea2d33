package dev.likelihood.runtime.fit;

/**
 * A loss over the columns of linear predictors, the shape of a generated batch
 * {@code lossAndGradient}: what {@link Fitter#lbfgs} minimises.
 */
@FunctionalInterface
public interface ColumnLoss {

  /**
   * Evaluates the loss and its gradient with respect to the predictors' columns.
   *
   * <p>{@code eta[k]} is predictor k's column: n rows, or n*width row-major for a vector
   * parameter; writes d loss / d eta[k][...] into {@code gradient[k]} (same shapes); returns the
   * loss. Use {@code Reduction.SUM} of a generated {@code lossAndGradient} so that standard
   * errors are right. The arrays belong to the fitter: read and write them, do not keep them.
   */
  double lossAndGradient(double[][] eta, double[][] gradient);
}
