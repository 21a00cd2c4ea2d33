package dev.likelihood.runtime.fit;

/**
 * The objective a caller computes in the coefficients itself ({@link CoefficientLoss} or
 * {@link CoefficientCurvature}); the design only names the coefficients.
 */
final class CoefficientObjective extends Objective {

  private final CoefficientLoss loss;
  private final CoefficientCurvature curvature;

  private CoefficientObjective(Design design, CoefficientLoss loss,
      CoefficientCurvature curvature) {
    super(design);
    this.loss = loss;
    this.curvature = curvature;
  }

  static CoefficientObjective of(Design design, CoefficientLoss loss) {
    return new CoefficientObjective(design, requireLoss(loss), null);
  }

  static CoefficientObjective of(Design design, CoefficientCurvature curvature) {
    requireLoss(curvature);
    design.requireScalar("newtonInCoefficients");
    return new CoefficientObjective(design, null, curvature);
  }

  @Override
  double evaluate(double[] beta, double[] gradient) {
    if (loss == null) {
      throw new IllegalStateException("a curvature objective is evaluated with its Hessian");
    }
    return loss.lossAndGradient(beta, gradient);
  }

  @Override
  double evaluate(double[] beta, double[] gradient, double[] hessian) {
    if (curvature == null) {
      throw new IllegalStateException("a gradient-only objective has no Hessian");
    }
    return curvature.lossGradientHessian(beta, gradient, hessian);
  }

  @Override
  void requireFiniteStart(double value, double[] gradient) {
    for (int i = 0; i < gradient.length; i++) {
      if (!Double.isFinite(gradient[i])) {
        throw new IllegalArgumentException("at the start, d loss / d coefficient " + i + " ("
            + design().coefficientName(i) + ") = " + gradient[i]
            + "; choose a start where the loss is finite");
      }
    }
    requireFiniteStartLoss(value);
  }
}
