package dev.likelihood.runtime;

/**
 * The modified Bessel functions of the von Mises family, {@code log(2 pi I0(kappa)) - kappa
 * cos(y - mu)}, in the forms that stay accurate for every concentration from 1e-300 to 1e300.
 *
 * <p>I0(kappa) itself overflows at kappa = 713 and is 1 + kappa^2/4 for small kappa, so neither
 * it nor the ratio I1/I0 is formed directly where that loses digits:
 *
 * <ul>
 *   <li>{@link #logI0e} is {@code log I0(kappa) - kappa}: the NLL needs {@code log I0(kappa)}
 *       only through {@code logI0e(kappa) + kappa (1 - cos(y - mu))}, two terms of the same
 *       sign.
 *   <li>{@link #besselRatioMinusOne} is {@code I1/I0 - 1 = d/dkappa logI0e}, about {@code
 *       -1/(2 kappa)} for large kappa: computing the ratio (about {@code 1 - 1/(2 kappa)}) and
 *       subtracting 1 would leave only {@code 53 - log2(2 kappa)} bits (none at 1e16).
 *   <li>{@link #besselRatio} is {@code I1/I0} itself, about {@code kappa/2} for small kappa.
 * </ul>
 *
 * <p>Three ranges:
 *
 * <ul>
 *   <li>kappa &lt;= 2: the power series {@code I0 = sum_j q^j / j!^2}, {@code I1 = (kappa/2)
 *       sum_j q^j / (j! (j+1)!)}, q = kappa^2/4, whose terms are all positive and fall by q /
 *       j^2 &lt;= 1/j^2 (at most 17 terms); {@code logI0e = log1p(I0 - 1) - kappa}, relative-
 *       accurate however small kappa is (the value is about -kappa + kappa^2/4), and {@code
 *       I1/I0 - 1 = -(I0 - I1)/I0} with {@code I0 - I1 = sum_j q^j / j!^2 (1 - (kappa/2) /
 *       (j+1))}, whose terms are all non-negative for kappa &lt;= 2.
 *   <li>2 &lt; kappa &lt;= 8: {@code log(I0 e^-kappa)} from the same series (at most 26 terms), and
 *       {@code g(kappa) = kappa (1 - I1/I0)}, which runs from 0.60 at 2 to 0.54 at 8, from a
 *       34-term Chebyshev expansion in kappa.
 *   <li>kappa &gt; 8: Chebyshev expansions in t = 8/kappa of {@code g} (30 terms) and of {@code
 *       h(kappa) = logI0e(kappa) + log(2 pi kappa)/2} (30 terms), both smooth at t = 0 (they
 *       tend to 1/2 and 0 like the Hankel series 1/2 + 1/(8 kappa) + ... and 1/(8 kappa) + ...),
 *       so {@code logI0e = h - log(2 pi kappa)/2} and {@code I1/I0 - 1 = -g / kappa} hold down
 *       to kappa = 1e300 with no subtraction. This is Cephes' approach for i0e, applied to the
 *       functions that are needed rather than to i0e and i1e, whose difference would cancel.
 * </ul>
 *
 * <p>The coefficients come from mpmath ({@code tools/reference/bessel_ubce_primitives.py
 * --constants}, which also prints the first omitted coefficient: below 1.2e-18 of the
 * function). Measured against mpmath (50 digits plus log10(kappa), each value checked at 40
 * more) at the 1,147 points of {@code reference/bessel_ubce_primitives.csv} (0, 1e-300 ...
 * 1.8e308 log-spaced, every quarter in [0, 40], the branch points 2 and 8 with their
 * neighbouring doubles, random points), and during development at 3,000 further random points
 * (the larger figure is quoted): see each method. Cost: about 40 ns. Negative or NaN kappa
 * gives NaN.
 */
public final class BesselMath {

  /** log(2 pi). */
  private static final double LN_2PI = 1.8378770664093456;

  /** The power series serves kappa up to here (for logI0e up to {@link #CHEBYSHEV_FROM}). */
  private static final double SERIES_TO = 2;

  /** The Chebyshev expansions in 8 / kappa serve kappa above here. */
  private static final double CHEBYSHEV_FROM = 8;

