package dev.likelihood.runtime;

import org.apache.commons.numbers.gamma.Erfcx;

/**
 * The marginal likelihood of the uncertainty-aware binary cross-entropy (SPEC's
 * UNCERTAIN_BERNOULLI): the logit is itself uncertain, {@code logit ~ N(eta, u^2)}, and
 *
 * <pre>
 *   P(y = 1) = M(eta, u) = E[sigmoid(eta + u z)] = int phi(z) sigmoid(eta + u z) dz,  z ~ N(0, 1),
 *   P(y = 0) = 1 - M(eta, u) = M(-eta, u)          (sigmoid(-x) = 1 - sigmoid(x), z -&gt; -z),
 * </pre>
 *
 * so the NLL is {@code -logMeanSigmoid(eta, u)} for y = 1 and {@code -logMeanSigmoid(-eta, u)}
 * for y = 0: the exact marginal likelihood, neither the probit approximation {@code
 * sigmoid(eta / sqrt(1 + pi u^2 / 8))} nor a Monte Carlo estimate. Its derivatives are
 *
 * <pre>
 *   d/d eta log M = E[sigmoid'(eta + u z)] / M,     d/du log M = E[z sigmoid'(eta + u z)] / M
 *                                                              = u E[sigmoid''(eta + u z)] / M
 * </pre>
 *
 * ({@code sigmoid' = sigmoid(x) sigmoid(-x)}, {@code sigmoid'' = sigmoid' tanh(-x/2)}, the second
 * form by Stein's lemma {@code E[z f(z)] = E[f'(z)]}). As u -&gt; 0 they tend to {@code
 * logSigmoid(eta)}, {@code sigmoid(-eta)} and 0; as u -&gt; infinity the mean tends to {@code
 * Phi(eta / u)}, but no such limit is used: every regime is integrated to full precision.
 *
 * <h2>Log space and the mirror image</h2>
 *
 * M is as small as {@code e^-800} at eta = -800 (doubles underflow below {@code e^-745}), and as
 * close to 1 as {@code 1 - e^-800} at eta = +800, where {@code log M = -e^-800} must not be
 * formed as the log of a rounded {@code 1 - e^-800}. So every value is computed at {@code e =
 * -|eta|}, where {@code M' = M(e, u) <= 1/2}: {@code log M'} directly in log space, as an
 * unevaluated sum {@code e + (log M' - e)} whose second part is a sum of small terms, and the
 * derivatives as ratios {@code M'_eta / M'}, {@code M'_u / M'} (never a tiny numerator over a
 * tiny denominator). For eta &gt; 0, {@code log M = log1p(-M')}, with {@code M' = exp(e + rest)}
 * evaluated from the unevaluated sum so that it keeps its relative accuracy (a rounded log M' of
 * -641 would cost 641 ulps of M'); since {@code E[sigmoid']} is even in eta and {@code E[z
 * sigmoid']} odd, the derivatives there are {@code (M'_eta / M') M' / (1 - M')} and {@code
 * -(M'_u / M') M' / (1 - M')}. No value is ever formed by subtracting from 1.
 *
 * <h2>u &lt;= 1/2: adaptive Gauss-Hermite with 32 nodes</h2>
 *
 * The log-integrand {@code G(z) = -z^2/2 + logSigmoid(e + u z)} is strictly concave ({@code G''
 * = -1 - u^2 sigmoid' &lt;= -1}). Its mode {@code z*} solves {@code z = u sigmoid(-(e + u z))}
 * (so 0 &lt; z* &lt; u), found by Newton's method from {@code u sigmoid(-e)} (the fixed-point map
 * has slope at most u^2/4, so three or four steps reach full precision). The nodes are centred
 * at the mode and scaled by the curvature there, {@code z_i = z* + sqrt(2) s t_i}, {@code s = (1
 * + u^2 sigmoid'(x*))^(-1/2)}:
 *
 * <pre>
 *   M' = s e^G(z*) sum_i (w_i / sqrt(pi)) exp(G(z_i) - G(z*) + t_i^2),
 *   G(z_i) - G(z*) + t_i^2 = (1 - s^2) t_i^2 + sqrt(2) s (u - z*) t_i - (softplus(x_i) - softplus(x*)),
 * </pre>
 *
 * an exponent that is exactly 0 where the integrand is Gaussian (the tail at eta = -800, where
 * sigmoid(x) = e^x) and small elsewhere, and {@code log M' - e = log s - z*^2/2 + u z* -
 * softplus(x*) + log(sum)}. The derivatives are posterior means over the same weights: {@code
 * E[sigmoid(-x)]} and {@code u E[sigmoid(-x) tanh(-x/2)]}; where the nodes straddle the kink x =
 * 0 (|e| &lt; 12 u), where the latter changes sign and would cancel, M'_u comes from the kink
 * integral below instead (or, for u &lt; 1e-150, from its first-order term {@code u
 * sigmoid(-e) tanh(-e/2)}, exact to double precision there). <b>Why 32 nodes:</b> the integrand's nearest singularities are the
 * poles of sigmoid at {@code x = +-i pi}, {@code pi / (sqrt(2) s u) >= 4.4} node units off the
 * real axis for u &lt;= 1/2, and the Gauss-Hermite error falls like {@code exp(-2 d sqrt(2n))} for
 * a strip of half-width d; measured against mpmath at 40 digits, the truncation error of the
 * 32-node rule is below 2e-21 up to u = 1/2 (24 nodes: 7e-18; at u = 1 even 48 nodes leave 2e-16,
 * and at u = 2 64 nodes leave 6e-12, which is why the rule stops at 1/2: for larger u sigmoid is
 * too sharp a step on the scale of the Gaussian for any polynomial rule).
 *
 * <h2>u &gt; 1/2: the exact erfcx series, summed with Cohen-Rodriguez Villegas-Zagier</h2>
 *
 * Split sigmoid at its kink {@code z0 = -e/u} into a step and a remainder, {@code sigmoid(x) =
 * H(x) + sign(-x) sum_k>=1 (-1)^(k+1) e^(-k|x|)}; every term has a closed-form Gaussian
 * expectation, so with the Mills ratio {@code m(t) = Q(t)/phi(t) = sqrt(pi/2) erfcx(t/sqrt 2)}
 *
 * <pre>
 *   M'      = Q(z0) + sum_k (-1)^(k+1) (A_k - B_k),
 *   M'_eta  = sum_k (-1)^(k+1) k (A_k + B_k),            M'_u = u sum_k (-1)^(k+1) k^2 (A_k - B_k),
 *   A_k = E[e^(kx); x &lt; 0] = e^(k e + (ku)^2/2) Phi(z0 - ku) = phi(z0) m(ku - z0),
 *   B_k = E[e^(-kx); x &gt; 0] = phi(z0) m(ku + z0)
 * </pre>
 *
 * (the derivative series are Abel sums: their terms tend to {@code 2 phi(z0)/u} and {@code 2 z0
 * phi(z0)/u}). The terms are moments {@code int_0^1 y^k dmu(y)}, {@code y = e^(-u s)}, of
 * measures on [0, 1] (for A_k - B_k the positive {@code 2 sinh(z0 s) e^(-s^2/2) ds}), which is
 * exactly the case of Cohen, Rodriguez Villegas and Zagier's acceleration (Experimental Math. 9,
 * 2000, algorithm 1): a fixed weighted sum of the first n terms has relative error below {@code
 * 2 / (3 + sqrt 8)^n} however slowly (like 1/k^2 for large u) the terms decay. <b>n = 24</b>: 8.5e-19
 * (measured against the 80-term sum in mpmath for u &gt;= 1/2: below 8.5e-19 for M', 2.9e-18 for
 * M'_eta). Each term is formed without an overflowing factor: relative to {@code phi(z0)}
 * (Mills ratios of positive arguments) when u &gt; z0, otherwise relative to A_1, with {@code
 * Phi(z0 - ku)} through {@link StableMath#logNdtr} for the terms with ku &lt;= z0, and the
 * exponents that carry log M' split exactly (fma) so that {@code M'} itself stays
 * relative-accurate. Cost: up to 49 erfcx evaluations.
 *
 * <h2>The kink integrals</h2>
 *
 * Where the mass of the integrand sits at the kink ({@code rho = z0/u = |eta|/u^2} small), the
 * derivative series cancel: their terms approach the constants above, and {@code m(ku - z0) -
 * m(ku + z0)} loses {@code log10(ku / z0)} digits. There the numerators are integrated over the
 * logit x, folded about the kink (sigmoid' is even, sigmoid'' odd):
 *
 * <pre>
 *   M'_eta / phi(z0) = (1/u) int_0^inf sigmoid'(x) 2 cosh(rho x) e^(-x^2 / (2 u^2)) dx,
 *   M'_u / phi(z0)   = int_0^inf |sigmoid''(x)| 2 sinh(rho x) e^(-x^2 / (2 u^2)) dx,
 * </pre>
 *
 * positive integrands that keep their relative accuracy down to eta = 0 (where M'_u is 0). For
 * u &lt;= 4 (and for the straddling Gauss-Hermite case) by the trapezoidal rule with step {@code
 * min(0.3, 0.4 u)}: both integrands extend to even functions of x, analytic in the strip |Im x|
 * &lt; pi, so the rule converges like {@code exp(-2 pi^2 / step)} (measured in mpmath: below
 * 1e-20), used while the integrand's peak {@code u^2 (rho - 1)} stays below 1.5 (beyond, the
 * series no longer cancels; the rule takes up to about 150 points). For u &gt; 4, M'_u only (the
 * series for M'_eta is accurate to 4e-15 there), by the 32-node Gauss rule for the weight
 * |sigmoid''| on [0, inf) (tabulated from its moments {@code j! eta(j - 1)} in mpmath; error
 * below 1e-20 for rho &lt;= 0.7, and for rho &lt;= 1 when u &lt;= 10).
 *
 * <h2>Accuracy</h2>
 *
 * Measured against mpmath at the 1,183 (eta, u) points of {@code
 * reference/bessel_ubce_primitives.csv} (eta from -800 to 800 with zero, 1e-12 and 1e-8; u from
 * 1e-20 to 1e4 and 1e6 ... 1e300; the hand-over u = 1/2 and 1 with their neighbouring doubles;
 * random points, 80 of them where the kink holds the mass), each integral computed by tanh-sinh
 * and by Gauss-Legendre quadrature split at the modes and the kink and by the 80-term series,
 * all three agreeing on every double; during development also at about 9,000 further points
 * (the larger figure is quoted): see each method. Cost: about 0.2 to 3 microseconds per call.
 *
 * <h2>One evaluation for the three functions</h2>
 *
 * A loss's gradient needs all three functions at the same (eta, u), and the labels y = 0 and
 * y = 1 both evaluate at the mirror image e = -|eta|. So each thread keeps its last evaluation,
 * keyed by (e, |u|) (in a {@link ThreadLocal}, created on the thread's first call; nothing is
 * shared between threads): a call at the same key reads it, whichever function comes first and
 * whether eta or -eta is asked, and a call at another key replaces it. Each value is computed
 * by the same operations in the same order as when it is computed alone, so every function
 * returns the same bits whatever was called before it (in particular, {@code logMeanSigmoid}
 * does not depend on whether the derivatives were computed).
 *
 * <p>The evaluation computes log M' and, where they cost little, the derivatives: M'_eta / M'
 * alongside the Gauss-Hermite sum (a division per node, sigmoid(-x) sharing softplus's
 * exp(-|x|)), and the derivative series alongside the mean's (a few multiplications per term).
 * What costs as much as the mean itself waits for the first request of its derivative: the
 * kink integrals (up to about 150 points) and the tanh of the Gauss-Hermite u-ratio, for which
 * the nodes are kept. <b>Trade-off:</b> the loss alone pays for the division per node, the
 * kept nodes and the thread-local lookup, measured (JDK 17, single thread) at about 5% (2 to
 * 8%) more per call than when each function evaluated separately; the three functions together
 * cost one evaluation plus the derivatives' own parts, 2.2 to 2.5 times less than three
 * separate evaluations where u is about 1/2 and the kink integrals are needed (1.5 rather than
 * 3.4 microseconds).
 *
 * <p>Allocation-free after a thread's first call: the tables are static constants and the only
 * mutable state is the thread's own evaluation. A negative u gives the value at |u| (the mean
 * is even in u; the u-derivative is odd); u = 0 gives the limits above; infinite eta or u their
 * limits; NaN gives NaN (and is never looked up).
 */
