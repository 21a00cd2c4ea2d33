package dev.likelihood.runtime;

/**
 * Neumaier's compensated summation (an improved Kahan sum): the rounding error of every addition
 * is carried and added back at the end, so the error of a sum of n terms stays near one rounding
 * of the result instead of growing with n. Generated batch loops inline the same update.
 */
public final class CompensatedSum {

  private CompensatedSum() {}

  /** The sum of {@code values[from, to)}. */
  public static double of(double[] values, int from, int to) {
    double sum = 0.0;
    double compensation = 0.0;
    for (int i = from; i < to; i++) {
      double v = values[i];
      double t = sum + v;
      compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
      sum = t;
    }
    return sum + compensation;
  }
}