  /** g(kappa) = kappa (1 - I1/I0) on [2, 8] in w = (kappa - 5) / 3; c_0 already halved. */
  private static final double[] RATIO_G_LOW = {
    0.5473702525498948, -0.040603456720495236, 0.014557264751776367,
    -0.0034707442298912085, -0.00011841569065279886, 0.0006880301781749599,
    -0.00045449365635344315, 0.00020089055649042962, -6.820068754264363e-05,
    1.794929447918884e-05, -3.282583502428418e-06, 1.3575443951894854e-07,
    2.0341955731964221e-07, -1.1113606507953332e-07, 3.8153785539105084e-08,
    -9.817778795487562e-09, 1.776584412330285e-09, -9.226094643693307e-11,
    -9.542426296015661e-11, 5.409421468807777e-11, -1.897684678076103e-11,
    5.023130804315957e-12, -9.593566095063917e-13, 7.18870331246005e-14,
    4.1012491685816353e-14, -2.5879444436070575e-14, 9.454853572844672e-15,
    -2.5867896159727243e-15, 5.187214245097834e-16, -4.903871669871167e-17,
    -1.718126271702475e-17, 1.2344506211310129e-17, -4.698533546698439e-18,
    1.3264410846892785e-18,
  };

  /** g(kappa) on [8, inf) in w = 16 / kappa - 1; c_0 already halved. */
  private static final double[] RATIO_G_HIGH = {
    0.5087044228290216, 0.009033638646327165, 0.0003509928487727511,
    2.4000438429103217e-05, 2.5485427408775527e-06, 3.815519410045759e-07,
    6.38753641011317e-08, 6.605100183496212e-09, -1.899860583633942e-09,
    -1.3857621284106324e-09, -3.5482727891548447e-10, 1.7935629684279218e-11,
    4.389320123144555e-11, 9.909087325174729e-12, -2.9337562818469654e-12,
    -1.8685456734304527e-12, 5.51212826673586e-14, 2.664203181443918e-13,
    2.5122977643285875e-14, -3.709826521932087e-14, -6.6098880085054196e-15,
    5.532217387056378e-15, 1.2354019527181981e-15, -9.160955030922758e-16,
    -2.0001924286572827e-16, 1.6754365865030597e-16, 2.7304605668530615e-17,
    -3.269410578567758e-17, -2.2582322080544677e-18, 6.49030663076939e-18,
  };

  /** h(kappa) = logI0e(kappa) + log(2 pi kappa)/2 on [8, inf) in w = 16 / kappa - 1. */
  private static final double[] LOG_I0E_H_HIGH = {
    0.008227577622737686, 0.008375207011715978, 0.0001537193929192186,
    6.517874835070226e-06, 4.745677957537469e-07, 5.374392337159779e-08,
    8.159493340909212e-09, 1.1876148388828885e-09, 2.395711186874191e-11,
    -7.841726113036054e-11, -3.251794993219032e-11, -4.325764479805499e-12,
    1.802153144224513e-12, 9.506366288905125e-13, 3.4611959388930954e-14,
    -1.0331853599076972e-13, -2.3368057264766602e-14, 9.564110632896027e-15,
    4.372636652326301e-15, -8.676956252245615e-16, -7.001080165774391e-16,
    8.857404457080882e-17, 1.107618408341452e-16, -1.2402740980031314e-17,
    -1.7950550736909475e-17, 2.530012646791728e-18, 2.961105261999314e-18,
    -6.292601984360728e-19, -4.802088649946124e-19, 1.619761855525962e-19,
  };

  /** A series term below this fraction of the sum is below half an ulp of it. */
  private static final double SERIES_EPS = 0x1p-56;

  private BesselMath() {}

  /**
   * {@code log(I0(kappa) exp(-kappa))} for kappa &gt;= 0: 0 at 0, about {@code -kappa +
   * kappa^2/4} for small kappa (relative-accurate: 1e-300 gives -1e-300), about {@code
   * -log(2 pi kappa)/2 + 1/(8 kappa)} for large kappa (-Infinity at +Infinity). Measured:
   * relative error &lt; 3.7e-16.
   */
  public static double logI0e(double kappa) {
    if (!(kappa >= 0)) {
      return Double.NaN;
    }
    if (kappa <= SERIES_TO) {
      return StableMath.log1p(i0MinusOne(kappa)) - kappa;
    }
    if (kappa <= CHEBYSHEV_FROM) {
      return Math.log((1 + i0MinusOne(kappa)) * Math.exp(-kappa));
    }
    return chebyshev(LOG_I0E_H_HIGH, 16 / kappa - 1) - 0.5 * (LN_2PI + Math.log(kappa));
  }