public final class UncertainSigmoid {

  /** Gauss-Hermite serves u up to here, the series above. */
  private static final double GH_MAX_U = 0.5;

  /**
   * The Gauss-Hermite nodes reach x = e + u z at most 10.1 u from x* (the largest node 7.13 times
   * sqrt 2): below |e| = 12 u they may straddle the kink x = 0.
   */
  private static final double GH_STRADDLE = 12;

  /** The positive Gauss-Hermite nodes (weight e^-t^2, 32 nodes), from mpmath. */
  private static final double[] GH_NODES = {
    0.19484074156939932, 0.5849787654359324, 0.9765004635896828,
    1.3703764109528718, 1.7676541094632017, 2.169499183606112,
    2.5772495377323175, 2.992490825002374, 3.417167492818571,
    3.853755485471445, 4.305547953351199, 4.777164503502596,
    5.2755509865158805, 5.812225949515914, 6.409498149269661,
    7.125813909830727,
  };

  /** The matching weights divided by sqrt(pi) (they sum to 1/2), from mpmath. */
  private static final double[] GH_WEIGHTS = {
    0.2117055698804793, 0.15653899375759844, 0.08534480827208075,
    0.03410984772609205, 0.009903461702320591, 0.0020620510513078847,
    0.0003025570258170625, 3.05598030608963e-05, 2.0596221039534287e-06,
    8.881290713105896e-08, 2.3125184120742405e-09, 3.347501239801207e-11,
    2.3780648557778086e-13, 6.755290223670119e-16, 5.208449591960861e-19,
    4.1246074890182694e-23,
  };

