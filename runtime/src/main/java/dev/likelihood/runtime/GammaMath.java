package dev.likelihood.runtime;

/**
 * Gamma-function primitives (digamma, trigamma, half-step differences, lgamma on the log scale)
 * and log-add-exp, which generated losses call (the Huber and log-cosh pieces are in RobustMath).
 *
 * <p>As in {@link StableMath}, each method states its formulation and the worst relative error
 * measured against mpmath (60 digits, each value checked at 40 more) over the points in {@code
 * reference/gamma_primitives.csv}, written by {@code tools/reference/gamma_primitives.py}: the
 * adversarial arguments (1e-300 ... 1e300, +-745, +-800), log-spaced grids, every quarter in
 * (0, 40], the branch thresholds and their neighbouring doubles, the doubles next to every root
 * (of digamma, of lgamma(x + 1/2) - lgamma(x), of lgamma(exp(t))), and random points; plus,
 * during development, 6,000 further random points per function (3,000 for huber), weighted
 * towards the ranges where the recurrences run (the larger figure is quoted).
 * Where the exact value is subnormal the error is counted in units of {@link Double#MIN_NORMAL}.
 * For scale, 2^-53 = 1.1e-16.
 *
 * <p>Commons Numbers 1.2 was measured first, on the same points (GammaMathTest reproduces the
 * comparison). Its {@code Digamma} meets 5.7e-16 for x &gt;= 10 and 4.4e-15 on [2, 10), but
 * loses 1.6e-10 at x = 1e-5 (its small-x branch is -1/x - gamma), 1.4e-14 elsewhere on [0.5, 2]
 * and all relative accuracy at the root 1.4616 (8.9e-16 where the value is -9.2e-17). Its
 * {@code Trigamma} loses 1.6e-10 at x = 1e-5 (1/x^2 alone), 1.1e-13 on [0.5, 2), 6.7e-13 on [2,
 * 10) and 3.4e-12 at x = 49 (the 1/(42 x^7) term of its asymptotic series has the wrong sign).
 * Neither is used: digamma below 10 needs its root handled, and where Commons' Digamma would
 * pass the project bound (x &gt;= 2) the formulas here are 2 to 20 times tighter (2.2e-16), with
 * one code path from the root to 1e300.
 */
public final class GammaMath {

  private static final double LN_2 = 0.6931471805599453;
  private static final double LN_2_LO = 2.3190468138462996e-17;

  /** The positive root of digamma, x0 = X0_HI + X0_LO to 107 bits, and 1/x0, 1/(x0 + 1). */
  private static final double X0_HI = 1.4616321449683622;
  private static final double X0_LO = 9.549995429965697e-17;
  private static final double INV_X0 = 0.6841666717870696;
  private static final double INV_X0_LO = -4.2470892676890727e-17;
  private static final double INV_X0_PLUS_1 = 0.40623453916297975;
  private static final double INV_X0_PLUS_1_LO = -1.139488698342556e-17;
  /** log(x0) to 107 bits. */
  private static final double LN_X0_HI = 0.379553718839518;
  private static final double LN_X0_LO = 2.0710967665312345e-18;

  /** The root x1 of lgamma(x + 1/2) - lgamma(x), to 107 bits, and the constants A/C, B/C. */
  private static final double X1_HI = 1.221179349492375;
  private static final double X1_LO = -6.785183520140313e-17;
  private static final double HALF_STEP_A_OVER_C = 0.869633452987674;
  private static final double HALF_STEP_B_OVER_C = 0.42086503582318946;

  /** Where the asymptotic series take over: every omitted term is below 2^-64 of the sum. */
  private static final double ASYMPTOTIC_FROM = 10;

  /** Branch points on the log scale: log(3/4), log(8), log(10). */
  private static final double LN_3_4THS = -0.2876820724517809;
  private static final double LN_8 = 2.0794415416798357;
  private static final double LN_10 = 2.302585092994046;

  /**
   * psi^(k)(x0 + 2) / k!, k = 1..23: digamma(x) = t [1/(x x0) + 1/((x + 1)(x0 + 1)) + sum_k
   * c_k t^(k-1)] with t = x - x0, the two poles nearest x0 taken out so that the series (in
   * powers of t / (x0 + 2)) needs 23 terms for |t| &lt;= 0.54 (omitted terms &lt; 2^-64 of the
   * bracket). From mpmath ({@code gamma_primitives.py --constants}), like every table here.
   */
  private static final double[] DIGAMMA_ROOT_SERIES = {
    0.3345617098544669, -0.055476208282819656, 0.012163351366549665, -0.002976677050430833,
    0.0007713020708922787, -0.00020674607628354467, 5.663403931142351e-05,
    -1.5742042793645156e-05, 4.4203814378014486e-06, -1.2502790337317232e-06,
    3.555004365548999e-07, -1.0147423082995085e-07, 2.9048430651778795e-08,
    -8.333507652457267e-09, 2.3946448469644645e-09, -6.889561205460084e-10,
    1.9840436029350833e-10, -5.717729634679893e-11, 1.648677489663636e-11, -4.755891089999048e-12,
    1.3723653713077138e-12, -3.9611087213118634e-13, 1.1435311405602023e-13,
  };

