package dev.likelihood.spark;

import java.io.Serializable;

/**
 * The per-block kernel of a Newton fit: a call to a generated batch {@code lossGradientHessian}
 * over one block of rows, e.g.
 * <pre>{@code
 * b -> ClaimsLoss.lossGradientHessian(Reduction.SUM, b.data(0), b.eta(0), b.data(1),
 *     b.gradient(0), b.hessian())
 * }</pre>
 * Serializable, because Spark ships it to the executors; a lambda of this type is.
 */
@FunctionalInterface
public interface BlockCurvature extends Serializable {

  /**
   * As {@link BlockLoss#lossAndGradient}, and writes the per-row Hessian in eta into
   * {@link Block#hessian} (row i's P by P block at i*P*P, row-major, P = number of predictors).
   */
  double lossGradientHessian(Block block);
}
