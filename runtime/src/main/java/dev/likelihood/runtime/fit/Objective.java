package dev.likelihood.runtime.fit;

/**
 * What Newton and L-BFGS minimise: the loss as a function of the coefficient vector, with its
 * gradient and, for Newton, its Hessian. {@link ColumnObjective} computes it from rows in
 * memory, {@link CoefficientObjective} takes it from the caller (rows elsewhere, e.g. a Spark
 * Dataset); both optimisers see only this, so each method exists once. Counts evaluations.
 */
abstract class Objective {

  private final Design design;
  private int evaluations;

  Objective(Design design) {
    this.design = design;
  }

  /** The layout of the coefficient vector (predictors, names, blocks). */
  final Design design() {
    return design;
  }

  /** The number of evaluations so far. */
  final int evaluations() {
    return evaluations;
  }

  /** The loss at beta; writes its gradient. */
  final double value(double[] beta, double[] gradient) {
    evaluations++;
    return evaluate(beta, gradient);
  }

  /** The loss at beta; writes its gradient and its Hessian (size by size, row-major). */
  final double value(double[] beta, double[] gradient, double[] hessian) {
    evaluations++;
    return evaluate(beta, gradient, hessian);
  }

  abstract double evaluate(double[] beta, double[] gradient);

  abstract double evaluate(double[] beta, double[] gradient, double[] hessian);

  /**
   * Throws IllegalArgumentException if the last evaluation, at the start, gave a non-finite
   * loss or gradient, saying where as precisely as this objective knows.
   */
  abstract void requireFiniteStart(double value, double[] gradient);

  /** The check of the start's loss both kinds of objective make. */
  static void requireFiniteStartLoss(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("at the start, the loss = " + value
          + "; choose a start where the loss is finite");
    }
  }

  /** The null check both kinds of objective make on the caller's loss. */
  static <T> T requireLoss(T loss) {
    if (loss == null) {
      throw new IllegalArgumentException("the loss is null");
    }
    return loss;
  }
}