  /** Cohen-Rodriguez Villegas-Zagier weights for n = 24 (signs included), from mpmath. */
  private static final double[] CVZ_WEIGHTS = {
    1.0, -0.999999999999999, 0.999999999999812,
    -0.9999999999855517, 0.9999999994080065, -0.9999999850335489,
    0.9999997450236661, -0.9999968965547265, 0.999971877502541,
    -0.9998044297284367, 0.998931938694946, -0.995336218072075,
    0.9834807623952175, -0.9519634894573569, 0.8840929599033391,
    -0.7655145634411474, 0.5976878813515132, -0.4062278518731426,
    0.23178649168173823, -0.1067246914876162, 0.03778036573957456,
    -0.00959406764049133, 0.0015493525382159912, -0.00011918096447815317,
  };

  /**
   * Gauss rule for the weight |sigmoid''(x)| on [0, inf) (32 nodes, from mpmath): for the
   * u-derivative at the kink when u is large.
   */
  private static final double[] KINK_NODES = {
    0.11607746526023384, 0.3834710033643189, 0.7910283231548364,
    1.3303903378203685, 2.0005370424266875, 2.8084288582484125,
    3.764932648667984, 4.8798340770754525, 6.1596511735190616,
    7.608483937281037, 9.22978090295483, 11.02749644006589,
    13.006511082375745, 15.172721864081007, 17.533091432460022,
    20.09575215985268, 22.87017887694922, 25.867432664838567,
    29.10048807285618, 32.58466969465407, 36.33824091749769,
    40.38321266615355, 44.74648115503895, 49.46147585778145,
    54.57063256791067, 60.12926953476523, 66.21200236151245,
    72.92413067969697, 80.42383740925492, 88.97162651472442,
    99.0657293369044, 111.98748363449528,
  };