  /**
   * {@code I1(kappa)/I0(kappa) - 1 = d/dkappa logI0e(kappa)} for kappa &gt;= 0: -1 at 0, {@code
   * -1 + kappa/2 - ...} for small kappa, {@code -1/(2 kappa) - 1/(8 kappa^2) - ...} for large
   * kappa, formed as {@code -g(kappa)/kappa} with no subtraction from 1 (so -5e-301 at 1e300).
   * Measured: relative error &lt; 5.4e-16.
   */
  public static double besselRatioMinusOne(double kappa) {
    if (!(kappa >= 0)) {
      return Double.NaN;
    }
    if (kappa <= SERIES_TO) {
      return ratioMinusOneSeries(kappa);
    }
    return -ratioG(kappa) / kappa;
  }

  /** From here dBesselRatio is its asymptotic series (13 terms: the next is below 1e-18 of it). */
  private static final double D_RATIO_ASYMPTOTIC_FROM = 100;

  /**
   * The coefficients c_m of d/dkappa I1/I0 ~ sum_{m = 2..14} c_m kappa^-m, from the Hankel series
   * of I0 and I1 divided exactly (tools/reference/bessel_ubce_primitives.py states the division):
   * 1/2, 1/4, 3/8, 25/32, 65/32, 3219/512, ...
   */
  private static final double[] D_RATIO_ASYMPTOTIC = {
    0.5, 0.25, 0.375, 0.78125, 2.03125, 6.287109375, 22.53125, 91.731689453125, 418.306640625,
    2112.7614974975586, 11711.46044921875, 70704.5485754013, 461875.40673828125
  };

  /**
   * {@code d/dkappa I1(kappa)/I0(kappa) = 1 - A/kappa - A^2}, A = I1/I0, for kappa &gt;= 0: 1/2 at
   * 0, positive, tending to 1/(2 kappa^2). Below 1 that form (A/kappa about 1/2, no
   * cancellation; 1/2 - 3 kappa^2/16 below 1e-4); up to 100 {@code -B (2 + B) - (1 + B)/kappa}
   * with B = A - 1 exact to an ulp, whose two terms of about 1/kappa cancel to 1/(2 kappa^2), at
   * most 200 times; from 100 the asymptotic series. The second derivative of log I0e, as the
   * Hessian in kappa of a von Mises NLL needs. Measured against mpmath: relative error &lt; 3.1e-14
   * (near kappa = 80, in the cancelling range).
   */
  public static double dBesselRatio(double kappa) {
    if (!(kappa >= 0)) {
      return Double.NaN;
    }
    if (kappa < 1e-4) {
      return 0.5 - 0.1875 * kappa * kappa;
    }
    if (kappa < 1) {
      double a = besselRatio(kappa);
      return 1 - a / kappa - a * a;
    }
    if (kappa < D_RATIO_ASYMPTOTIC_FROM) {
      double b = besselRatioMinusOne(kappa);
      return -b * (2 + b) - (1 + b) / kappa;
    }
    double q = 1 / kappa;
    double sum = D_RATIO_ASYMPTOTIC[D_RATIO_ASYMPTOTIC.length - 1];
    for (int m = D_RATIO_ASYMPTOTIC.length - 2; m >= 0; m--) {
      sum = sum * q + D_RATIO_ASYMPTOTIC[m];
    }
    return q * q * sum;
  }

  /**
   * {@code logI0e(exp(t))}: the von Mises normaliser of a concentration carried as its logarithm
   * t (the LOG link). Where exp(t) overflows (t &gt; 709.78) it is -(log(2 pi) + t)/2, the
   * 1/(8 kappa) of the asymptotic form being below 1e-300 there.
   */
  public static double logI0eOfExp(double t) {
    double kappa = Math.exp(t);
    return kappa == Double.POSITIVE_INFINITY ? -0.5 * (LN_2PI + t) : logI0e(kappa);
  }

