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
    return total(sum, compensation);
  }

  /**
   * The compensated sum's value: {@code sum + compensation}, except where the sum is infinite.
   * An infinite term makes the compensation NaN ({@code Infinity - Infinity}), yet the sum of
   * finite terms and +Infinity is +Infinity (a row whose NLL is beyond the double range, or eta
   * outside a warn-only link's region); a NaN term or +Infinity and -Infinity make the sum NaN.
   */
  public static double total(double sum, double compensation) {
    return Double.isInfinite(sum) ? sum : sum + compensation;
  }
}
