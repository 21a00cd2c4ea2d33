package dev.likelihood.runtime;

import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.Erfcx;
import org.apache.commons.numbers.gamma.LogGamma;

/**
 * The numerically stable primitives that generated losses call.
 *
 * <p>Each method states the formulation it uses and the worst relative error measured against
 * mpmath (60+ digits, each value checked at 40 more) over the points in {@code
 * reference/primitives.csv}, written by {@code tools/reference/primitives.py}: the adversarial
 * arguments (+-1e-300 ... +-1e300, +-745, +-800), a log-spaced grid of both signs, every quarter
 * in [-40, 40], the branch thresholds and their neighbouring doubles, and random points; plus,
 * during development, 3,000 further random points per function (the larger figure is quoted).
 * Where the exact value is subnormal the error is counted in units of {@link Double#MIN_NORMAL}
 * instead, since a subnormal carries fewer than 53 significant bits. For scale, 2^-53 = 1.1e-16.
 */
public final class StableMath {

  /** {@code log(sqrt(2 pi))}, correctly rounded. */
  public static final double LN_SQRT_2PI = 0.9189385332046728;

  private static final double INV_SQRT_2PI = 0.3989422804014327;
  private static final double SQRT_2_OVER_PI = 0.7978845608028654;
  private static final double SQRT_HALF = 0.7071067811865476;
  private static final double LN_2 = 0.6931471805599453;
  /** log(pi), correctly rounded. */
  private static final double LN_PI = 1.1447298858494002;

  /** log(e - 1) = hi + lo, the root of log(softplus(x)); hi + lo carries 107 bits. */
  private static final double LOG_E_MINUS_1_HI = 0.5413248546129181;
  private static final double LOG_E_MINUS_1_LO = -1.8138570925507326e-17;
  private static final double ONE_MINUS_INV_E = 0.6321205588285577;

  /** 2 - Euler's gamma. */
  private static final double TWO_MINUS_EULER = 1.4227843350984672;

  /**
   * (-1)^k (zeta(k) - 1) / k for k = 2..32: log Gamma(1 + y) = -log1p(y) + (1 - gamma) y +
   * sum_k c_k y^k (Abramowitz and Stegun 6.1.41 rearranged); for |y| &lt;= 1/2 the terms fall by
   * at least 4 per step, so the 33rd is below 2e-21. From mpmath ({@code primitives.py
   * --constants}; k &gt; 20 from mpmath.zeta at 40 digits).
   */
  private static final double[] LGAMMA1P_SERIES = {
    0.3224670334241132, -0.0673523010531981, 0.020580808427784546, -0.007385551028673986,
    0.0028905103307415234, -0.001192753911703261, 0.0005096695247430425,
    -0.00022315475845357939, 9.945751278180853e-05, -4.492623673813314e-05,
    2.050721277567069e-05, -9.439488275268397e-06, 4.374866789907488e-06,
    -2.039215753801366e-06, 9.55141213040742e-07, -4.492469198764566e-07,
    2.1207184805554665e-07, -1.0043224823968099e-07, 4.7698101693639804e-08,
    -2.2711094608943164e-08, 1.0838659214896955e-08, -5.183475041970047e-09,
    2.4836745438024785e-09, -1.1921401405860912e-09, 5.731367241678862e-10,
    -2.7595228851242334e-10, 1.330476437424449e-10, -6.4229645638381e-11,
    3.1044247747322276e-11, -1.5021384080754142e-11, 7.275974480239079e-12,
  };

  /** 1 - Euler's gamma. */
  private static final double ONE_MINUS_EULER = 0.42278433509846713;

  /**
   * logFactorialResidual(k / 2) for k = 0..30, correctly rounded (mpmath). Loader tabulates
   * stirlerr at these points; tabulating the residual itself saves the rounding of the sum.
   */
  private static final double[] RESIDUAL_HALVES = {
    0.0, 0.7257913526447274, 1.0, 1.1764852083106725, 1.3068528194400546, 1.4102467726616865,
    1.4959226032237258, 1.5690661811086541, 1.6328763858683832, 1.689465682125483,
    1.7403021806115442, 1.7864475525458028, 1.828694396641771, 1.8676500868983887,
    1.9037903176782212, 1.9374946032340121, 1.9690705693065629, 1.998771031078967,
    2.0268062840554952, 2.0533531326420595, 2.0785616431350586, 2.1025602763507254,
    2.12545984509181, 2.1473566051905952, 2.168334698205882, 2.188468102391508,
    2.207822206123445, 2.226455088189904, 2.244418568125061, 2.2617590744309473,
    2.2785183673077407,
  };

  /**
   * log(k!) for k = 0..15 as unevaluated sums hi + lo (hi correctly rounded, lo the rest, both
   * from mpmath): the direct forms of {@link #poissonNll} and {@link #binomialNll} need log(y!)
   * to twice double precision.
   */
  private static final double[] LOG_FACTORIAL_HI = {
    0.0, 0.0, 0.6931471805599453, 1.791759469228055, 3.1780538303479458, 4.787491742782046,
    6.579251212010101, 8.525161361065415, 10.60460290274525, 12.801827480081469,
    15.104412573075516, 17.502307845873887, 19.987214495661885, 22.552163853123425,
    25.19122118273868, 27.89927138384089,
  };