  /**
   * d/dt {@link #logI0eOfExp} = kappa (A - 1), kappa = exp(t), A = I1/I0: from -1/2 as t -&gt;
   * +inf to 0 as t -&gt; -inf; above kappa = 2 it is -g(kappa) itself (besselRatioMinusOne is
   * -g/kappa), so that no kappa of 1e299 multiplies a ratio of 5e-300.
   */
  public static double dLogI0eOfExp(double t) {
    double kappa = Math.exp(t);
    return kappa <= SERIES_TO ? kappa * besselRatioMinusOne(kappa) : -ratioG(kappa);
  }

  /** From here d2LogI0eOfExp is its asymptotic series: 34 terms, the last below 1e-16 of it. */
  private static final double D2_LOG_I0E_OF_EXP_ASYMPTOTIC_FROM = 25;

  /**
   * The coefficients e_j, j = 2..35, of d2LogI0eOfExp ~ sum_j e_j kappa^(1 - j): (1 - j) a_j for
   * A ~ sum_j a_j kappa^-j (tools/reference/bessel_of_log_primitives.py --constants).
   */
  private static final double[] D2_LOG_I0E_OF_EXP_ASYMPTOTIC = {
    0.125, 0.25, 0.5859375, 1.625,
    5.2392578125, 19.3125, 80.26522827148438, 371.828125,
    1901.4853477478027, 10646.7822265625, 64812.50286078453, 426346.529296875,
    3014500.2674321234, 22802492.345458984, 183766014.49299225, 1572044509.0474854,
    14228259646.259594, 135844408248.60591, 1364506132420.9824, 14384732641467.605,
    158804784593214.4, 1832255476256604.5, 2.2052944762511092e16, 2.7641814678069178e17,
    3.602498437033926e18, 4.874685968205296e19, 6.839249735654556e20, 9.936721271593607e21,
    1.4932787353607977e23, 2.318595704818396e24, 3.7157686382789186e25, 6.14033517733294e26,
    1.0453466358364178e28, 1.8318129353847216e29,
  };

  /**
   * d2/dt2 {@link #logI0eOfExp} = kappa^2 A'(kappa) + kappa (A - 1), positive, tending to
   * 1/(8 kappa): the Hessian in the log-concentration of a von Mises NLL. Up to kappa = 2 the sum
   * as written; up to 25 kappa (2g - 1) - g^2, g = -kappa (A - 1), which cancels about 2 kappa
   * times (the written sum's terms of about 1/2 cancel 8 kappa times, on top of A''s own
   * cancellation); from 25 the
   * asymptotic series of the sum, whose kappa^0 terms cancel exactly, evaluated in q = exp(-t):
   * finite at kappa = exp(690) = 1e299, where kappa^2 overflows and A' underflows (the 0 * inf
   * of the derived form), and past exp's overflow at t = 709.78. Measured against mpmath
   * (bessel_of_log_primitives.csv): relative error &lt; 5e-13 below kappa = 25, &lt; 1e-15 above.
   */
  public static double d2LogI0eOfExp(double t) {
    double kappa = Math.exp(t);
    if (kappa <= SERIES_TO) {
      return dBesselRatio(kappa) * kappa * kappa + dLogI0eOfExp(t);
    }
    if (kappa < D2_LOG_I0E_OF_EXP_ASYMPTOTIC_FROM) {
      // with g = -kappa (A - 1) and A' = -B (2 + B) - (1 + B)/kappa, B = A - 1, the sum is
      // kappa (2g - 1) - g^2: 2g - 1 from g's Chebyshev series with its constant 1/2 taken off
      // exactly, so that only the last subtraction cancels (about 2 kappa times)
      double g = ratioG(kappa);
      return kappa * (2 * ratioGMinusHalf(kappa)) - g * g;
    }
    double q = Math.exp(-t); // not 1/kappa: kappa overflows from t = 709.78, q is subnormal there
    double[] e = D2_LOG_I0E_OF_EXP_ASYMPTOTIC;
    double sum = e[e.length - 1];
    for (int j = e.length - 2; j >= 0; j--) {
      sum = sum * q + e[j];
    }
    return q * sum;
  }