  /** Its weights (they sum to 1/4 = sigmoid'(0)). */
  private static final double[] KINK_WEIGHTS = {
    0.002797346720179977, 0.015489474378812379, 0.03829284983315141,
    0.05813250808725444, 0.058944764325999335, 0.04184747882201168,
    0.021854870363051986, 0.008819938177457519, 0.002857349805108991,
    0.0007599313304862733, 0.00016752196072451392, 3.066694643863482e-05,
    4.651940420429819e-06, 5.821968507995444e-07, 5.976127795407556e-08,
    4.9948560234376546e-09, 3.369613946142643e-10, 1.815807354645929e-11,
    7.72005050744854e-13, 2.5517159779391168e-14, 6.442238286942898e-16,
    1.2160624318593635e-17, 1.6719651940692447e-19, 1.6207364647371018e-21,
    1.0628199887058773e-23, 4.467672503899531e-26, 1.1196290637948153e-28,
    1.5103627275317461e-31, 9.412347293499311e-35, 2.109281154217258e-38,
    1.0570073203529415e-42, 3.5620050537562464e-48,
  };

  /**
   * The trapezoidal kink integrals serve u &lt;= {@link #KINK_GAUSS_FROM_U} while the peak of
   * their integrand, at x = u^2 (rho - 1), lies below this (rho = z0 / u = |eta| / u^2).
   */
  private static final double TRAPEZOID_MAX_PEAK = 1.5;

  /** The Gauss kink rule serves rho up to this for every u, and up to 1 for u &lt;= 10. */
  private static final double GAUSS_MAX_RHO = 0.7;

  /** The kink integral uses the Gauss rule above this u, the trapezoidal rule below. */
  private static final double KINK_GAUSS_FROM_U = 4;

  private static final double SQRT2 = 1.4142135623730951;
  private static final double SQRT_HALF = 0.7071067811865476;
  private static final double SQRT_HALF_PI = 1.2533141373155003;
  private static final double LN_2 = 0.6931471805599453;

  /** This thread's last evaluation (see "One evaluation for the three functions"). */
  private static final ThreadLocal<Evaluation> LAST = ThreadLocal.withInitial(Evaluation::new);

  private UncertainSigmoid() {}

  /**
   * {@code log E[sigmoid(eta + u z)]}, z ~ N(0, 1): the log-probability of y = 1 under an
   * uncertain logit N(eta, u^2). About eta + u^2/2 for eta -&gt; -infinity (eta = -800, u = 1e-8
   * gives -800), about {@code -E[sigmoid(-eta - u z)]} for eta -&gt; +infinity, log(1/2) at eta =
   * 0 for every u. Measured: relative error &lt; 1.5e-15 (see the class comment).
   */
  public static double logMeanSigmoid(double eta, double u) {
    double a = Math.abs(u);
    if (Double.isNaN(eta) || Double.isNaN(a)) {
      return Double.NaN;
    }
    if (a == 0) {
      return StableMath.logSigmoid(eta);
    }
    if (Double.isInfinite(eta)) {
      return a == Double.POSITIVE_INFINITY ? Double.NaN : eta > 0 ? 0 : eta;
    }
    if (a == Double.POSITIVE_INFINITY) {
      return -LN_2;
    }
    Evaluation at = evaluation(-Math.abs(eta), a);
    return eta > 0 ? Math.log1p(-at.mean()) : at.logHi + at.logLo;
  }

