package dev.likelihood.runtime.fit;

/**
 * A loss given directly as a function of the coefficient vector, with its gradient: what
 * {@link Fitter#lbfgsInCoefficients} minimises when the rows are not in this JVM (a Spark
 * Dataset aggregated per iteration) and the caller maps coefficients to eta and back itself.
 */
@FunctionalInterface
public interface CoefficientLoss {

  /**
   * Evaluates the loss at {@code coefficients} (the concatenated predictor blocks, in the
   * fitter's order) and writes d loss / d coefficient into {@code gradient} (same length; every
   * entry must be written). The arrays belong to the fitter: read and write them, do not keep
   * them.
   */
  double lossAndGradient(double[] coefficients, double[] gradient);
}
