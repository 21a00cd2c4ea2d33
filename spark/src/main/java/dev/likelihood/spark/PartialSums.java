package dev.likelihood.spark;

import java.io.Serializable;

/**
 * The loss, gradient and (upper triangle of the) Hessian in the coefficients, summed over some
 * blocks: [loss, gradient (size), Hessian (size*size, row-major)]. Every entry is a Neumaier
 * compensated sum (value plus carried rounding error), so merging partitions in whatever order
 * Spark's tree finishes them gives the same total to about 1e-32 relative: the fit does not
 * depend on task timing.
 */
final class PartialSums implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int size;
  private final double[] value;
  private final double[] compensation;

  /** Zero sums for {@code size} coefficients, with room for the Hessian if asked for. */
  PartialSums(int size, boolean hessian) {
    this.size = size;
    int length = 1 + size + (hessian ? size * size : 0);
    this.value = new double[length];
    this.compensation = new double[length];
  }

  int length() {
    return value.length;
  }

  /** Adds {@code x} to entry {@code i}, keeping the rounding error. */
  void add(int i, double x) {
    double sum = value[i];
    double total = sum + x;
    compensation[i] += Math.abs(sum) >= Math.abs(x) ? (sum - total) + x : (x - total) + sum;
    value[i] = total;
  }

  /** Adds a block's plain sums, laid out as this (length() entries). */
  void addAll(double[] blockSums) {
    for (int i = 0; i < value.length; i++) {
      add(i, blockSums[i]);
    }
  }

  /** Adds another partition's sums into this one and returns this (Spark's merge contract). */
  PartialSums merge(PartialSums other) {
    for (int i = 0; i < value.length; i++) {
      add(i, other.value[i]);
      add(i, other.compensation[i]);
    }
    return this;
  }

  /** The loss; writes the gradient, and the full symmetric Hessian if one was summed. */
  double totals(double[] gradient, double[] hessian) {
    for (int r = 0; r < size; r++) {
      gradient[r] = total(1 + r);
    }
    if (hessian != null) {
      int base = 1 + size;
      for (int r = 0; r < size; r++) {
        for (int c = r; c < size; c++) {
          double h = total(base + r * size + c);
          hessian[r * size + c] = h;
          hessian[c * size + r] = h;
        }
      }
    }
    return total(0);
  }

  private double total(int i) {
    return value[i] + compensation[i];
  }
}
