package dev.likelihood.runtime.fit;

/**
 * The objective a caller computes in the coefficients itself ({@link CoefficientLoss} or
 * {@link CoefficientCurvature}); the design only names the coefficients. Counts evaluations.
 */
final class CoefficientObjective implements Objective {

  private final Design design;
  private final CoefficientLoss loss;
  private final CoefficientCurvature curvature;
  private int evaluations;

  private CoefficientObjective(Design design, CoefficientLoss loss,
      CoefficientCurvature curvature) {
    this.design = design;
    this.loss = loss;
    this.curvature = curvature;
  }

  static CoefficientObjective of(Design design, CoefficientLoss loss) {
    if (loss == null) {
      throw new IllegalArgumentException("the loss is null");
    }
    return new CoefficientObjective(design, loss, null);
  }

  static CoefficientObjective of(Design design, CoefficientCurvature curvature) {
    if (curvature == null) {
      throw new IllegalArgumentException("the loss is null");
    }
    design.requireScalar("newtonInCoefficients");
    return new CoefficientObjective(design, null, curvature);
  }

  @Override
  public Design design() {
    return design;
  }

  @Override
  public int evaluations() {
    return evaluations;
  }

  @Override
  public double value(double[] beta, double[] gradient) {
    if (loss == null) {
      throw new IllegalStateException("a curvature objective is evaluated with its Hessian");
    }
    evaluations++;
    return loss.lossAndGradient(beta, gradient);
  }

  @Override
  public double value(double[] beta, double[] gradient, double[] hessian) {
    if (curvature == null) {
      throw new IllegalStateException("a gradient-only objective has no Hessian");
    }
    evaluations++;
    return curvature.lossGradientHessian(beta, gradient, hessian);
  }

  @Override
  public void requireFiniteStart(double value, double[] gradient) {
    for (int i = 0; i < gradient.length; i++) {
      if (!Double.isFinite(gradient[i])) {
        throw new IllegalArgumentException("at the start, d loss / d coefficient " + i + " ("
            + design.coefficientName(i) + ") = " + gradient[i]
            + "; choose a start where the loss is finite");
      }
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("at the start, the loss = " + value
          + "; choose a start where the loss is finite");
    }
  }
}