  /**
   * L^(k)(x1 + 2) / k!, k = 1..29, L(x) = lgamma(x + 1/2) - lgamma(x): for t = x - x1 in
   * [-0.23, 0.78], L(x) = t sum_k c_k t^(k-1) - log1p(-t (A + B t) / (x (x + 1) C)), the second
   * term being L(x) - L(x + 2) - (L(x1) - L(x1 + 2)) in closed form.
   */
  private static final double[] HALF_STEP_ROOT_SERIES = {
    0.16713093462377054, -0.027749681461837854, 0.006105073447853683, -0.0015022131561223742,
    0.0003921267245257681, -0.00010608380390623155, 2.9381782109587193e-05,
    -8.271863708904632e-06, 2.3565296533614757e-06, -6.773269453141584e-07,
    1.9601836968163784e-07, -5.7035513745716764e-08, 1.6668422578820398e-08,
    -4.8889244875102294e-09, 1.4383157556462223e-09, -4.2425709542529664e-10,
    1.2542756078437845e-10, -3.7156303117916247e-11, 1.1027011330715896e-11,
    -3.2779071788127514e-12, 9.758654314809215e-13, -2.9093011257220293e-13,
    8.684635242159186e-14, -2.5956331293116288e-14, 7.766639194828722e-15, -2.326451264131201e-15,
    6.975921662865118e-16, -2.0937950050572142e-16, 6.290304474858346e-17,
  };

  /** B(2k) / (2k), k = 1..12: digamma(x) = log x - 1/(2x) - sum_k c_k x^-2k. */
  private static final double[] DIGAMMA_ASYMPTOTIC = {
    0.08333333333333333, -0.008333333333333333, 0.003968253968253968, -0.004166666666666667,
    0.007575757575757576, -0.021092796092796094, 0.08333333333333333, -0.4432598039215686,
    3.0539543302701198, -26.456212121212122, 281.46014492753625, -3607.5105463980462,
  };

  /** B(2k), k = 1..12: trigamma(x) = (1/x) [1 + 1/(2x) + sum_k c_k x^-2k]. */
  private static final double[] TRIGAMMA_ASYMPTOTIC = {
    0.16666666666666666, -0.03333333333333333, 0.023809523809523808, -0.03333333333333333,
    0.07575757575757576, -0.2531135531135531, 1.1666666666666667, -7.092156862745098,
    54.971177944862156, -529.1242424242424, 6192.123188405797, -86580.25311355312,
  };

  /**
   * (2^(1-2k) - 2) B(2k) / (2k (2k - 1)), k = 1..10: lgamma(x + 1/2) - lgamma(x) = log(x)/2 +
   * sum_k c_k x^(1-2k) (-1/(8x) + 1/(192 x^3) - ...).
   */
  private static final double[] HALF_STEP_ASYMPTOTIC = {
    -0.125, 0.005208333333333333, -0.0015625, 0.0011858258928571428, -0.001681857638888889,
    0.0038341175426136365, -0.012819730318509616, 0.059100405375162764, -0.359287374159869,
    2.784861777958117,
  };

  /** The derivative of the above: digamma(x + 1/2) - digamma(x) = 1/(2x) + sum_k c_k x^-2k. */
  private static final double[] DIGAMMA_HALF_STEP_ASYMPTOTIC = {
    0.125, -0.015625, 0.0078125, -0.00830078125, 0.01513671875, -0.04217529296875,
    0.166656494140625, -0.8865060806274414, 6.107885360717773, -52.912373781204224,
    562.9201556444168, -7215.0206627473235,
  };

  /**
   * Taylor coefficients about t = 7/8 of lgamma(exp(t)) / (t (t - log 2)), for exp(t) in [3/4,
   * 8]. That quotient is analytic in the strip |Im t| &lt; pi (exp(t) meets a pole of Gamma only
   * at t = log n + i pi), so the series converges fast: 40 terms leave less than 3.9e-20.
   */
  private static final double[] LGAMMA_OF_EXP_SERIES = {
    1.3582432972284009, 0.8130589870973773, 0.3015552651006531, 0.07956779691270874,
    0.016458338307270025, 0.00284463675026744, 0.00041216023241179295, 5.1009793477242074e-05,
    6.274963191844539e-06, 6.172618756656728e-07, 1.1090976394910161e-08, 1.3228369236110362e-08,
    2.7840468018651987e-09, -1.4444318626331437e-09, 6.458511828031922e-11, 1.457043230132737e-10,
    -3.599441662707713e-11, -9.03004675469358e-12, 5.588950528999807e-12, 1.893871475133638e-14,
    -6.14819557501902e-13, 9.463142095762079e-14, 5.270931295180584e-14, -1.7709892306960475e-14,
    -3.2897097492684305e-15, 2.308346139228378e-15, 7.240088267175377e-17,
    -2.5056234013625466e-16, 1.880982842822753e-17, 2.3972775582342988e-17,
    -4.086949732439843e-18, -2.079350920360752e-18, 5.642245842101852e-19, 1.6746512293100907e-19,
    -6.500972558444216e-20, -1.298654307210073e-20, 6.788728112530407e-21, 1.033999789191585e-21,
    -6.733434716510293e-22, -9.179549743606921e-23,
  };

