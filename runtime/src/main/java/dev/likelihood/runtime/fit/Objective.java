package dev.likelihood.runtime.fit;

/**
 * The loss as a function of the coefficient vector: maps coefficients to columns, calls the
 * column loss, maps the column gradient (and Hessian) back. Owns the column work arrays, which
 * are allocated once per fit, and counts evaluations.
 */
final class Objective {

  private final Design design;
  private final ColumnLoss loss;
  private final ColumnCurvature curvature;
  private final double[][] eta;
  private final double[][] columnGradient;
  private final double[] rowHessian;
  private int evaluations;

  private Objective(Design design, ColumnLoss loss, ColumnCurvature curvature) {
    this.design = design;
    this.loss = loss;
    this.curvature = curvature;
    this.eta = design.newColumns();
    this.columnGradient = design.newColumns();
    int count = design.predictorCount();
    this.rowHessian = curvature == null ? null : new double[design.rows() * count * count];
  }

  /** An objective with value and gradient. */
  static Objective of(Design design, ColumnLoss loss) {
    if (loss == null) {
      throw new IllegalArgumentException("the loss is null");
    }
    return new Objective(design, loss, null);
  }

  /** An objective with value, gradient and Hessian; scalar predictors only. */
  static Objective of(Design design, ColumnCurvature curvature) {
    if (curvature == null) {
      throw new IllegalArgumentException("the loss is null");
    }
    design.requireScalar("newton");
    return new Objective(design, null, curvature);
  }

  Design design() {
    return design;
  }

  int evaluations() {
    return evaluations;
  }

  /** The loss at beta; writes its gradient. */
  double value(double[] beta, double[] gradient) {
    design.eta(beta, eta);
    clearGradient();
    evaluations++;
    double value = loss != null
        ? loss.lossAndGradient(eta, columnGradient)
        : curvature.lossGradientHessian(eta, columnGradient, rowHessian);
    design.gradient(columnGradient, gradient);
    return value;
  }

  /** The loss at beta; writes its gradient and its Hessian (size by size, row-major). */
  double value(double[] beta, double[] gradient, double[] hessian) {
    double value = value(beta, gradient);
    design.hessian(rowHessian, hessian);
    return value;
  }

  /**
   * Throws if the last evaluation, at the start, gave a non-finite loss or gradient, naming the
   * predictor and row of the first non-finite gradient value.
   */
  void requireFiniteStart(double value, double[] gradient) {
    for (int k = 0; k < columnGradient.length; k++) {
      Predictor p = design.predictor(k);
      double[] g = columnGradient[k];
      for (int at = 0; at < g.length; at++) {
        if (!Double.isFinite(g[at])) {
          int width = p.width();
          throw new IllegalArgumentException("at the start, d loss / d eta of predictor '"
              + p.parameter() + "' at row " + at / width
              + (width > 1 ? ", component " + at % width : "") + " = " + g[at]
              + " (eta = " + eta[k][at] + "); choose a start where the loss is finite");
        }
      }
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("at the start, the loss = " + value
          + "; choose a start where the loss is finite");
    }
    if (!Vectors.allFinite(gradient)) {
      throw new IllegalArgumentException("at the start, the gradient in the coefficients is not"
          + " finite although every column gradient is: the design is too large in magnitude");
    }
  }

  private void clearGradient() {
    for (double[] g : columnGradient) {
      java.util.Arrays.fill(g, 0.0);
    }
  }
}