  /**
   * {@code d/d eta logMeanSigmoid(eta, u) = E[sigmoid'(eta + u z)] / E[sigmoid(eta + u z)]}, in
   * (0, 1): sigmoid(-eta) at u = 0, 1 for eta -&gt; -infinity. Measured: relative error &lt;
   * 3.7e-15.
   */
  public static double dLogMeanSigmoidDEta(double eta, double u) {
    double a = Math.abs(u);
    if (Double.isNaN(eta) || Double.isNaN(a)) {
      return Double.NaN;
    }
    if (a == 0) {
      return StableMath.sigmoid(-eta);
    }
    if (Double.isInfinite(eta)) {
      return a == Double.POSITIVE_INFINITY ? Double.NaN : eta > 0 ? 0 : 1;
    }
    if (a == Double.POSITIVE_INFINITY) {
      return 0;
    }
    Evaluation at = evaluation(-Math.abs(eta), a);
    // E[sigmoid'] is even in eta: at -e the same numerator over 1 - M' (see the class comment)
    double ratio = ratioEta(at);
    return eta > 0 ? ratio * at.odds() : ratio;
  }

  /**
   * {@code d/du logMeanSigmoid(eta, u) = E[z sigmoid'(eta + u z)] / E[sigmoid(eta + u z)]}: 0 at
   * u = 0 and at eta = 0, about u for eta -&gt; -infinity, negative for eta &gt; 0 (uncertainty
   * costs on a confident correct prediction). Odd in u. Measured: relative error &lt; 6.5e-15,
   * relative also where it vanishes near eta = 0.
   */
  public static double dLogMeanSigmoidDU(double eta, double u) {
    double a = Math.abs(u);
    if (Double.isNaN(eta) || Double.isNaN(a)) {
      return Double.NaN;
    }
    if (Double.isInfinite(eta)) {
      return a == Double.POSITIVE_INFINITY ? Double.NaN : eta > 0 ? 0 * u : u;
    }
    if (a == 0 || a == Double.POSITIVE_INFINITY || eta == 0) {
      return 0; // at eta = 0, E[z sigmoid'(u z)] = 0: the integrand is odd
    }
    Evaluation at = evaluation(-Math.abs(eta), a);
    // E[z sigmoid'] is odd in eta: at -e minus the numerator, over 1 - M'
    double ratio = ratioU(at);
    double d = eta > 0 ? -ratio * at.odds() : ratio;
    return u < 0 ? -d : d;
  }

  /**
   * What one evaluation at (e, u) leaves for the three functions: log M' as the unevaluated sum
   * logHi + logLo, the derivative ratios M'_eta / M' and M'_u / M' once computed, and the
   * intermediate values they are computed from. Each thread has one ({@link #LAST}), created on
   * its first call (about 0.7 KB, its arrays sized once); never shared.
   */
  private static final class Evaluation {

    /** The arguments of the values below; NaN (matching nothing) until the first evaluation. */
    double e = Double.NaN;
    double u = Double.NaN;

    /** log M' = logHi + logLo. */
    double logHi;
    double logLo;

    /** Which method computed it: Gauss-Hermite (u &lt;= 1/2) or the erfcx series. */
    boolean gaussHermite;

    /** M'_eta / M' and M'_u / M', valid where {@code hasRatioEta}, {@code hasRatioU}. */
    double ratioEta;
    double ratioU;
    boolean hasRatioEta;
    boolean hasRatioU;

    /**
     * Gauss-Hermite: the sum of the weights w_i; and where the nodes do not straddle the kink
     * (the u-ratio then sums over them), their logits x_i and terms w_i sigmoid(-x_i) of M'_eta
     * (in the order +t_i, -t_i).
     */
    final double[] nodeX = new double[2 * GH_NODES.length];
    final double[] nodeSlope = new double[2 * GH_NODES.length];
    double weightSum;

    /**
     * The series: z0 = -e / u, phi(z0) and the mean in units of exp(logRef), the sums for
     * M'_eta and M'_u / u in the same units, and whether each derivative comes from the kink
     * integral instead.
     */
    double z0;
    double phiScaled;
    double seriesMean;
    double s1;
    double s2;
    boolean kinkEta;
    boolean kinkU;