  /** 1/(2j + 1), j = 1..18: the atanh series of {@code residualStep}. */
  private static final double[] ODD_RECIPROCALS = new double[18];

  static {
    for (int j = 1; j <= ODD_RECIPROCALS.length; j++) {
      ODD_RECIPROCALS[j - 1] = 1.0 / (2 * j + 1);
    }
  }

  private GammaMath() {}

  // -------------------------------------------------------------------------------------------
  // digamma and trigamma

  /**
   * digamma(x) = psi(x) = d/dx log Gamma(x) for x &gt; 0 (-Infinity at 0, NaN below).
   *
   * <ul>
   *   <li>x &gt;= 10: {@code log x - 1/(2x) - sum B(2k)/(2k) x^-2k}, 12 terms.
   *   <li>1 &lt;= x &lt; 2, around the root x0 = 1.4616...: {@code t [1/(x x0) + 1/((x+1)(x0+1)) +
   *       G(t)]} with t = x - x0 formed against x0 held to 107 bits and G a Taylor series about
   *       x0 + 2; every term in the bracket is positive, so the result is relative-accurate
   *       through the sign change.
   *   <li>2 &lt;= x &lt; 10: the same at z = x - n in [1, 2) (exact), plus {@code sum 1/(z + k)}
   *       accumulated in double-double; psi(z) &gt;= -0.58 against a sum &gt;= 1, so the result
   *       inherits psi(z)'s error at most 1.4 times.
   *   <li>2^-60 &lt;= x &lt; 1: {@code psi(1 + x) - 1/x}, with 1 + x and 1 + x - x0 in
   *       double-double; below, -1/x (gamma is below a thousandth of an ulp of it).
   * </ul>
   *
   * <p>The bracket's reciprocals and sum, and t itself, are carried in double-double, so the
   * rounding of G (a third of the bracket) and of the final product are what remain.
   *
   * Measured: relative error &lt; 2.3e-16 (including the doubles next to the root).
   */
  public static double digamma(double x) {
    if (!(x > 0)) {
      return x == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
    }
    if (x >= ASYMPTOTIC_FROM) {
      if (x == Double.POSITIVE_INFINITY) {
        return x;
      }
      double q = 1 / x;
      double q2 = q * q;
      return Math.log(x) - (0.5 * q + q2 * polynomial(DIGAMMA_ASYMPTOTIC, q2));
    }
    if (x >= 2) {
      int n = (int) x - 1;
      double z = x - n;
      return forwardDigamma(rootDigamma(z), z, 0, n);
    }
    if (x >= 1) {
      return rootDigamma(x);
    }
    if (x < 0x1p-60) {
      return -1 / x; // -1/x - gamma + zeta(2) x: gamma is below a thousandth of an ulp of 1/x
    }
    // psi(x) = psi(1 + x) - 1/x, with 1/x = q + qLo
    double q = 1 / x;
    double qLo = Math.fma(-q, x, 1) / x;
    double p = digammaOnePlus(x);
    double s = p - q;
    return s + (ExactArithmetic.twoSumError(p, -q, s) - qLo);
  }

