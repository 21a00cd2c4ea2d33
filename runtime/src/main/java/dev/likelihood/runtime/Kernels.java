package dev.likelihood.runtime;

/**
 * Pieces of particular families whose stable value or derivative is not what the generic rules
 * would assemble: each takes the quantities in the form that keeps its digits (a logarithm of a
 * scale, a residual) and comes with its partial derivatives. Measured against mpmath
 * ({@code tools/reference/kernel_primitives.py}, r up to 1e300, sigma from 1e-300 to 1e300, nu
 * from 1e-3 to 1e100): every function within 4.9e-16 relative.
 */
public final class Kernels {

  /** Beyond this z^2/nu would overflow; below its inverse the kernel is z^2/nu to the last bit. */
  private static final double LARGE = 1e150;

  private Kernels() {}

  /**
   * The Student-t kernel {@code log(1 + (r/sigma)^2/nu)} from the residual r, the scale (and its
   * logarithm, exact where sigma under- or overflows) and nu. Where r/sigma is representable it
   * is {@link StudentMath#log1pSquareRatio}; beyond, it is softplus(2a) with
   * a = log|r| - log(sigma) - log(nu)/2, so that sigma = 1e-300 with r = 1e150 still gives the
   * finite kernel (z = 1e450 itself is not a double).
   */
  public static double studentT(double r, double sigma, double logSigma, double nu) {
    double z = r / sigma;
    if (Math.abs(z) < LARGE * Math.sqrt(nu) && sigma > Double.MIN_NORMAL) {
      return StudentMath.log1pSquareRatio(z, nu);
    }
    return StableMath.softplus(2 * logRatio(r, logSigma, nu));
  }

  /** d/dr of {@link #studentT}: 2 r/(nu sigma^2 + r^2). */
  public static double studentTDr(double r, double sigma, double logSigma, double nu) {
    double z = r / sigma;
    if (Math.abs(z) < LARGE * Math.sqrt(nu) && sigma > Double.MIN_NORMAL) {
      return StudentMath.dLog1pSquareRatioDz(z, nu) / sigma;
    }
    // (2/r) t/(1 + t) with t = exp(2a) huge: 2/r to the last bit
    return 2 / r * StableMath.sigmoid(2 * logRatio(r, logSigma, nu));
  }

  /** d/d(log sigma) of {@link #studentT}: -2 t/(1 + t), t = (r/sigma)^2/nu. */
  public static double studentTDlogSigma(double r, double sigma, double logSigma, double nu) {
    return -2 * share(r, sigma, logSigma, nu);
  }

  /** d/dnu of {@link #studentT}: -(1/nu) t/(1 + t). */
  public static double studentTDnu(double r, double sigma, double logSigma, double nu) {
    return -share(r, sigma, logSigma, nu) / nu;
  }

  /**
   * t/(1 + t), t = (r/sigma)^2/nu: from q = |r/sigma|/sqrt(nu) where that is a double (q^2/(1 + q^2)
   * or 1/(1 + 1/q^2), no cancellation), else sigmoid(2a) in logarithms.
   */
  private static double share(double r, double sigma, double logSigma, double nu) {
    if (r == 0) {
      return 0;
    }
    double z = r / sigma;
    if (Math.abs(z) < LARGE * Math.sqrt(nu) && sigma > Double.MIN_NORMAL) {
      double q = Math.abs(z) / Math.sqrt(nu);
      return q < 1 ? q * q / (1 + q * q) : 1 / (1 + (1 / q) / q);
    }
    return StableMath.sigmoid(2 * logRatio(r, logSigma, nu));
  }

  /** a = log(|r|/sigma/sqrt(nu)), so that (r/sigma)^2/nu = exp(2a). */
  private static double logRatio(double r, double logSigma, double nu) {
    return Math.log(Math.abs(r)) - logSigma - 0.5 * Math.log(nu);
  }

  /**
   * The inverse Gaussian kernel {@code (y - mean)^2/(mean^2 y)}, as w (w/y) with
   * w = (y - mean)/mean: no square of a residual overflows. Its derivative with respect to the
   * mean, -2 (y - mean)/mean^3, is a single term the processor writes itself (the product rule
   * on (y - mean)/mean would give two terms that cancel where y is far below the mean).
   */
  public static double inverseGaussian(double y, double mean) {
    double w = (y - mean) / mean;
    return w * (w / y);
  }
}
