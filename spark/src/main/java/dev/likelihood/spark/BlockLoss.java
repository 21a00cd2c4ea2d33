package dev.likelihood.spark;

import java.io.Serializable;

/**
 * The per-block kernel of an L-BFGS fit: a call to a generated batch {@code lossAndGradient}
 * over one block of rows, e.g.
 * <pre>{@code
 * b -> ClaimsLoss.lossAndGradient(Reduction.SUM, b.data(0), b.eta(0), b.data(1), b.gradient(0))
 * }</pre>
 * Serializable, because Spark ships it to the executors; a lambda of this type is.
 */
@FunctionalInterface
public interface BlockLoss extends Serializable {

  /**
   * Returns the summed loss of the block's rows and writes d loss / d eta of every row into
   * {@link Block#gradient}. Use {@code Reduction.SUM}: the driver adds the blocks' sums.
   */
  double lossAndGradient(Block block);
}
