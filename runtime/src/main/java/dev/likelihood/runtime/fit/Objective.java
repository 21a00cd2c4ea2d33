package dev.likelihood.runtime.fit;

/**
 * What Newton and L-BFGS minimise: the loss as a function of the coefficient vector, with its
 * gradient and, for Newton, its Hessian. {@link ColumnObjective} computes it from rows in
 * memory, {@link CoefficientObjective} takes it from the caller (rows elsewhere, e.g. a Spark
 * Dataset); both optimisers see only this, so each method exists once.
 */
interface Objective {

  /** The layout of the coefficient vector (predictors, names, blocks). */
  Design design();

  /** The number of evaluations so far. */
  int evaluations();

  /** The loss at beta; writes its gradient. */
  double value(double[] beta, double[] gradient);

  /** The loss at beta; writes its gradient and its Hessian (size by size, row-major). */
  double value(double[] beta, double[] gradient, double[] hessian);

  /**
   * Throws IllegalArgumentException if the last evaluation, at the start, gave a non-finite
   * loss or gradient, saying where as precisely as this objective knows.
   */
  void requireFiniteStart(double value, double[] gradient);
}