  private static final double[] LOG_FACTORIAL_LO = {
    0.0, 0.0, 2.3190468138462996e-17, 4.349979825096335e-17, -1.3216387039714197e-16,
    1.8268155143874837e-16, -2.179078601603509e-16, -3.667166030063331e-16,
    -6.302121059784911e-16, 5.206295788716661e-16, -5.84624463166684e-16,
    -7.099828843090002e-16, 1.4661311288682236e-15, -1.6450514375919355e-15,
    1.6710216640385304e-15, 1.2290202987493117e-15,
  };

  /**
   * The Stirling series stirlerr(n) = sum_k STIRLING[k] / n^(2k+1), STIRLING[k] = B(2k+2) /
   * ((2k+2)(2k+1)): 1/12, -1/360, 1/1260, ... (mpmath). Asymptotic: at n = 8 the 13th term is
   * 6e-20, the smallest n it serves.
   */
  private static final double[] STIRLING = {
    0.08333333333333333, -0.002777777777777778, 0.0007936507936507937, -0.0005952380952380953,
    0.0008417508417508417, -0.0019175269175269176, 0.00641025641025641, -0.029550653594771242,
    0.17964437236883057, -1.3924322169059011, 13.402864044168393, -156.84828462600203,
  };

  /** bd0 sums its series where |v| = |y - mu| / (y + mu) is below this (Loader: 0.1). */
  private static final double SERIES_V = 1.0 / 3;

  private StableMath() {}

  /**
   * {@code log(1 + x)}, as {@code Math.log(u) x / (u - 1)} with {@code u = 1 + x} (Goldberg 1991,
   * Theorem 4; the HP-15C's trick): the rounding of 1 + x is divided out exactly, so the error
   * is a few ulps of Math.log's, within 4 ulp of the JDK's log1p over the tested range ({@code
   * StableMathTest}). Faster because Math.log is a JIT intrinsic and Math.log1p is not (on JDK 17
   * it is a native fdlibm call: see benchmarks' PrimitivesBenchmark).
   */
  public static double log1p(double x) {
    double u = 1.0 + x;
    if (u == 1.0) {
      return x; // |x| below half an ulp of 1: log1p(x) = x - x^2/2 rounds to x
    }
    if (u == Double.POSITIVE_INFINITY) {
      return u;
    }
    return Math.log(u) * (x / (u - 1.0));
  }

  /**
   * {@code log(1 + exp(x))}, never overflowing. Maechler's (2012) pieces, written with the one
   * exponential e = exp(-|x|): {@code e} for x <= -37 (the next term, e^2/2, is below half an ulp),
   * {@code log1p(e)} up to 0, {@code x + log1p(e)} up to 18 (two non-negative terms), {@code x +
   * e} up to 33.3, and {@code x} beyond (e is below half an ulp of x). Bit-identical to {@link
   * #softplus(double, double)}. Measured: relative error &lt; 2.3e-16.
   */
  public static double softplus(double x) {
    if (x > 33.3) {
      return x;
    }
    return softplus(x, expNegAbs(x));
  }

  /**
   * {@link #softplus(double)} given {@code e = expNegAbs(x)}, for code that also needs sigmoid(x)
   * or sigmoid(-x) (see {@link #sigmoid(double, double)}): the same pieces, the same bits.
   */
  public static double softplus(double x, double expNegAbs) {
    if (x <= -37) {
      return expNegAbs;
    }
    if (x <= 0) {
      return log1p(expNegAbs);
    }
    if (x <= 18) {
      return x + log1p(expNegAbs);
    }
    if (x <= 33.3) {
      return x + expNegAbs;
    }
    return x;
  }

  /**
   * {@code 1 / (1 + exp(-x))}. For x &lt; 0 it is computed as {@code e / (1 + e)} with
   * {@code e = exp(x)}, so the lower tail keeps its relative accuracy until exp(x) underflows.
   * Measured: relative error &lt; 2.3e-16.
   */
  public static double sigmoid(double x) {
    return sigmoid(x, expNegAbs(x));
  }

  /**
   * {@code exp(-|x|)}: the exponential that {@link #softplus(double, double)} and {@link
   * #sigmoid(double, double)} share (generated code computes it once for both), so that a loss
   * and its gradient (softplus(-eta) and -sigmoid(-eta)) cost one exp between them.
   */
  public static double expNegAbs(double x) {
    return Math.exp(-Math.abs(x));
  }

  /**
   * sigmoid(x) given {@code e = expNegAbs(x)}: 1/(1 + e) for x &gt;= 0, else e/(1 + e);
   * bit-identical to {@link #sigmoid(double)}.
   */
  public static double sigmoid(double x, double expNegAbs) {
    return (x >= 0 ? 1.0 : expNegAbs) / (1.0 + expNegAbs);
  }

  /**
   * {@code log(sigmoid(x)) = -softplus(-x)}: finite for every finite x (x = -800 gives -800).
   * Measured: relative error &lt; 2.3e-16.
   */
  public static double logSigmoid(double x) {
    return -softplus(-x);
  }