    /**
     * M' itself, from the unevaluated sum so that it keeps its relative accuracy when log M' is
     * large: M' is e^-641 at eta = 641, and a rounded log M' would cost 641 ulps.
     */
    double mean() {
      double p = logHi + logLo;
      double err = Math.abs(logHi) >= Math.abs(logLo) ? (logHi - p) + logLo : (logLo - p) + logHi;
      return Math.exp(p) * (1 + err); // M' <= 1/2
    }

    /** M' / (1 - M'): turns a numerator over M' into the same numerator over 1 - M'. */
    double odds() {
      double mean = mean();
      return mean / (1 - mean);
    }
  }

  /**
   * This thread's evaluation at e &lt;= 0 and 0 &lt; u &lt; Infinity, with M' = E[sigmoid(e + u
   * z)]: the last one if it was at the same arguments (so the three functions called in a row
   * cost one evaluation), else a new one, whose derivative ratios wait until they are asked for.
   * The arguments compare with {@code ==}: e and u are never NaN here, e = -|eta| is never +0,
   * and u &gt; 0.
   */
  private static Evaluation evaluation(double e, double u) {
    Evaluation at = LAST.get();
    if (e != at.e || u != at.u) {
      at.e = Double.NaN; // matches nothing until complete (an Error may leave it half written)
      at.hasRatioEta = false;
      at.hasRatioU = false;
      at.gaussHermite = u <= GH_MAX_U;
      if (at.gaussHermite) {
        gaussHermite(e, u, at);
      } else {
        erfcxSeries(e, u, at);
      }
      at.e = e;
      at.u = u;
    }
    return at;
  }

  /** M'_eta / M', computed on the first request after the series evaluation. */
  private static double ratioEta(Evaluation at) {
    if (!at.hasRatioEta) {
      at.ratioEta = seriesRatioEta(at); // Gauss-Hermite computes it with the mean
      at.hasRatioEta = true;
    }
    return at.ratioEta;
  }

  /** M'_u / M', computed on the first request after the evaluation. */
  private static double ratioU(Evaluation at) {
    if (!at.hasRatioU) {
      at.ratioU = at.gaussHermite ? gaussHermiteRatioU(at) : seriesRatioU(at);
      at.hasRatioU = true;
    }
    return at.ratioU;
  }

  /**
   * Adaptive Gauss-Hermite at the mode of the log-integrand (see the class comment): log M', and
   * M'_eta / M' alongside (a division per node: sigmoid(-x) shares exp(-|x|) with softplus(x));
   * keeps the nodes where the u-ratio will need them.
   */
  private static void gaussHermite(double e, double u, Evaluation out) {
    // The mode z* of -z^2/2 + logSigmoid(e + u z): z = u sigmoid(-(e + u z)), by Newton.
    double z = u * StableMath.sigmoid(-e);
    for (int i = 0; i < 8; i++) {
      double x = e + u * z;
      double lower = StableMath.sigmoid(-x);
      double step = (u * lower - z) / (1 + u * u * StableMath.sigmoid(x) * lower);
      z += step;
      if (Math.abs(step) <= 0x1p-60 * z) {
        break;
      }
    }
    double xMode = e + u * z;
    double curvature = u * u * StableMath.sigmoid(xMode) * StableMath.sigmoid(-xMode);
    double s = 1 / Math.sqrt(1 + curvature);
    double quadratic = curvature / (1 + curvature); // 1 - s^2
    double nodeStep = SQRT2 * s; // z_i = z* + nodeStep t_i
    double linear = nodeStep * (u - z);
    double xStep = u * nodeStep; // x_i = x* + xStep t_i
    double softplusMode = StableMath.softplus(xMode);
    boolean keepNodes = -e > GH_STRADDLE * u; // see gaussHermiteRatioU
    double sum = 0;
    double slope = 0;
    for (int i = 0; i < GH_NODES.length; i++) {
      double t = GH_NODES[i];
      double weight = GH_WEIGHTS[i];
      double even = quadratic * t * t;
      double odd = linear * t;
      double xPlus = xMode + xStep * t;
      double xMinus = xMode - xStep * t;
      double ePlus = StableMath.expNegAbs(xPlus);
      double eMinus = StableMath.expNegAbs(xMinus);
      double wPlus = weight * Math.exp(even + odd - softplusAbove(xPlus, ePlus, softplusMode));
      double wMinus = weight * Math.exp(even - odd - softplusAbove(xMinus, eMinus, softplusMode));
      double slopePlus = wPlus * StableMath.sigmoid(-xPlus, ePlus);
      double slopeMinus = wMinus * StableMath.sigmoid(-xMinus, eMinus);
      sum += wPlus + wMinus;
      slope += slopePlus + slopeMinus;
      if (keepNodes) {
        out.nodeX[2 * i] = xPlus;
        out.nodeX[2 * i + 1] = xMinus;
        out.nodeSlope[2 * i] = slopePlus;
        out.nodeSlope[2 * i + 1] = slopeMinus;
      }
    }
    out.weightSum = sum;
    // d/d eta log M' = E[sigmoid(-x) | posterior]
    out.ratioEta = slope / sum;
    out.hasRatioEta = true;
    out.logHi = e;
    // log M' = log s + G(z*) + log(sum), G(z*) = -z*^2/2 + logSigmoid(x*); with logSigmoid(x) =
    // x - softplus(x) and x* = e + u z*, log M' - e is a sum of small terms (e is exact).
    out.logLo = -0.5 * Math.log1p(curvature) + z * (u - 0.5 * z) - softplusMode + Math.log(sum);
  }

