package dev.likelihood.runtime;

/**
 * The Student-t kernel {@code log(1 + z^2/nu)} and its partial derivatives, written in
 * {@code r = |z|/sqrt(nu)} so that neither z^2 nor z^2/nu is ever formed: a residual of 1 at
 * sigma = 1e-300 gives z = 1e300, whose square overflows although the kernel is a modest 1381.6.
 */
public final class StudentMath {

  /** Beyond this ratio r^2 would overflow, and log1p(1/r^2) is below half an ulp of 2 log r. */
  private static final double LARGE = 1e150;

  private StudentMath() {}

  /**
   * {@code log(1 + z^2/nu)}, nu &gt; 0: log1p(r^2) while r^2 is representable, beyond it
   * 2 log|z| - log nu (r itself may overflow: z = 1e200, nu = 1e-300). Measured against mpmath
   * (student_primitives.csv): within 1e-15 relative.
   */
  public static double log1pSquareRatio(double z, double nu) {
    double r = Math.abs(z) / Math.sqrt(nu);
    return r < LARGE ? StableMath.log1p(r * r) : 2 * Math.log(Math.abs(z)) - Math.log(nu);
  }

  /**
   * d/dz of {@link #log1pSquareRatio}: {@code 2 z/(nu + z^2)}, as 2/(z (1 + 1/r^2)) for large r.
   * Within 1e-15 relative.
   */
  public static double dLog1pSquareRatioDz(double z, double nu) {
    double r = Math.abs(z) / Math.sqrt(nu);
    if (r < 1) {
      return 2 * (z / nu) / (1 + r * r);
    }
    return 2 / (z * (1 + (1 / r) / r));
  }

  /**
   * d/dnu of {@link #log1pSquareRatio}: {@code -z^2/(nu (nu + z^2))} = -(1/nu) r^2/(1 + r^2).
   * Within 1e-15 relative.
   */
  public static double dLog1pSquareRatioDnu(double z, double nu) {
    double r = Math.abs(z) / Math.sqrt(nu);
    double share = r < 1 ? r * r / (1 + r * r) : 1 / (1 + (1 / r) / r);
    return -share / nu;
  }
}