  /**
   * {@code log(softplus(x))}. For x &lt;= -37 it is x (the correction -exp(x)/2 is below half an
   * ulp); for large x, log(x) by way of softplus. For 0 &lt; x &lt; 2, around its root x0 = log(e
   * - 1), where
   * log(softplus) would divide softplus's rounding error by a vanishing logarithm, it uses the
   * identity {@code softplus(x) = 1 + log1p((1 - 1/e) expm1(x - x0))} with x0 held to 107 bits,
   * so the result stays relative-accurate through the sign change. Measured: relative error
   * &lt; 4.7e-16.
   */
  public static double logSoftplus(double x) {
    if (x <= -37) {
      return x;
    }
    if (x > 0 && x < 2) {
      double d = (x - LOG_E_MINUS_1_HI) - LOG_E_MINUS_1_LO;
      return log1p(log1p(ONE_MINUS_INV_E * Math.expm1(d)));
    }
    return Math.log(softplus(x));
  }

  /**
   * {@code d/dx log(softplus(x)) = sigmoid(x) / softplus(x)}. For x &lt;= -37 it is 1 (the exact
   * value 1 - exp(x)/2 + ... rounds to 1), so it never becomes 0/0; for large x it tends to
   * 1/x. Measured: relative error &lt; 3.9e-16.
   */
  public static double dLogSoftplus(double x) {
    if (x <= -37) {
      return 1;
    }
    return sigmoid(x) / softplus(x);
  }

  /**
   * {@code d/dx dLogSoftplus(x) = dLogSoftplus(x) (sigmoid(-x) - dLogSoftplus(x))}, the second
   * derivative of log(softplus(x)). The bracket tends to 1 - 1 as x -&gt; -inf, so for x &lt; 0
   * it is formed, with t = exp(x), as {@code (log1p(t) - t) / ((1 + t) log1p(t))}, where
   * log1p(t) - t = -t w + 2 w^3 (1/3 + w^2/5 + ...), w = t/(2 + t) &lt;= 1/3, has no
   * cancellation; for x &lt;= -37 it is -exp(x)/2 (the next term is below half an ulp). For x
   * &gt;= 0 the bracket's terms do not cancel. Negative everywhere; tends to -1/x^2 as x -&gt; inf.
   * Measured against mpmath: relative error &lt; 1.3e-15.
   */
  public static double d2LogSoftplus(double x) {
    if (x <= -37) {
      return -0.5 * Math.exp(x);
    }
    double d = dLogSoftplus(x);
    if (x >= 0) {
      return d * (sigmoid(-x) - d);
    }
    double t = Math.exp(x);
    double log1p = Math.log1p(t);
    return d * log1pMinusX(t) / ((1 + t) * log1p);
  }

  /** log1p(t) - t for 0 &lt;= t &lt;= 1, by the atanh series in w = t/(2 + t): no cancellation. */
  private static double log1pMinusX(double t) {
    double w = t / (2 + t);
    double w2 = w * w;
    double series = 0;
    for (int k = 41; k >= 3; k -= 2) { // w^2 <= 1/9: 20 terms leave less than 2^-64
      series = series * w2 + 1.0 / k;
    }
    return -t * w + 2 * w * w2 * series;
  }

  /**
   * {@code log(1 - exp(-x))} for x &gt;= 0 (NaN for x &lt; 0, -Infinity at 0). Maechler (2012):
   * {@code log(-expm1(-x))} for x &lt;= ln 2 and {@code log1p(-exp(-x))} above, each accurate
   * where the other cancels. Measured: relative error &lt; 2.3e-16.
   */
  public static double log1mexp(double x) {
    return x <= LN_2 ? Math.log(-Math.expm1(-x)) : log1p(-Math.exp(-x));
  }

  /**
   * {@code log(1 - exp(-exp(x)))} for every real x (the log-likelihood of the complementary
   * log-log link). With u = exp(x) it is {@code log1mexp(u)}; for x &lt;= -37 it is x itself, the
   * exact x + log((1 - exp(-u)) / u) = x - u/2 + ... differing by less than half an ulp; for
   * large x it underflows to -0.0. For x &gt; 0 the value is about -exp(-u), whose relative
   * error is u times that of the rounded u = exp(x): it grows like exp(x) * 2^-53 and peaks,
   * just before the value underflows (x near 6.5), at 5.3e-14; the absolute
   * error there is below 1e-300. Measured for x &lt;= 0: relative error &lt; 2.4e-16.
   */
  public static double log1mexpOfExp(double x) {
    if (x <= -37) {
      return x;
    }
    return log1mexp(Math.exp(x));
  }