  /** softplus(x) - softplus(x*), given exp(-|x|). */
  private static double softplusAbove(double x, double expNegAbs, double softplusMode) {
    return StableMath.softplus(x, expNegAbs) - softplusMode;
  }

  /**
   * d/du log M' = u E[sigmoid''(x)] / M' (Stein's lemma) = u E[sigmoid(-x) tanh(-x/2) |
   * posterior] (sigmoid'' = sigmoid' tanh(-x/2)): relative-accurate wherever the nodes do not
   * straddle x = 0.
   */
  private static double gaussHermiteRatioU(Evaluation at) {
    double e = at.e;
    double u = at.u;
    if (-e > GH_STRADDLE * u) {
      double[] x = at.nodeX;
      double[] slope = at.nodeSlope;
      double sum = 0;
      for (int j = 0; j < x.length; j += 2) {
        sum += slope[j] * Math.tanh(-0.5 * x[j]) + slope[j + 1] * Math.tanh(-0.5 * x[j + 1]);
      }
      return u * (sum / at.weightSum);
    }
    if (u < 1e-150) {
      // |e| < 12 u too: the first-order term is exact to double precision, u^2/|e| and u^2
      // being below 1e-150 relative (and the value underflows where they are not)
      return u * StableMath.sigmoid(-e) * Math.tanh(-0.5 * e);
    }
    // The nodes straddle the kink x = 0, where sigmoid'' changes sign, and the posterior mean
    // would cancel (to 0 at e = 0): M'_u = phi(z0) times the kink integral instead, positive
    // throughout.
    return kinkIntegral(u, -e / u, true, true) * Math.exp(-(e + at.logLo));
  }

  /**
   * The erfcx series with Cohen-Rodriguez Villegas-Zagier weights (see the class comment): log
   * M', and the sums of the derivative series alongside (a few multiplications per term beside
   * its two or three erfcx) unless the kink integrals will replace them.
   */
  private static void erfcxSeries(double e, double u, Evaluation out) {
    double z0 = -e / u;
    // z0 = z0 + z0Lo to about 2^-106 (e is exact, z0 is rounded)
    double z0Lo = Math.fma(-z0, u, -e) / u;
    // Every term is scaled by exp(-logRef), logRef = logHi + logLo; phiScaled = phi(z0) /
    // exp(logRef).
    double logHi;
    double logLo;
    double phiScaled;
    double logNdtr1 = 0;
    if (u - z0 > 0) {
      // logRef = log phi(z0) = -z0^2/2 - log sqrt(2 pi), z0^2/2 split exactly
      double h = 0.5 * z0;
      double sq = h * z0;
      logHi = -sq;
      logLo = -(Math.fma(h, z0, -sq) + z0 * z0Lo) - StableMath.LN_SQRT_2PI;
      phiScaled = 1;
    } else {
      // relative to A_1 = e^(e + u^2/2) Phi(z0 - u); phi(z0) / A_1 by exact algebra
      logNdtr1 = StableMath.logNdtr(z0 - u);
      double h = 0.5 * u;
      double sq = h * u;
      logHi = e + sq;
      logLo = ((e - logHi) + sq) + Math.fma(h, u, -sq) + logNdtr1;
      double d = z0 - u;
      phiScaled = Math.exp(-0.5 * d * d - StableMath.LN_SQRT_2PI - logNdtr1);
    }
    double q = phiScaled * mills(z0);
    // Where the series' terms cancel (the mass near the kink, rho = z0 / u small), the
    // derivatives come from the kink integrals instead (see kinkIntegral).
    double rho = z0 / u;
    if (u <= KINK_GAUSS_FROM_U) {
      out.kinkEta = u * u * (rho - 1) <= TRAPEZOID_MAX_PEAK;
      out.kinkU = out.kinkEta;
    } else {
      out.kinkEta = false;
      out.kinkU = rho <= GAUSS_MAX_RHO || u <= 10 && rho <= 1;
    }
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    for (int k = 1; k <= CVZ_WEIGHTS.length; k++) {
      double ku = k * u;
      double t = ku - z0;
      double a;
      if (t > 0) {
        a = phiScaled * mills(t);
      } else {
        // A_k / A_1 = e^((k-1) (e + (k+1) u^2/2)) Phi(-t) / Phi(z0 - u): exactly 1 for k = 1
        a = Math.exp((k - 1) * (e + 0.5 * (k + 1) * u * u) + StableMath.logNdtr(-t) - logNdtr1);
      }
      double b = phiScaled * mills(ku + z0);
      if (a + b == 0) {
        break; // A_k and B_k decrease with k: every later term underflows too
      }
      double w = CVZ_WEIGHTS[k - 1];
      s0 += w * (a - b);
      if (!out.kinkEta) {
        s1 += w * k * (a + b);
      }
      if (!out.kinkU) {
        s2 += w * ((double) k * k) * (a - b);
      }
    }
    double mean = q + s0;
    out.z0 = z0;
    out.phiScaled = phiScaled;
    out.seriesMean = mean;
    out.s1 = s1;
    out.s2 = s2;
    out.logHi = logHi;
    out.logLo = logLo + Math.log(mean);
  }

