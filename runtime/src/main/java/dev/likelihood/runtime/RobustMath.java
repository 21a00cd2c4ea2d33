package dev.likelihood.runtime;

import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.Erfc;

/**
 * The pieces of the robust regression losses: the Huber loss, its derivative and the normaliser
 * that makes it a density, and log-cosh. Accuracy is measured against mpmath
 * ({@code tools/reference/gamma_primitives.py}; the rows are tested by GammaMathTest).
 */
public final class RobustMath {

  private static final double LN_2 = 0.6931471805599453;
  private static final double SQRT_HALF = 0.7071067811865476;
  private static final double SQRT_2PI = 2.5066282746310007;
  private static final double SQRT_HALF_PI = 1.2533141373155003;
  private static final double SQRT_2_OVER_PI = 0.7978845608028654;

  private RobustMath() {}

  /**
   * The Huber loss {@code r^2/2} for |r| &lt;= delta, {@code delta (|r| - delta/2)} beyond. The
   * quadratic piece is one rounding ((0.5 r) r); the linear piece is delta times |r| - delta/2
   * carried in double-double, so it is correctly rounded but for a rare double rounding.
   * Overflows only where the value does. Measured: correctly rounded at every point (error 0).
   */
  public static double huber(double r, double delta) {
    double ar = Math.abs(r);
    if (ar <= delta) {
      return (0.5 * r) * r;
    }
    double h = 0.5 * delta;
    double s = ar - h;
    double p = delta * s;
    if (Double.isInfinite(p)) {
      return p;
    }
    // delta (s + sLo), s + sLo = |r| - delta/2 exactly
    return p + (Math.fma(delta, s, -p) + delta * ExactArithmetic.twoSumError(ar, -h, s));
  }

  /** {@code d/dr huber(r, delta)} = r clamped to [-delta, delta] (exact). */
  public static double huberDerivative(double r, double delta) {
    return Math.max(-delta, Math.min(r, delta));
  }

  /**
   * {@code log Z(delta)}, the log normalizer of the density proportional to exp(-huber(r,
   * delta)): Z = sqrt(2 pi) erf(delta / sqrt 2) + 2 exp(-delta^2/2) / delta (the quadratic middle
   * and the two exponential tails; erf, never 2 Phi - 1 by subtraction). Both terms are
   * positive and Z &gt;= sqrt(2 pi), so log Z &gt;= 0.92 does not magnify Z's rounding:
   *
   * <ul>
   *   <li>1e-300 &lt;= delta &lt; 1: {@code log(Z)} as written (about log(2/delta) when small).
   *   <li>delta &gt;= 1: {@code log sqrt(2 pi) + log1p(sqrt(2/pi) exp(-delta^2/2) / delta -
   *       erfc(delta / sqrt 2))}: only the small correction carries error (delta = 1e10 gives
   *       log sqrt(2 pi)).
   *   <li>delta &lt; 1e-300: {@code log(2/delta) + log(sqrt(pi/2) delta erf(delta / sqrt 2) +
   *       exp(-delta^2/2))}, all terms positive, so that 2/delta never overflows.
   * </ul>
   *
   * Measured: relative error &lt; 2.3e-16.
   */
  public static double logHuberNormalizer(double delta) {
    if (!(delta > 0)) {
      return delta == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    double u = delta * SQRT_HALF;
    if (delta < 1e-300) {
      double w = SQRT_HALF_PI * delta * Erf.value(u) + Math.exp(-u * u);
      return (LN_2 - Math.log(delta)) + Math.log(w);
    }
    if (delta < 1) {
      return Math.log(SQRT_2PI * Erf.value(u) + 2 * Math.exp(-u * u) / delta);
    }
    double tails = SQRT_2_OVER_PI * Math.exp(-u * u) / delta;
    return StableMath.LN_SQRT_2PI + StableMath.log1p(tails - Erfc.value(u));
  }

  /**
   * The expected information for the location of the normalised Huber density exp(-huber(r,
   * delta))/Z(delta): E[psi'(r)] = P(|r| &lt; delta) = sqrt(2 pi) erf(delta/sqrt 2)/Z(delta) (equal
   * to E[psi(r)^2], by parts), rising from delta^2 to 1. Written 1/(1 + R), R = sqrt(2/pi)
   * exp(-delta^2/2)/(delta erf(delta/sqrt 2)), the tails' mass over the middle's, divided in
   * turn so that nothing overflows; below delta = 1e-8 it is delta^2 (the next term is below
   * 1e-16 of it), which underflows gracefully. Measured: relative error &lt; 5.1e-16
   * (gamma_primitives.csv).
   */
  public static double huberInformation(double delta) {
    if (!(delta > 0)) {
      return delta == 0 ? 0 : Double.NaN;
    }
    if (delta < 1e-8) {
      return delta * delta;
    }
    double tailsOverMiddle = SQRT_2_OVER_PI * Math.exp(-0.5 * delta * delta) / delta
        / Erf.value(delta * SQRT_HALF);
    return 1 / (1 + tailsOverMiddle);
  }

  /**
   * {@code log(cosh(x))}, from one expm1 (see {@link #logCosh(double, double)}): relative-accurate
   * down to x^2/2 for tiny x, finite for every finite x (1e300 gives 1e300). Measured: relative
   * error &lt; 3.4e-16.
   */
  public static double logCosh(double x) {
    return logCosh(x, expm1NegAbs(x));
  }

  /**
   * expm1(-|x|): the one exponential that {@link #logCosh(double, double)} and {@link
   * #tanh(double, double)} of x (or of -x) share, as generated code computes them together.
   */
  public static double expm1NegAbs(double x) {
    return Math.expm1(-Math.abs(x));
  }

  /**
   * log(cosh(x)) given v = expm1(-|x|), so e = 1 + v = exp(-|x|). Below |x| = 1, cosh(x) - 1 =
   * (1 - e)^2 / (2 e) = v^2 / (2 (1 + v)) has no cancellation (v keeps tiny x's digits); above,
   * |x| - log 2 + log1p(e^2), where the rounding of 1 + v (relative eps e^|x|) moves the result
   * by only 2 eps e^-|x|.
   */
  public static double logCosh(double x, double v) {
    double e = 1 + v;
    if (Math.abs(x) < 1) {
      return StableMath.log1p(v * v / (2 * e));
    }
    return Math.abs(x) + (StableMath.log1p(e * e) - LN_2);
  }

  /**
   * tanh(x) given v = expm1(-|x|): tanh|x| = (1 - e^2) / (1 + e^2) with e = exp(-|x|) = 1 + v,
   * and 1 - e^2 = -v (2 + v) keeps small x's digits. Within 4.5e-16 of mpmath (the JDK's tanh
   * costs an expm1 of its own).
   */
  public static double tanh(double x, double v) {
    double e = 1 + v;
    return Math.copySign(-v * (2 + v) / (1 + e * e), x);
  }
}