  /**
   * trigamma(x) = psi'(x) for x &gt; 0 (+Infinity at 0, NaN below). For x &gt;= 10, {@code (1/x)
   * [1 + 1/(2x) + sum B(2k) x^-2k]} (12 terms), evaluated as q + q (s + r) with q = 1/x and r
   * its rounding error, so the only rounding of size is the final one. Below 10, {@code sum_k
   * 1/(x + k)^2} up to x + n &gt;= 10 plus the series there, all positive terms in double-double,
   * each 1/(x + k)^2 corrected for the rounding of x + k and of 1/(x + k) (so 1/x^2 for tiny x
   * is correctly rounded; it overflows, as it should, below about 7.5e-155). Measured: relative
   * error &lt; 2.3e-16 (Commons' Trigamma: 3.4e-12).
   */
  public static double trigamma(double x) {
    if (!(x > 0)) {
      return x == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    if (x >= ASYMPTOTIC_FROM) {
      if (x == Double.POSITIVE_INFINITY) {
        return 0;
      }
      double q = 1 / x;
      return q + q * trigammaTail(x, q);
    }
    double hi = 0;
    double lo = 0;
    for (int k = 0; ; k++) {
      double y = x + k;
      double yLo = ExactArithmetic.twoSumError(x, k, y); // y + yLo = x + k
      double q = 1 / y;
      double r = Math.fma(-q, y, 1); // 1/y = q (1 + r) to within r^2
      if (y >= ASYMPTOTIC_FROM) {
        // trigamma(y + yLo) = q + q (s + r) - yLo q^2
        double t = q * trigammaTail(y, q) - yLo * q * q;
        double s = hi + q;
        return s + (ExactArithmetic.twoSumError(hi, q, s) + (lo + t));
      }
      double qq = q * q;
      if (qq == Double.POSITIVE_INFINITY) {
        return qq;
      }
      // 1/(y + yLo)^2 = qq + [fma error + qq (2 r - 2 yLo q)] to first order
      double term = Math.fma(q, q, -qq) + qq * (2 * r - 2 * yLo * q);
      double s = hi + qq;
      lo += ExactArithmetic.twoSumError(hi, qq, s) + term;
      hi = s;
    }
  }

  /** s + r where trigamma(x) = q (1 + r)(1 + s), q = 1/x rounded, x &gt;= 10. */
  private static double trigammaTail(double x, double q) {
    double r = Math.fma(-q, x, 1);
    double q2 = q * q;
    double s = q * (0.5 + q * polynomial(TRIGAMMA_ASYMPTOTIC, q2));
    return s + r + s * r;
  }

  /** digamma(x) for x in [1, 2] (exact), about the root x0. */
  private static double rootDigamma(double x) {
    double a = x - X0_HI; // exact (Sterbenz)
    double t = a - X0_LO;
    return rootDigamma(x, 0, t, ExactArithmetic.twoSumError(a, -X0_LO, t));
  }

  /** digamma(1 + x) for 0 &lt;= x &lt; 1, with 1 + x and 1 + x - x0 carried in double-double. */
  private static double digammaOnePlus(double x) {
    double xp = 1 + x;
    double a = x + (1 - X0_HI); // 1 - X0_HI is exact
    double t = a - X0_LO;
    double tLo = ExactArithmetic.twoSumError(a, -X0_LO, t) + ExactArithmetic.twoSumError(x, 1 - X0_HI, a);
    return rootDigamma(xp, ExactArithmetic.twoSumError(1, x, xp), t, tLo);
  }

  /**
   * digamma(x + xLo) for x + xLo = x0 + t + tLo, |t| &lt;= 0.54: t [1/(x x0) + 1/((x + 1)(x0 + 1))
   * + G(t)], the two reciprocals and the bracket's sum in double-double, so that the rounding of
   * G (a third of the bracket) and the final product are what remains: about one ulp.
   */
  private static double rootDigamma(double x, double xLo, double t, double tLo) {
    double q1 = INV_X0 / x;
    double e1 = (Math.fma(-q1, x, INV_X0) + INV_X0_LO - q1 * xLo) / x;
    double xp = x + 1;
    double xpLo = ExactArithmetic.twoSumError(x, 1, xp) + xLo;
    double q2 = INV_X0_PLUS_1 / xp;
    double e2 = (Math.fma(-q2, xp, INV_X0_PLUS_1) + INV_X0_PLUS_1_LO - q2 * xpLo) / xp;
    double g = polynomial(DIGAMMA_ROOT_SERIES, t);
    double s = q1 + q2;
    double b = s + g;
    double bLo = ExactArithmetic.twoSumError(q1, q2, s) + ExactArithmetic.twoSumError(s, g, b) + e1 + e2;
    double p = t * b;
    return p + (Math.fma(t, b, -p) + t * bLo + tLo * b);
  }

  /**
   * psi(z + zLo + n) = psi(z + zLo) + sum_{k &lt; n} 1/(z + zLo + k), in double-double; z + k is
   * exact for k &gt;= 1 whenever zLo = 0 (z = x - n for a double x), and n = 1 otherwise.
   */
  private static double forwardDigamma(double psiZ, double z, double zLo, int n) {
    double hi = psiZ;
    double lo = 0;
    for (int k = 0; k < n; k++) {
      double y = z + k;
      double q = 1 / y;
      double s = hi + q;
      lo += ExactArithmetic.twoSumError(hi, q, s) + (Math.fma(-q, y, 1) - q * zLo) / y;
      hi = s;
    }
    return hi + lo;
  }

  // -------------------------------------------------------------------------------------------
  // The log-factorial residual's derivative

  /**
   * d/dx {@link StableMath#logFactorialResidual}(x) = digamma(x + 1) - log(x) for x &gt;= 0
   * (+Infinity at 0, NaN below). It is positive and tends to 1/(2x); never formed as that
   * difference where it cancels:
   *
   * <ul>
   *   <li>x &gt;= 10: {@code (1/x) [1/2 - sum B(2k)/(2k) x^(1-2k)]} (1/(2x) - 1/(12 x^2) + ...).
   *   <li>1 &lt;= x &lt; 10: {@code sum_k d(x + k)} up to x + n &gt;= 10 plus the series there,
   *       where d(y) = f(y) - f(y + 1) = log1p(1/y) - 1/(y + 1) = 1/((2y + 1)(y + 1)) + 2 w^3
   *       (1/3 + w^2/5 + ...), w = 1/(2y + 1) &lt;= 1/3: positive terms only.
   *   <li>0 &lt; x &lt; 1: {@code digamma(1 + x) - log(x)}, which cancels at most 1.4 times there.
   * </ul>
   *
   * Measured: relative error &lt; 2.9e-16 (x = 1e15 gives 4.999999999999999e-16, where the
   * difference of the two rounded terms would be a multiple of 7.1e-15).
   */
  public static double dLogFactorialResidual(double x) {
    if (!(x > 0)) {
      return x == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    if (x >= ASYMPTOTIC_FROM) {
      return residualTail(x);
    }
    if (x < 1) {
      return digammaOnePlus(x) - Math.log(x);
    }
    // f(x) = d(x) + d(x + 1) + ... + d(x + n - 1) + f(x + n), x + n >= 10; positive terms
    double hi = 0;
    double lo = 0;
    double y = x;
    for (int k = 1; y < ASYMPTOTIC_FROM; k++) {
      double term = residualStep(y);
      double s = hi + term;
      lo += ExactArithmetic.twoSumError(hi, term, s);
      hi = s;
      y = x + k;
    }
    double tail = residualTail(y);
    double s = hi + tail;
    return s + (lo + ExactArithmetic.twoSumError(hi, tail, s));
  }

  /**
   * d/dx {@link #dLogFactorialResidual}(x) = trigamma(x + 1) - 1/x for x &gt; 0 (-Infinity at 0,
   * NaN below), negative and tending to -1/(2 x^2). For x &gt;= 10, {@code q^2 [(t - 1/2) - r]}
   * with q = 1/x, 1/x = q (1 + r) and trigamma(x) = 1/x + 1/(2x^2) + t/x^2 by its asymptotic
   * series: trigamma(x) - 1/x^2 - 1/x without forming the difference. Below, the difference itself,
   * which cancels at most 20 times (at x = 10). Measured against mpmath: relative error &lt; 2.7e-15.
   */
  public static double d2LogFactorialResidual(double x) {
    if (!(x > 0)) {
      return x == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
    }
    if (x >= ASYMPTOTIC_FROM) {
      if (x == Double.POSITIVE_INFINITY) {
        return -0.0;
      }
      double q = 1 / x;
      double r = Math.fma(-q, x, 1);
      double t = q * polynomial(TRIGAMMA_ASYMPTOTIC, q * q);
      return q * q * ((t - 0.5) - r);
    }
    return trigamma(x + 1) - 1 / x;
  }

  /** digamma(x + 1) - log x for x &gt;= 10 by its asymptotic series. */
  private static double residualTail(double x) {
    if (x == Double.POSITIVE_INFINITY) {
      return 0;
    }
    double q = 1 / x;
    double r = Math.fma(-q, x, 1);
    double w = q * polynomial(DIGAMMA_ASYMPTOTIC, q * q); // 1/2 - w is the bracket
    return 0.5 * q + q * (0.5 * r - w - w * r);
  }

  /** log1p(1/y) - 1/(y + 1) for y &gt;= 1, by the atanh series (no cancellation). */
  private static double residualStep(double y) {
    double w = 1 / (2 * y + 1);
    double w2 = w * w;
    return 1 / ((2 * y + 1) * (y + 1)) + 2 * w * w2 * polynomial(ODD_RECIPROCALS, w2);
  }

  // -------------------------------------------------------------------------------------------
  // Half steps

  /**
   * {@code lgamma(x + 1/2) - lgamma(x)} for x &gt; 0 (-Infinity at 0, NaN below), the log of
   * Gamma(x + 1/2) / Gamma(x), which grows like log(x)/2:
   *
   * <ul>
   *   <li>x &gt;= 10: {@code log(x)/2 - 1/(8x) + 1/(192 x^3) - ...} (10 terms), no cancellation.
   *   <li>1 &lt;= x &lt; 2, around its root x1 = 1.2212: {@code t H(t) - log1p(-t (A + B t) / (x
   *       (x + 1) C))}, t = x - x1 against x1 held to 107 bits, both terms of the sign of t.
   *   <li>2 &lt;= x &lt; 10: the same at z = x - n in [1, 2) plus {@code sum log1p(1/(2 (z + k)))},
   *       all positive but L(z) &gt;= -0.121 against a sum &gt;= 0.405, in double-double.
   *   <li>0 &lt; x &lt; 1: {@code lgamma(x + 1/2) - lgamma(x)} directly ({@link
   *       StableMath#lgamma}; the two do not cancel there), x + 1/2 corrected for its rounding by digamma.
   * </ul>
   *
   * Here H is the Taylor series of (L(x + 2) - L(x1 + 2)) / t about x1 + 2 (29 terms for t in
   * [-0.23, 0.78]) and the log1p term is L(x) - L(x + 2) - (L(x1) - L(x1 + 2)) in closed form,
   * with A = x1^2 + 3/2 x1 + 3/4, B = x1 + 3/4, C = (x1 + 1/2)(x1 + 3/2). Measured: relative
   * error &lt; 4.2e-16 (including the doubles next to the root; the log1p term's roundings).
   */
  public static double lgammaHalfStep(double x) {
    if (!(x > 0)) {
      return x == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
    }
    if (x >= ASYMPTOTIC_FROM) {
      if (x == Double.POSITIVE_INFINITY) {
        return x;
      }
      double q = 1 / x;
      return 0.5 * Math.log(x) + q * polynomial(HALF_STEP_ASYMPTOTIC, q * q);
    }
    if (x >= 2) {
      int n = (int) x - 1;
      double z = x - n;
      double hi = rootHalfStep(z);
      double lo = 0;
      for (int k = 0; k < n; k++) {
        double term = StableMath.log1p(0.5 / (z + k)); // z + k exact
        double s = hi + term;
        lo += ExactArithmetic.twoSumError(hi, term, s);
        hi = s;
      }
      return hi + lo;
    }
    if (x >= 1) {
      return rootHalfStep(x);
    }
    double s = x + 0.5;
    double e = x - (s - 0.5); // s + e = x + 1/2 exactly
    double upper = StableMath.lgamma(s);
    if (e != 0) {
      upper += e * digamma(s);
    }
    return upper - StableMath.lgamma(x);
  }

  /** lgamma(x + 1/2) - lgamma(x) for x in [1, 2], about its root. */
  private static double rootHalfStep(double x) {
    double a = x - X1_HI; // exact (Sterbenz)
    double t = a - X1_LO;
    double tLo = ExactArithmetic.twoSumError(a, -X1_LO, t);
    double h = polynomial(HALF_STEP_ROOT_SERIES, t);
    double p = t * h;
    double u = t * (HALF_STEP_A_OVER_C + HALF_STEP_B_OVER_C * t) / (x * (x + 1));
    double l = -StableMath.log1p(-u);
    double s = p + l;
    return s + (ExactArithmetic.twoSumError(p, l, s) + Math.fma(t, h, -p) + tLo * h);
  }

  /**
   * {@code digamma(x + 1/2) - digamma(x)} for x &gt; 0 (+Infinity at 0, NaN below), the
   * derivative of {@link #lgammaHalfStep}; positive, about 1/(2x) for large x. For x &gt;= 10
   * its asymptotic series {@code (1/x)[1/2 + 1/(8x) - 1/(64 x^3) + ...]} (12 terms); below,
   * {@code sum_k (1/(2 (y + 1/2))) / y} over y = x + k up to 10, plus the series there: positive
   * terms only, never the difference of two digammas, each in double-double. Measured: relative
   * error &lt; 2.3e-16.
   */
  public static double digammaHalfStep(double x) {
    if (!(x > 0)) {
      return x == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    // sum_k (1/(2 (y + 1/2))) / y over y = x + k < 10, then the series at x + n >= 10; each
    // term in double-double, corrected for the roundings of x + k, y + 1/2 and both divisions
    double hi = 0;
    double lo = 0;
    double y = x;
    double yLo = 0;
    for (int k = 1; y < ASYMPTOTIC_FROM; k++) {
      double yp = y + 0.5;
      double ypLo = ExactArithmetic.twoSumError(y, 0.5, yp) + yLo;
      double a = 0.5 / yp;
      double aLo = (Math.fma(-a, yp, 0.5) - a * ypLo) / yp;
      double term = a / y;
      if (term == Double.POSITIVE_INFINITY) {
        return term; // x below about 5.6e-309, where the value (about 1/x) overflows
      }
      double s = hi + term;
      lo += ExactArithmetic.twoSumError(hi, term, s) + (Math.fma(-term, y, a) + aLo - term * yLo) / y;
      hi = s;
      y = x + k;
      yLo = ExactArithmetic.twoSumError(x, k, y);
    }
    if (y == Double.POSITIVE_INFINITY) {
      return 0;
    }
    double q = 1 / y;
    double r = Math.fma(-q, y, 1);
    double w = q * polynomial(DIGAMMA_HALF_STEP_ASYMPTOTIC, q * q);
    double tail = 0.5 * q + q * (w + 0.5 * r + w * r);
    double s = hi + tail;
    return s + (lo + ExactArithmetic.twoSumError(hi, tail, s));
  }

  // -------------------------------------------------------------------------------------------
  // lgamma on the log scale

  /**
   * {@code lgamma(exp(t))} for every real t (the log-Gamma of a shape parameter on the log
   * scale). Finite where exp(t) underflows (t = -800 gives 800) and +Infinity only where the
   * value overflows (t above about 703.2). With a = exp(t):
   *
   * <ul>
   *   <li>a &lt; 3/4: {@code lgamma(1 + a) - t} ({@link StableMath#lgamma}), t exact; lgamma(1 + a)
   *       is at most a seventh of the sum and varies slowly there, so the rounding of 1 + a is
   *       harmless, and a = 0 gives -t.
   *   <li>3/4 &lt;= a &lt; 8, through both roots (t = 0 and t = log 2): {@code t (t - log 2) R(t)}
   *       with log 2 held to 107 bits and R the Taylor series (40 terms) of lgamma(exp(t)) / (t
   *       (t - log 2)) about t = 7/8. lgamma(exp(t)) is analytic in t within |Im t| &lt; pi, so no
   *       exp(t) is ever rounded here: lgamma(a) with a rounded would cost up to 5 ulps
   *       (a digamma(a) / lgamma(a) at a = 1.75) and all relative accuracy at the roots.
   *   <li>a &gt;= 8: {@code a (t - 1) - t + logFactorialResidual(a)}, Stirling's formula with t
   *       exact: the rounding of exp(t) enters the leading term only.
   * </ul>
   *
   * Measured: relative error &lt; 3.8e-16.
   */
  public static double lgammaOfExp(double t) {
    if (t < LN_3_4THS) {
      return StableMath.lgamma(1 + Math.exp(t)) - t;
    }
    if (t < LN_8) {
      return t * ((t - LN_2) - LN_2_LO) * polynomial(LGAMMA_OF_EXP_SERIES, t - 0.875);
    }
    if (t != t) {
      return t;
    }
    double a = Math.exp(t);
    if (a == Double.POSITIVE_INFINITY) {
      return a;
    }
    return (a * (t - 1) - t) + StableMath.logFactorialResidual(a);
  }

  /**
   * (2 - 2^(1 - 2k)) B(2k), k = 1..10: trigamma(y + 1/2) - trigamma(y) ~ -1/(2 y^2) - sum_k c_k
   * y^-(2k + 1), the derivative of digamma's half-step expansion (B(2k)(1/2) = (2^(1-2k) - 1)
   * B(2k)); exact dyadic rationals (mpmath).
   */
  private static final double[] TRIGAMMA_HALF_STEP_ASYMPTOTIC = {
    0.25, -0.0625, 0.046875, -0.06640625, 0.1513671875, -0.506103515625, 2.33319091796875,
    -14.1840972900390625, 109.941936492919921875, -1058.24747562408447265625
  };

  /**
   * {@code trigamma(x + 1/2) - trigamma(x)} for x &gt; 0, the derivative of {@link
   * #digammaHalfStep}: negative, tending to -1/(2 x^2), where the two trigammas agree to all but
   * a 1/x of their digits. For x &gt;= 10 by its asymptotic series (10 terms: below 2^-60 there);
   * below, the recurrence f(x) = f(x + 1) + 1/(x + 1/2)^2 - 1/x^2 with each step written
   * -(2a + 1/2)/(2 a^2 b^2), a = x + k, b = a + 1/2: terms of one sign, no cancellation.
   */
  public static double trigammaHalfStep(double x) {
    if (!(x > 0)) {
      return x == 0 ? Double.NEGATIVE_INFINITY : Double.NaN;
    }
    double sum = 0;
    double y = x;
    while (y < ASYMPTOTIC_FROM) {
      double b = y + 0.5;
      sum -= (2 * y + 0.5) / (2 * y * y) / (b * b);
      y += 1;
    }
    if (y == Double.POSITIVE_INFINITY) {
      return -0.0;
    }
    double q = 1 / y;
    double q2 = q * q;
    double tail = -q2 * (0.5 + q * polynomial(TRIGAMMA_HALF_STEP_ASYMPTOTIC, q2));
    return sum + tail;
  }

  /**
   * {@code d2/dt2 lgammaOfExp(t) = a digamma(a) + a^2 trigamma(a)}, a = exp(t). Below a = 1 the
   * poles -1/a of digamma and 1/a^2 of trigamma would cancel to -1 + 1: there it is {@code a
   * digamma(1 + a) + a^2 trigamma(1 + a)}, which tends to -gamma a as t -&gt; -inf (and is 0 once a
   * underflows). The sum changes sign once, near a = 0.5 (absolute, not relative, accuracy there).
   * Measured against mpmath at its reference points: relative error &lt; 2.9e-15.
   */
  public static double d2LgammaOfExp(double t) {
    double a = Math.exp(t);
    if (a < 1) {
      return a * (digammaOnePlus(a) + a * trigamma(1 + a));
    }
    if (a == Double.POSITIVE_INFINITY) {
      return a; // a log(a): trigamma(a) = 0 would make a * 0 = NaN
    }
    return a * (digamma(a) + a * trigamma(a));
  }

  /**
   * {@code d/dt lgammaOfExp(t) = a digamma(a)}, a = exp(t). It tends to -1 as t -&gt; -inf
   * (exactly -1 once a underflows, never 0 * Infinity) and grows like t exp(t).
   *
   * <ul>
   *   <li>a &lt; 1: {@code -1 + a digamma(1 + a)}, the product and sum in double-double.
   *   <li>1 &lt;= a &lt; 2: digamma about its root with a - x0 = x0 expm1(t - log x0) (log x0 to
   *       107 bits), a itself formed from the same expm1: relative-accurate through the sign
   *       change at t = log x0 = 0.3796.
   *   <li>2 &lt;= a &lt; 10: digamma's forward recurrence from y = a - 2 = 2 expm1(t - log 2),
   *       so a is never rounded before digamma sees it.
   *   <li>a &gt;= 10: {@code a t - 1/2 - sum B(2k)/(2k) a^(1-2k)}, t exact.
   * </ul>
   *
   * Measured: relative error &lt; 3.8e-16.
   */
  public static double dLgammaOfExp(double t) {
    if (t < 0) {
      double a = Math.exp(t);
      double psi = digammaOnePlus(a);
      double p = a * psi;
      double s = p - 1;
      return s + (ExactArithmetic.twoSumError(p, -1, s) + Math.fma(a, psi, -p));
    }
    if (t < LN_2) {
      // a = x0 (1 + e): tau = a - x0 = x0 e and a itself in double-double from the same e
      double e = Math.expm1((t - LN_X0_HI) - LN_X0_LO);
      double tau = X0_HI * e;
      double tauLo = Math.fma(X0_HI, e, -tau) + X0_LO * e;
      double a = X0_HI + tau;
      double aLo = ExactArithmetic.twoSumError(X0_HI, tau, a) + X0_LO + tauLo;
      double psi = rootDigamma(a, aLo, tau, tauLo);
      double p = a * psi;
      return p + (Math.fma(a, psi, -p) + aLo * psi);
    }
    if (t < LN_10) {
      // y = a - 2 = 2 expm1(t - log 2), t - log 2 carried in double-double (it is inexact
      // above 2 log 2)
      double d = t - LN_2;
      double dLo = ExactArithmetic.twoSumError(t, -LN_2, d) - LN_2_LO;
      double e = Math.expm1(d);
      double y = 2 * (e + (1 + e) * dLo);
      int n = (int) y + 1;
      double psi;
      if (n == 1) {
        double z = 1 + y;
        psi = forwardDigamma(digammaOnePlus(y), z, ExactArithmetic.twoSumError(1, y, z), 1);
      } else {
        double z = y - (n - 2); // exact
        psi = forwardDigamma(rootDigamma(z), z, 0, n);
      }
      double a = 2 + y;
      double p = a * psi;
      return p + (Math.fma(a, psi, -p) + ExactArithmetic.twoSumError(2, y, a) * psi);
    }
    if (t != t) {
      return t;
    }
    double a = Math.exp(t);
    if (a == Double.POSITIVE_INFINITY) {
      return a;
    }
    double q = 1 / a;
    return a * t - (0.5 + q * polynomial(DIGAMMA_ASYMPTOTIC, q * q));
  }

  // -------------------------------------------------------------------------------------------
  // log-add-exp

  /**
   * {@code log(exp(a) + exp(b))} = max + log1p(exp(min - max)), min - max carried with its
   * rounding error into the exponential. Either argument may be -Infinity (the other is
   * returned), +Infinity wins, NaN propagates; never overflows (800 and 800 give 800.69...).
   * Measured: |error| &lt; 2.9e-16 max(|value|, |max(a, b)|), so relative error &lt; 2.9e-16
   * wherever |value| &gt;= |max(a, b)| (always when max(a, b) &gt;= 0). Where exp(a) + exp(b) is
   * near 1 the value is a cancellation of max(a, b) &lt; 0 against log1p(...) that no double
   * evaluation of exp resolves (a = -0.24, b = -1.54 gives 2.6e-4 to within 6e-17): there the
   * bound is absolute, at most 2e-16.
   */
  public static double logAddExp(double a, double b) {
    double hi = Math.max(a, b);
    double lo = Math.min(a, b);
    if (lo == Double.NEGATIVE_INFINITY || hi == Double.POSITIVE_INFINITY) {
      return hi;
    }
    double d = lo - hi;
    double e = Math.exp(d);
    if (e == 0) {
      return hi;
    }
    double dLo = ExactArithmetic.twoSumError(lo, -hi, d); // d + dLo = lo - hi exactly
    return hi + (StableMath.log1p(e) + e * dLo / (1 + e));
  }

  // -------------------------------------------------------------------------------------------

  /** sum_k c[k] z^k by Horner's rule. */
  private static double polynomial(double[] c, double z) {
    double p = c[c.length - 1];
    for (int k = c.length - 2; k >= 0; k--) {
      p = p * z + c[k];
    }
    return p;
  }
}