  /**
   * {@code d/dx log1mexpOfExp(x) = u / expm1(u)} with u = exp(x). It tends to 1 as x -&gt; -inf
   * (and is 1 once u underflows, never 0/0); for u &gt; 1 it is evaluated as {@code exp(x - u) /
   * -expm1(-u)} so that u e^-u does not pass through a subnormal factor. As for {@link
   * #log1mexpOfExp}, the rounding of u costs relative accuracy u * 2^-53 for large u (measured
   * 8.9e-14 at x near 6.5, where the value is 4e-286); for x &lt;= 0 relative error &lt; 2e-16.
   */
  public static double dLog1mexpOfExp(double x) {
    if (x > 7) {
      return 0; // exp(x - e^x) < exp(-1089)
    }
    double u = Math.exp(x);
    if (u == 0) {
      return 1;
    }
    if (u <= 1) {
      return u / Math.expm1(u);
    }
    return Math.exp(x - u) / -Math.expm1(-u);
  }

  /**
   * {@code d/dx dLog1mexpOfExp(x)}, the second derivative of log(1 - exp(-exp(x))): with u =
   * exp(x) and f = dLog1mexpOfExp(x), {@code -f (exp(-u) - 1 + u) / (1 - exp(-u))}. The
   * numerator is u^2/2 - u^3/6 + ... by its series for u &lt; 1/2 (where expm1(-u) + u would
   * cancel), so the value stays relative-accurate as it tends to -u/2 for x -&gt; -inf (returned as
   * that for x &lt;= -37); it is -0.0 where f underflows (x &gt; 7). Measured against mpmath: for x
   * &lt;= 0 relative error &lt; 5e-16; above, the rounding of u costs u 2^-53, as for f.
   */
  public static double d2Log1mexpOfExp(double x) {
    if (x <= -37) {
      return -0.5 * Math.exp(x);
    }
    double f = dLog1mexpOfExp(x);
    if (f == 0) {
      return -0.0;
    }
    double u = Math.exp(x);
    double numerator;
    if (u < 0.5) {
      // sum_{k >= 2} (-u)^k / k! = (u^2/2) (1 - (u/3) (1 - (u/4) (1 - ...))): to k = 18 the
      // omitted terms are below 2^-64 of the sum for u < 1/2
      double term = 0;
      for (int k = 18; k >= 3; k--) {
        term = (1 - term) * u / k;
      }
      numerator = 0.5 * u * u * (1 - term);
    } else {
      numerator = Math.expm1(-u) + u;
    }
    return -f * numerator / -Math.expm1(-u);
  }

  /**
   * The standard normal CDF Phi(x). For x &gt;= -1, {@code erfc(-x / sqrt 2) / 2} (Commons
   * Numbers). Below, {@code exp(-x^2 / 2) erfcx(-x / sqrt 2) / 2}: x^2 / 2 is split exactly
   * into hi + lo with an fma, so the exponential carries no error from rounding x / sqrt 2
   * (which would cost x^2 / 2 ulps: 1e-13 relative at x = -38). Relative-accurate down to
   * underflow. Measured: relative error &lt; 4.4e-16.
   */
  public static double ndtr(double x) {
    if (x >= -1) {
      return 0.5 * Erfc.value(-x * SQRT_HALF);
    }
    return 0.5 * Erfcx.value(-x * SQRT_HALF) * expMinusHalfSquare(x);
  }