  /** M'_eta / M' from the series, or where it cancels from the kink integral. */
  private static double seriesRatioEta(Evaluation at) {
    double numerator = at.kinkEta ? at.phiScaled * kinkIntegral(at.u, at.z0, false, false) : at.s1;
    return numerator / at.seriesMean;
  }

  /** M'_u / M' from the series, or where it cancels from the kink integral. */
  private static double seriesRatioU(Evaluation at) {
    return at.kinkU
        ? at.phiScaled * kinkIntegral(at.u, at.z0, true, false) / at.seriesMean
        : at.u * at.s2 / at.seriesMean;
  }

  /**
   * The kink integrals of the class comment: {@code M'_u / phi(z0)} ({@code forU}) or {@code
   * M'_eta / phi(z0)}, or with {@code timesPhi} {@code M'_u} itself, whose integrand {@code
   * phi(z0) e^(rho x - x^2/(2u^2)) = phi(x/u - z0)} then has no large exponents.
   */
  private static double kinkIntegral(double u, double z0, boolean forU, boolean timesPhi) {
    double rho = z0 / u;
    double c = -0.5 / (u * u);
    if (u > KINK_GAUSS_FROM_U) {
      double sum = 0;
      for (int i = 0; i < KINK_NODES.length; i++) {
        double x = KINK_NODES[i];
        sum += KINK_WEIGHTS[i] * (2 * Math.sinh(rho * x) * Math.exp(c * x * x));
      }
      return sum;
    }
    double h = Math.min(0.3, 0.4 * u);
    double stepFactor = Math.exp(-h);
    double ex = 1; // e^-x, by recurrence: it only enters through 1 + e^-x and, for x >= 1, 1 - e^-x
    double sum = forU ? 0 : 0.25; // half the x = 0 term: sigmoid'(0) 2 cosh(0) / 2
    for (int j = 1; ; j++) {
      double x = j * h;
      ex *= stepFactor;
      double onePlus = 1 + ex;
      // sigmoid'(x) 2 cosh(rho x) e^(-x^2/(2u^2)) = e^((rho - 1) x - x^2/(2u^2)) (1 + e^(-2 rho x))
      // / (1 + e^-x)^2, and |sigmoid''| 2 sinh likewise with tanh(x/2) and 1 - e^(-2 rho x)
      // timesPhi: phi(z0) e^(rho x - x^2/(2u^2)) = phi(x/u - z0), with no large exponents
      double d = x / u - z0;
      double exponent =
          timesPhi ? -0.5 * d * d - x - StableMath.LN_SQRT_2PI : (rho - 1) * x + c * x * x;
      double term = Math.exp(exponent) / (onePlus * onePlus);
      if (forU) {
        term *= (x < 1 ? -Math.expm1(-x) : 1 - ex) / onePlus * -Math.expm1(-2 * rho * x);
      } else {
        term *= 1 + Math.exp(-2 * rho * x);
      }
      sum += term;
      if (term <= 0x1p-60 * sum && x > 2 * (rho * u + 1) * u) { // past the peak
        return forU ? h * sum : h * sum / u;
      }
    }
  }

  /** The Mills ratio Q(t)/phi(t) = sqrt(pi/2) erfcx(t / sqrt 2), t &gt;= 0. */
  private static double mills(double t) {
    return SQRT_HALF_PI * Erfcx.value(t * SQRT_HALF);
  }
}
