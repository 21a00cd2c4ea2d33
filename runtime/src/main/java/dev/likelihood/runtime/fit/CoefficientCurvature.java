package dev.likelihood.runtime.fit;

/**
 * A loss given directly as a function of the coefficient vector, with its gradient and Hessian:
 * what {@link Fitter#newtonInCoefficients} minimises when the rows are not in this JVM (a Spark
 * Dataset aggregated per iteration). The column-based {@link Fitter#newton} runs the same Newton
 * iteration over the same interface internally.
 */
@FunctionalInterface
public interface CoefficientCurvature {

  /**
   * As {@link CoefficientLoss#lossAndGradient}, plus the Hessian in the coefficients:
   * {@code hessian[r*size + c] = d2 loss / d coefficient[r] d coefficient[c]}, size by size,
   * row-major, both triangles written (it must be symmetric).
   */
  double lossGradientHessian(double[] coefficients, double[] gradient, double[] hessian);
}