  /**
   * {@code log Phi(x)} for every x. For x &gt; 0, {@code log1p(-Phi(-x))}, so the upper tail
   * keeps relative accuracy (x = 40 gives -Phi(-40)); for -1 &lt;= x &lt;= 0, {@code log(Phi(x))};
   * below, {@code -x^2 / 2 + log(erfcx(-x / sqrt 2) / 2)} with x^2 / 2 split exactly, two terms
   * of the same sign (x = -800 gives -320007.60355182335). -Infinity only where x^2 / 2
   * overflows. Measured: relative error &lt; 5.3e-16.
   */
  public static double logNdtr(double x) {
    if (x > 0) {
      return log1p(-ndtr(-x));
    }
    if (x >= -1) {
      return Math.log(ndtr(x));
    }
    double h = 0.5 * x;
    double hi = h * x;
    if (hi == Double.POSITIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    double lo = Math.fma(h, x, -hi);
    return -hi + (Math.log(0.5 * Erfcx.value(-x * SQRT_HALF)) - lo);
  }

  /**
   * {@code d/dx log Phi(x) = phi(x) / Phi(x)}, the inverse Mills ratio. For x &lt; -1 it is
   * {@code sqrt(2 / pi) / erfcx(-x / sqrt 2)}: the two Gaussian factors cancel analytically, so
   * there is no exp(a - b) of huge numbers (x = -800 gives 800.0012499960937, x = -1e300 gives
   * 1e300). Above, {@code phi(x) / Phi(x)} with phi's exponent split exactly; it underflows to 0
   * for large x. Measured: relative error &lt; 5.9e-16.
   */
  public static double dLogNdtr(double x) {
    if (x < -1) {
      return SQRT_2_OVER_PI / Erfcx.value(-x * SQRT_HALF);
    }
    return INV_SQRT_2PI * expMinusHalfSquare(x) / ndtr(x);
  }

  /**
   * {@code d/dx dLogNdtr(x) = -m (x + m)}, m = dLogNdtr(x), the second derivative of log Phi(x).
   * As x -&gt; -inf, m tends to -x and x + m to 0; there, for x &lt; -4, x + m is Laplace's
   * continued fraction 1/(t + 2/(t + 3/(t + ...))) with t = -x, evaluated backwards from a depth
   * at which it has converged, so the value keeps its digits and tends to -1 (x = -1e300 gives
   * -1, not 0 or NaN). Above -4 the sum cancels at most 19 times. It underflows to -0.0 for large
   * x. Measured against mpmath: relative error &lt; 5e-15.
   */
  public static double d2LogNdtr(double x) {
    double m = dLogNdtr(x);
    if (x >= -4) {
      return -m * (x + m);
    }
    double t = -x;
    double fraction = 0;
    for (int k = MILLS_FRACTION_DEPTH; k >= 2; k--) {
      fraction = k / (t + fraction);
    }
    return -m / (t + fraction);
  }

  /** Depth of the continued fraction: at t = 4 it is within 2e-18 relative (mpmath). */
  private static final int MILLS_FRACTION_DEPTH = 44;

  /**
   * {@code a * b}, except exactly 0 when either factor is 0, whatever the other is: a product
   * of two factors of which one may overflow where the other underflows (the link's slope
   * exp(eta) and an information that vanishes faster), whose exact value is 0 or tiny.
   */
  public static double productOrZero(double a, double b) {
    return a == 0 || b == 0 ? 0 : a * b;
  }

  /**
   * The standard Cauchy CDF {@code 1/2 + atan(x) / pi}, evaluated as {@code atan2(1, -x) / pi}
   * so that it never subtracts from 1/2: both tails, p = cauchyCdf(x) and 1 - p =
   * cauchyCdf(-x), are relative-accurate (x = -1e300 gives 3.2e-301). Measured: relative error
   * &lt; 3.5e-16.
   */
  public static double cauchyCdf(double x) {
    return Math.atan2(1, -x) / Math.PI;
  }

  /**
   * {@code log cauchyCdf(x)}. Below x = -1 as log(atan(t)/t) - log(pi) - log(-x), t = -1/x: three
   * terms of one sign, where cauchyCdf(x) itself would turn subnormal (x &lt; -1.4e307); above
   * x = 1 as log1p(-cauchyCdf(-x)). Measured: relative error &lt; 5e-16 (primitives.csv).
   */
  public static double logCauchyCdf(double x) {
    if (x < -1) {
      return Math.log(atanRatio(-1 / x)) - LN_PI - Math.log(-x);
    }
    return x > 1 ? Math.log1p(-cauchyCdf(-x)) : Math.log(cauchyCdf(x));
  }

  /**
   * {@code d/dx log cauchyCdf(x) = 1/(pi (1 + x^2) cauchyCdf(x))}, the hazard of the cauchit link.
   * With t = 1/|x| outside [-1, 1] it is never formed from x^2 (which overflows at 1e300, where
   * the lower tail's value 1/|x| is far from 0/0): below -1 it is s r, s = t/(1 + t^2) and r =
   * t/atan(t) in [1, 4/pi]; above 1 it is t^2/(pi (1 + t^2) cauchyCdf(x)). Measured: relative
   * error &lt; 1e-15.
   */
  public static double dLogCauchyCdf(double x) {
    if (x < -1) {
      double t = -1 / x;
      return t / (1 + t * t) / atanRatio(t);
    }
    return cauchyDensity(x) / cauchyCdf(x);
  }

  /**
   * {@code d2/dx2 log cauchyCdf(x) = -D (2x/(1 + x^2) + D)}, D = {@link #dLogCauchyCdf}. Below
   * x = -1 the bracket is -s (2 - r) (s, r as there): D s (2 - r), a product of positive factors
   * that underflows to +0 at x = -1e300 (exact 1e-600) instead of the 0/0 of 1/cauchyCdf^2 over
   * (pi (1 + x^2))^2. Between -1 and 0 the bracket changes sign: there the error is relative to
   * D (|2x/(1 + x^2)| + D), not to the value. Measured: relative error &lt; 2e-15 outside that
   * interval.
   */
  public static double d2LogCauchyCdf(double x) {
    if (x < -1) {
      double t = -1 / x;
      double s = t / (1 + t * t);
      double r = 1 / atanRatio(t);
      return s * r * s * (2 - r);
    }
    double d = dLogCauchyCdf(x);
    double slope;
    if (x > 1) {
      double t = 1 / x;
      slope = 2 * t / (1 + t * t);
    } else {
      slope = 2 * x / (1 + x * x);
    }
    return -d * (slope + d);
  }

  /** The standard Cauchy density 1/(pi (1 + x^2)), as t^2/(pi (1 + t^2)), t = 1/x, for |x| &gt; 1. */
  private static double cauchyDensity(double x) {
    if (Math.abs(x) <= 1) {
      return 1 / (Math.PI * (1 + x * x));
    }
    double t = 1 / x;
    return t * t / (Math.PI * (1 + t * t));
  }

  /** atan(t)/t for 0 &lt;= t &lt;= 1, with its limit 1 at t = 0 (x = -Infinity). */
  private static double atanRatio(double t) {
    return t == 0 ? 1 : Math.atan(t) / t;
  }

  /**
   * {@code log Gamma(x)} for x &gt; 0, allocation-free: below 15 by the shifted series of {@link
   * #lgammaByShift} (relative-accurate also near the roots x = 1 and 2), up to 1e300 by
   * Stirling's series ({@link #logFactorialResidual}), beyond by Commons Numbers {@link LogGamma}
   * (Boost's algorithm). Overflows to +Infinity above about 2.5e305.
   * Measured: relative error &lt; 3.7e-16.
   */
  public static double lgamma(double x) {
    if (x > 0 && x < LGAMMA_SERIES_BELOW) {
      return lgammaByShift(x);
    }
    if (x >= LGAMMA_SERIES_BELOW && x < 1e300) {
      // log Gamma(1 + y) = y log y - y + logFactorialResidual(y), y = x - 1 >= 14: Stirling's
      // series, no object (Commons' LogGamma allocates here too: 9.9 B/row in a BETA batch)
      double y = x - 1;
      return (y * Math.log(y) - y) + logFactorialResidual(y);
    }
    return LogGamma.value(x);
  }

  /**
   * Below this, lgamma shifts to [1/2, 5/2] and sums the series: Commons' LogGamma accumulates in
   * an extended-precision {@code Sum} object there, which C2 does not scalar-replace inside a
   * large generated loop (measured: 43 B/row for a NEGATIVE_BINOMIAL batch); its allocation-free
   * LogGamma1p is package-private.
   */
  private static final double LGAMMA_SERIES_BELOW = 15;

  /**
   * log Gamma(x), 0 &lt; x &lt; 15, allocation-free: Gamma(1 + t) or Gamma(2 + t) with |t| &lt;= 1/2
   * by the series (t = x - 1 or x - 2, exact by Sterbenz), times the factors of the recurrence
   * Gamma(x + 1) = x Gamma(x) below (one log, of x) or above (one log of their product: k factors,
   * each exact in (1.5, 14), round k - 1 times, while lgamma(x) grows from 0.28 at one factor to
   * 8.5 at twelve).
   */
  private static double lgammaByShift(double x) {
    if (x < 0.5) {
      return lgamma1p(x) - Math.log(x);
    }
    if (x <= 1.5) {
      return lgamma1p(x - 1);
    }
    if (x <= 2.5) {
      return lgamma2p(x - 2);
    }
    double product = 1;
    double z = x;
    while (z > 2.5) {
      z -= 1; // exact: z stays in (1.5, 14)
      product *= z;
    }
    return lgamma2p(z - 2) + Math.log(product);
  }

  /**
   * log Gamma(1 + t) for |t| &lt;= 1/2: ((1 - gamma) t - log1p(t)) + t^2 P(t). Near t = 0 the
   * first group is about -gamma t, a 1.7-fold cancellation, so it takes the JDK's log1p (below 1
   * ulp) rather than {@link #log1p}.
   */
  private static double lgamma1p(double t) {
    return (ONE_MINUS_EULER * t - Math.log1p(t)) + t * t * lgammaSeries(t);
  }

  /** log Gamma(2 + t) = log Gamma(1 + t) + log1p(t) = (1 - gamma) t + t^2 P(t), |t| &lt;= 1/2. */
  private static double lgamma2p(double t) {
    return ONE_MINUS_EULER * t + t * t * lgammaSeries(t);
  }

  /** P(t) = sum_k c_k t^(k - 2) of {@link #LGAMMA1P_SERIES}, by Horner. */
  private static double lgammaSeries(double t) {
    double p = LGAMMA1P_SERIES[LGAMMA1P_SERIES.length - 1];
    for (int k = LGAMMA1P_SERIES.length - 2; k >= 0; k--) {
      p = p * t + LGAMMA1P_SERIES[k];
    }
    return p;
  }

  /**
   * The deviance term {@code bd0(y, mu) = y log(y / mu) + mu - y} for y, mu &gt;= 0, where the
   * caller passes {@code logMu = log(mu)} as well: it stays exact when mu itself underflows or
   * overflows (mu = exp(-800) is 0.0, logMu = -800).
   *
   * <p>Catherine Loader's algorithm (as in R's dpois_raw): near y = mu the direct form is a
   * small difference of large terms, so it sums the series {@code bd0 = (y - mu) v + 2 y (v^3/3
   * + v^5/5 + ...)} in v = (y - mu) / (y + mu), whose terms never cancel badly (y - mu is exact
   * there, by Sterbenz). Loader switches at |v| = 0.1; the direct form still cancels tenfold
   * there (measured 4.4e-15; 1.5e-15 with the
   * rounding of y / mu corrected), so the series runs to |v| &lt; 1/3 (y / mu in (1/2, 2)), at most
   * 17 terms as each shrinks by v^2 &lt;= 1/9. Elsewhere the direct form, with {@code log(y /
   * mu)} corrected for the rounding of y / mu while that is a normal double, and {@code log(y) -
   * logMu} otherwise. y = 0 gives mu. Measured: relative error &lt; 8.2e-16 (including y = mu (1
   * +- 1e-8) at 1e9 and 1e15).
   */
  public static double bd0(double y, double mu, double logMu) {
    if (y == 0) {
      return mu;
    }
    if (mu == Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    double diff = y - mu;
    double sum = y + mu;
    if (Math.abs(diff) < SERIES_V * sum) {
      return bd0Series(y, mu, diff, sum);
    }
    double ratio = y / mu;
    double logRatio;
    if (ratio >= Double.MIN_NORMAL && ratio < Double.POSITIVE_INFINITY && mu >= Double.MIN_NORMAL) {
      // y / mu = ratio + rem / mu exactly (the fma gives the division's remainder), so
      // log(y / mu) = log(ratio) + rem / y to within 2^-106: the rounding of ratio is undone.
      logRatio = Math.log(ratio) + Math.fma(-ratio, mu, y) / y;
    } else {
      logRatio = Math.log(y) - logMu;
    }
    return y * logRatio + (mu - y);
  }

  /** Loader's series for bd0 given diff = y - mu and sum = y + mu, |diff| < sum / 3. */
  private static double bd0Series(double y, double mu, double diff, double sum) {
    // sum overflows only when y and mu are both near the top of the range: halve both then.
    double v = sum < Double.POSITIVE_INFINITY ? diff / sum : (0.5 * diff) / (0.5 * y + 0.5 * mu);
    double s = diff * v;
    double yv = y * v; // 2 y v^(2j+1) / (2j+1) = yv v2^j (2 / (2j+1)); 2yv itself might overflow
    double v2 = v * v;
    for (int j = 1; ; j++) {
      yv *= v2;
      double next = s + yv * BD0_SERIES_COEFFICIENT[j];
      if (next == s) {
        return s;
      }
      s = next;
    }
  }

  /**
   * 2 / (2j + 1) for the bd0 series' term j (the table spares a division per term; |v| &lt; 1/3
   * ends the series by j = 17, as v^2 &lt;= 1/9 and 9^-17 &lt; 2^-53).
   */
  private static final double[] BD0_SERIES_COEFFICIENT = new double[40];

  static {
    for (int j = 0; j < BD0_SERIES_COEFFICIENT.length; j++) {
      BD0_SERIES_COEFFICIENT[j] = 2.0 / (2 * j + 1);
    }
  }

  /**
   * The Poisson NLL {@code mu - y log(mu) + log(y!)} of a count y &gt;= 0 at rate mu, equal to
   * {@code bd0(y, mu, logMu) + logFactorialResidual(y)}; logMu is log(mu), exact where mu = exp
   * of it has under- or overflowed.
   *
   * <p>Whole counts up to 15, the common case, take the direct form, which is cheaper than
   * Loader's series by 10 to 17 terms: {@code mu + log(y!)} is formed as an unevaluated sum s +
   * e (Knuth's TwoSum, with log(y!) from a two-double table), then {@code fma(-y, logMu, s) +
   * e} subtracts the exact product, so that the cancellation near y = mu (up to 16-fold at y =
   * 15) acts on exact terms and only two final roundings remain. Other counts use Loader's form.
   * Measured against mpmath over 1,700 rows: relative error &lt; 1.4e-15 (the worst where logMu
   * is itself a rounded log, whose half-ulp the direct form multiplies by y).
   */
  public static double poissonNll(double y, double mu, double logMu) {
    if (y > 0 && y <= DIRECT_MAX_COUNT && mu < Double.POSITIVE_INFINITY) {
      int k = (int) y;
      if (k == y) {
        double logFactorial = LOG_FACTORIAL_HI[k];
        double s = mu + logFactorial;
        double e = ExactArithmetic.twoSumError(mu, logFactorial, s);
        return Math.fma(-y, logMu, s) + (e + LOG_FACTORIAL_LO[k]);
      }
    }
    return bd0(y, mu, logMu) + logFactorialResidual(y);
  }

  /**
   * The largest count (of {@link #poissonNll}) or number of trials (of {@link #binomialNll})
   * computed in the direct form: the end of the log-factorial table.
   */
  private static final int DIRECT_MAX_COUNT = 15;

  /**
   * The binomial NLL {@code -log C(n, k) - k log(p) - (n - k) log(q)} of k successes in n
   * trials, given p, q = 1 - p and their logs as the link computes them (each relative-accurate:
   * a tiny p has an exact log(q), not log of a rounded 1 - p).
   *
   * <p>Whole n up to 15 take the direct form: log C(n, k) from the two-double log-factorial
   * table, each product exact inside an fma, so that the cancellation near k = n p acts on
   * exact terms. A term whose count is 0 is skipped, not multiplied: at p
   * = 1 its log(q) may be -Infinity. Larger n use Loader's form, {@code (logFactorialResidual(k)
   * + logFactorialResidual(n - k) - logFactorialResidual(n)) + (bd0(k, n p) + bd0(n - k, n q))},
   * whose bd0 series costs 10 to 17 terms each near the mode. Measured against mpmath over 1,572
   * rows (n to 1,000, logits to +-800): relative error &lt; 8.7e-16.
   */
  public static double binomialNll(
      double k, double n, double p, double q, double logP, double logQ) {
    int trials = (int) n;
    int successes = (int) k;
    int failures = trials - successes;
    if (trials == n && successes == k && trials <= DIRECT_MAX_COUNT && successes >= 0
        && failures >= 0) {
      // log C(n, k) = hi + lo: TwoSum keeps the roundings of the two table differences
      double a = LOG_FACTORIAL_HI[trials];
      double b = -LOG_FACTORIAL_HI[successes];
      double ab = a + b;
      double abError = ExactArithmetic.twoSumError(a, b, ab);
      double c = -LOG_FACTORIAL_HI[failures];
      double hi = ab + c;
      double lo = ExactArithmetic.twoSumError(ab, c, hi) + abError
          + (LOG_FACTORIAL_LO[trials] - LOG_FACTORIAL_LO[successes] - LOG_FACTORIAL_LO[failures]);
      double nll = -hi;
      if (successes > 0) {
        nll = Math.fma(-k, logP, nll);
      }
      if (failures > 0) {
        nll = Math.fma(-failures, logQ, nll);
      }
      return nll - lo;
    }
    double logN = Math.log(n);
    double nMinusK = n - k;
    // the residuals first: at k = 0 or n they cancel exactly, and a tiny bd0 sum (p near 0 or
    // 1) is not first added to, and rounded away by, a residual of about 2
    double residuals =
        logFactorialResidual(k) + logFactorialResidual(nMinusK) - logFactorialResidual(n);
    return residuals + (bd0(k, n * p, logN + logP) + bd0(nMinusK, n * q, logN + logQ));
  }

  /**
   * {@code log Gamma(y + 1) - y log(y) + y} for y &gt;= 0 (0 at y = 0): the part of log(y!) that
   * Stirling's formula leaves, equal to {@code log(2 pi y) / 2 + stirlerr(y)}. Paired with
   * {@link #bd0} it gives Poisson and binomial log-densities without cancellation.
   *
   * <ul>
   *   <li>y &lt;= 15 with 2y an integer (counts): a table of the correctly rounded values.
   *   <li>otherwise y &gt; 8: {@code LN_SQRT_2PI + log(y) / 2 + stirlerr(y)}, all three terms
   *       positive, with the Stirling series for stirlerr: Loader's 2 to 4 terms above 35, more
   *       below (12 at y &lt;= 15, where Loader switches to lgamma), truncated below 3e-17.
   *   <li>0 &lt; y &lt; 1/4: {@code (2 - gamma) y - log1p(y) + y (y P(y) - log y)}, from the
   *       Taylor series of log Gamma(1 + y) (P has degree 18), every group positive, so tiny y
   *       such as 1e-300 stay relative-accurate.
   *   <li>otherwise: {@code lgamma(y) + (1 - y) log(y) + y}, whose terms are at most 16 times
   *       the result (at y = 8): the worst case below.
   * </ul>
   *
   * Measured: relative error &lt; 1.2e-15 (at y = 1e9, value 11.28: 1.6e-16, one ulp).
   */
  public static double logFactorialResidual(double y) {
    double twice = 2 * y;
    if (twice <= 30 && twice >= 0 && twice == Math.rint(twice)) {
      return RESIDUAL_HALVES[(int) twice];
    }
    if (y > 8) {
      return LN_SQRT_2PI + 0.5 * Math.log(y) + stirlerrSeries(y);
    }
    if (y < 0.25) {
      return (TWO_MINUS_EULER * y - log1p(y)) + y * (y * lgammaSeries(y) - Math.log(y));
    }
    return lgamma(y) + (1 - y) * Math.log(y) + y;
  }

  /** The Stirling series for stirlerr(n), n > 8, with as many terms as n needs. */
  private static double stirlerrSeries(double n) {
    // Loader's cut-offs (2, 3, 4 terms above 500, 80, 35), with more terms below 35; the first
    // omitted term is below 3e-17 everywhere.
    int terms = n > 500 ? 2 : n > 80 ? 3 : n > 35 ? 4 : n > 15 ? 7 : STIRLING.length;
    double inverse = 1 / n; // one division; the terms' rounding changes by about an ulp
    double inverseSquare = inverse * inverse;
    double sum = STIRLING[terms - 1];
    for (int k = terms - 2; k >= 0; k--) {
      sum = sum * inverseSquare + STIRLING[k];
    }
    return sum * inverse;
  }

  /**
   * {@code a * b}, except exactly 0 when a == 0, whatever b is: a zero soft-label weight must
   * silence its log term even where that term is infinite (0 * -Infinity would be NaN).
   */
  public static double timesOrZero(double a, double b) {
    return a == 0 ? 0 : a * b;
  }

  /**
   * exp(-x^2 / 2) with x^2 / 2 = hi + lo split exactly by an fma; exp(-lo) = 1 - lo to within
   * lo^2 &lt; 2^-90, so only the rounding of exp(-hi) remains.
   */
  private static double expMinusHalfSquare(double x) {
    double h = 0.5 * x;
    double hi = h * x;
    double e = Math.exp(-hi);
    if (e == 0) {
      return 0; // also keeps lo = -Infinity (hi overflowed) from making 0 * Infinity
    }
    double lo = Math.fma(h, x, -hi);
    return e - e * lo;
  }
}
