package dev.likelihood.runtime.fit;

/**
 * The loss as a function of the coefficient vector when the rows are in memory: maps
 * coefficients to columns, calls the column loss, maps the column gradient (and Hessian) back.
 * Owns the column work arrays, which are allocated once per fit (the base class counts evaluations).
 */
final class ColumnObjective extends Objective {

  private final ColumnLoss loss;
  private final ColumnCurvature curvature;
  private final double[][] eta;
  private final double[][] columnGradient;
  private final double[] rowHessian;

  private ColumnObjective(Design design, ColumnLoss loss, ColumnCurvature curvature) {
    super(design);
    design.requireRows();
    this.loss = loss;
    this.curvature = curvature;
    this.eta = design.newColumns();
    this.columnGradient = design.newColumns();
    int count = design.predictorCount();
    this.rowHessian = curvature == null ? null : new double[design.rows() * count * count];
  }

  /** An objective with value and gradient. */
  static ColumnObjective of(Design design, ColumnLoss loss) {
    return new ColumnObjective(design, requireLoss(loss), null);
  }

  /** An objective with value, gradient and Hessian; scalar predictors only. */
  static ColumnObjective of(Design design, ColumnCurvature curvature) {
    requireLoss(curvature);
    design.requireScalar("newton");
    return new ColumnObjective(design, null, curvature);
  }

  @Override
  double evaluate(double[] beta, double[] gradient) {
    design().eta(beta, eta);
    clearGradient();
    double value = loss != null
        ? loss.lossAndGradient(eta, columnGradient)
        : curvature.lossGradientHessian(eta, columnGradient, rowHessian);
    design().gradient(columnGradient, gradient);
    return value;
  }

  @Override
  double evaluate(double[] beta, double[] gradient, double[] hessian) {
    double value = evaluate(beta, gradient);
    design().hessian(rowHessian, hessian);
    return value;
  }

  /** Names the predictor and row of the first non-finite column gradient value. */
  @Override
  void requireFiniteStart(double value, double[] gradient) {
    for (int k = 0; k < columnGradient.length; k++) {
      Predictor p = design().predictor(k);
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
    requireFiniteStartLoss(value);
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
