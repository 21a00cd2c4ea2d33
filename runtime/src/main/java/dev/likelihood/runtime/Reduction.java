package dev.likelihood.runtime;

/** How a batch of per-sample negative log-likelihoods becomes one loss. */
public enum Reduction {
  /** The sum over the rows. */
  SUM,
  /**
   * The sum divided by the number of rows; with a weight column, {@code sum(w * nll) / sum(w)}.
   * An empty range (or weights summing to 0) gives NaN.
   */
  MEAN
}