  /**
   * {@code I1(kappa)/I0(kappa)} for kappa &gt;= 0 (the mean resultant length of the von Mises
   * distribution): 0 at 0, about {@code kappa/2} for small kappa (relative-accurate: 1e-300
   * gives 5e-301), {@code 1 - g(kappa)/kappa} above 2, tending to 1. Measured: relative error
   * &lt; 6.6e-16.
   */
  public static double besselRatio(double kappa) {
    if (!(kappa >= 0)) {
      return Double.NaN;
    }
    if (kappa <= SERIES_TO) {
      return ratioSeries(kappa);
    }
    return 1 - ratioG(kappa) / kappa;
  }

  /**
   * I0(kappa) - 1 by its power series, kappa &lt;= 8: all terms positive, and summed without the
   * leading 1 so that q = kappa^2/4 keeps its relative accuracy when it is tiny.
   */
  private static double i0MinusOne(double kappa) {
    double q = 0.25 * kappa * kappa;
    double term = q;
    double sum = q;
    for (int j = 2; term > SERIES_EPS * (1 + sum); j++) {
      term *= q / ((double) j * j);
      sum += term;
    }
    return sum;
  }

  /** I1/I0 by the two power series, kappa &lt;= 2 (q &lt;= 1: every term falls). */
  private static double ratioSeries(double kappa) {
    double q = 0.25 * kappa * kappa;
    double t0 = 1;
    double s0 = 1;
    double t1 = 1;
    double s1 = 1;
    for (int j = 1; t0 > SERIES_EPS * s0; j++) {
      t0 *= q / ((double) j * j);
      t1 *= q / ((double) j * (j + 1));
      s0 += t0;
      s1 += t1;
    }
    return 0.5 * kappa * s1 / s0;
  }

  /**
   * I1/I0 - 1 = -(I0 - I1)/I0 for kappa &lt;= 2, with {@code I0 - I1 = sum_j q^j / j!^2 (1 -
   * (kappa/2) / (j+1))}: every term is non-negative there, so the difference is summed rather
   * than formed by subtraction.
   */
  private static double ratioMinusOneSeries(double kappa) {
    double half = 0.5 * kappa;
    double q = half * kappa * 0.5;
    double t = 1;
    double s0 = 1;
    double diff = 1 - half;
    for (int j = 1; t > SERIES_EPS * s0; j++) {
      t *= q / ((double) j * j);
      s0 += t;
      diff += t * (1 - half / (j + 1));
    }
    return -diff / s0;
  }

  /** g(kappa) = kappa (1 - I1/I0) for kappa &gt; 2, by Chebyshev expansion. */
  private static double ratioG(double kappa) {
    if (kappa <= CHEBYSHEV_FROM) {
      return chebyshev(RATIO_G_LOW, (kappa - 5) / 3);
    }
    return chebyshev(RATIO_G_HIGH, 16 / kappa - 1);
  }

  /** g(kappa) - 1/2 for kappa &gt; 2, as {@link #ratioG} without its constant 1/2. */
  private static double ratioGMinusHalf(double kappa) {
    if (kappa <= CHEBYSHEV_FROM) {
      return chebyshev(RATIO_G_LOW, (kappa - 5) / 3, 0.5);
    }
    return chebyshev(RATIO_G_HIGH, 16 / kappa - 1, 0.5);
  }

  private static double chebyshev(double[] c, double w) {
    return chebyshev(c, w, 0);
  }

  /**
   * Clenshaw's recurrence for c[0] - shift + sum_k c[k] T_k(w), |w| &lt;= 1: the shift is taken
   * off c[0] before the sum (exactly, for a shift within a factor 2 of c[0]).
   */
  private static double chebyshev(double[] c, double w, double shift) {
    double w2 = 2 * w;
    double b1 = 0;
    double b2 = 0;
    for (int k = c.length - 1; k >= 1; k--) {
      double b0 = c[k] + w2 * b1 - b2;
      b2 = b1;
      b1 = b0;
    }
    return (c[0] - shift) + w * b1 - b2;
  }
}
