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
   * The share s = t/(1 + t), t = (r/sigma)^2/nu, through which every second derivative of
   * {@link #studentT} is written: d/d(log sigma) of the kernel is -2 s, d/dnu -s/nu, and s itself
   * has d s/d(log sigma) = -2 s (1 - s).
   */
  public static double studentTShare(double r, double sigma, double logSigma, double nu) {
    return share(r, sigma, logSigma, nu);
  }

  /**
   * 1 - s = 1/(1 + t), formed without the subtraction (it is tiny where r/sigma is huge): from
   * q = |r|/(sigma sqrt(nu)) where |r| is the smaller, else from w = sigma sqrt(nu)/|r|, w^2/(1 +
   * w^2), which stays relative-accurate where t overflows (exp(-2a) of a rounded logarithm a
   * would lose |2a| ulps); only a sigma that is not a normal double takes the logarithms.
   */
  public static double studentTComplement(double r, double sigma, double logSigma, double nu) {
    if (r == 0) {
      return 1;
    }
    if (!(sigma >= Double.MIN_NORMAL && sigma < Double.POSITIVE_INFINITY)) {
      return StableMath.sigmoid(-2 * logRatio(r, logSigma, nu));
    }
    double root = Math.sqrt(nu);
    double abs = Math.abs(r);
    if (abs <= sigma * root) {
      double q = abs / sigma / root;
      return 1 / (1 + q * q);
    }
    double w = sigma / abs * root;
    return w * w / (1 + w * w);
  }

  /**
   * d2/dr2 of {@link #studentT}: 2 (1 - 2 s)/(nu sigma^2 + r^2), with 1/(nu sigma^2 + r^2) as
   * (1 - s)/(sigma sqrt(nu))^2 where |r| is the smaller and s/r^2 where it is the larger, each
   * divided in two steps so that no square under- or overflows on the way. It changes sign at
   * r^2 = nu sigma^2, where only its absolute error is small.
   */
  public static double studentTDrDr(double r, double sigma, double logSigma, double nu) {
    double s = share(r, sigma, logSigma, nu);
    double width = sigma * Math.sqrt(nu);
    double inverse = Math.abs(r) < width || width == Double.POSITIVE_INFINITY
        ? studentTComplement(r, sigma, logSigma, nu) / width / width
        : s / r / r;
    return 2 * ((1 - s) - s) * inverse;
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
