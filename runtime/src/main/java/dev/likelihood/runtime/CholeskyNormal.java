package dev.likelihood.runtime;

/**
 * The multivariate normal negative log-likelihood with a lower Cholesky factor L of the
 * covariance, and its gradient:
 *
 * <pre>
 *   NLL = sum_i log L_ii + D log(2 pi) / 2 + |z|^2 / 2,   L z = y - mu (forward substitution)
 *   d/dmu = -u with L^T u = z (back substitution);  d/dL_ij = -u_i z_j (i &gt; j);
 *   d/deta_i = 1 - L_ii u_i z_i  where L_ii = exp(eta_i)
 * </pre>
 *
 * <p>{@code scaleTril} packs the lower triangle row-major: entry {@code i(i+1)/2 + j} is L_ij
 * (j &lt;= i), except that a diagonal entry is eta_i = log L_ii, so that L is a valid factor for
 * every real input. Working storage comes from {@link Scratch}; no allocation per call.
 *
 * <p>How it stays accurate:
 *
 * <ul>
 *   <li>L_ii is never formed: z_i = t_i exp(-eta_i), and where exp(-eta_i) alone would overflow
 *       or underflow (|eta_i| &gt; 700) as t_i exp(-eta_i / 2) exp(-eta_i / 2), so z_i is finite
 *       whenever the exact value is (t_i = 1e-300 with eta_i = -800 gives 2.7e47). The same
 *       holds for u_i, and d/deta_i uses L_ii u_i = z_i - sum_{k &gt; i} L_ki u_k, the quantity
 *       before scaling, so exp(eta) exp(-eta) never meets.
 *   <li>Each t_i = (y_i - mu_i) - sum_j L_ij z_j is a compensated dot product (the products split
 *       exactly by fma, the subtraction y - mu carried exactly), so large off-diagonals (1e3) that
 *       cancel cost no more than the rounding of the z_j they multiply; the same for the back
 *       substitution. 1 - w_i z_i is one fma; |z|^2 / 2 sums (z_i / 2) z_i, which does not
 *       overflow before its value does; the NLL's terms are summed with Neumaier's compensation,
 *       D log sqrt(2 pi) entering to 107 bits, so etas that cancel the constant leave |z|^2 / 2
 *       relative-accurate.
 *   <li>Not covered: a z_j below the normal range (|t_j| exp(-eta_j) &lt; 2.2e-308) keeps only
 *       its absolute accuracy, which a later row with exp(-eta) = e^600 would magnify.
 * </ul>
 *
 * <p>Accuracy, against mpmath ({@code tools/reference/vector_kernel_primitives.py}: D = 1, 2, 5,
 * 10; etas of +-300, +-600 and +-800; off-diagonals of 1e3; y = mu; residuals from 1e-300 to
 * 1e300): the NLL within 4.2e-16 relative, d/dmu within 1.2e-15, d/dscaleTril within 1.7e-14 (a
 * diagonal 1 - L_ii u_i z_i where L_ii u_i z_i is near 1). SPEC's bound is 1e-12 relative or
 * 1e-14 S absolute, S = max(1, |y|, |mu|, |scaleTril|). Gradient entries beyond the double range
 * are infinite (eta = -800 with y - mu = 1e-300 gives d/dmu = -Infinity and a finite NLL). Where
 * |z|^2 / 2 itself overflows (diagonal etas of -600 with ordinary residuals) the NLL is +Infinity
 * and the gradient NaN: its entries overflow too and their signs are lost. The caller validates
 * the inputs; a NaN propagates.
 */
public final class CholeskyNormal {

  /** Beyond this |eta|, exp(-eta) is applied in two halves (exp overflows above 709.78). */
  private static final double ONE_EXP_LIMIT = 700;

  /** log(sqrt(2 pi)) - StableMath.LN_SQRT_2PI (mpmath): the constant's rounding. */
  private static final double LN_SQRT_2PI_LO = -3.8782941580672414e-17;

  private CholeskyNormal() {}

  /**
   * The NLL of {@code y[yFrom, yFrom + dimension)} under mean {@code mu[muFrom, ...)} and factor
   * {@code scaleTril[trilFrom, trilFrom + dimension (dimension + 1) / 2)}. Bit-identical to the
   * value {@link #nllAndGradient} returns.
   */
  public static double nll(
      double[] y, int yFrom, double[] mu, int muFrom,
      double[] scaleTril, int trilFrom, int dimension) {
    Scratch scratch = Scratch.get(dimension, 0, 0);
    return forward(y, yFrom, mu, muFrom, scaleTril, trilFrom, dimension, scratch.doubles);
  }

  /**
   * The NLL, as {@link #nll}, and its gradient, written times {@code factor}: {@code
   * gradMu[gradMuFrom + i]} with respect to mu_i and {@code gradTril[gradTrilFrom + p]} with
   * respect to scaleTril's entry p (eta for a diagonal entry). Returns the NLL itself, not times
   * factor.
   */
  public static double nllAndGradient(
      double[] y, int yFrom, double[] mu, int muFrom,
      double[] scaleTril, int trilFrom, int dimension,
      double[] gradMu, int gradMuFrom, double[] gradTril, int gradTrilFrom, double factor) {
    Scratch scratch = Scratch.get(2 * dimension, 0, 0);
    double[] work = scratch.doubles; // z in [0, D), u in [D, 2D)
    double nll = forward(y, yFrom, mu, muFrom, scaleTril, trilFrom, dimension, work);

    // Back substitution L^T u = z, from the last row up: w_i = z_i - sum_{k > i} L_ki u_k = L_ii
    // u_i, with L_ki at (k(k+1)/2 + i).
    for (int i = dimension - 1; i >= 0; i--) {
      double zi = work[i];
      double sum = zi;
      double compensation = 0.0;
      int entry = trilFrom + (i + 1) * (i + 2) / 2 + i; // L_{i+1, i}
      for (int k = i + 1; k < dimension; k++) {
        double l = scaleTril[entry];
        double uk = work[dimension + k];
        double p = l * uk;
        double pLow = Math.fma(l, uk, -p); // l uk = p + pLow exactly
        double next = sum - p;
        compensation += ExactArithmetic.twoSumError(sum, -p, next) - pLow;
        sum = next;
        entry += k + 1; // row k + 1 starts k + 1 entries after row k
      }
      double w = sum + compensation;
      int diagonal = i * (i + 1) / 2 + i;
      double ui = timesExp(w, -scaleTril[trilFrom + diagonal]);
      work[dimension + i] = ui;
      gradMu[gradMuFrom + i] = factor * -ui;
      gradTril[gradTrilFrom + diagonal] = factor * Math.fma(-w, zi, 1.0);
      int rowStart = i * (i + 1) / 2;
      for (int j = 0; j < i; j++) {
        gradTril[gradTrilFrom + rowStart + j] = factor * (-ui * work[j]);
      }
    }
    return nll;
  }

  /** Forward substitution into z[0, D) and the NLL; shared so that both entry points agree. */
  private static double forward(
      double[] y, int yFrom, double[] mu, int muFrom,
      double[] scaleTril, int trilFrom, int dimension, double[] z) {
    // D log(sqrt(2 pi)) to 107 bits: the rounding of D * LN_SQRT_2PI (from the fma) and of the
    // constant itself start the compensation, so an NLL that the etas cancel down to |z|^2 / 2
    // (sum eta = -D log sqrt(2 pi)) keeps its relative accuracy.
    double nll = dimension * StableMath.LN_SQRT_2PI;
    double nllCompensation =
        Math.fma(dimension, StableMath.LN_SQRT_2PI, -nll) + dimension * LN_SQRT_2PI_LO;
    int entry = trilFrom;
    for (int i = 0; i < dimension; i++) {
      double a = y[yFrom + i];
      double b = mu[muFrom + i];
      double sum = a - b;
      double compensation = ExactArithmetic.twoSumError(a, -b, sum); // y - mu = sum + this
      for (int j = 0; j < i; j++) {
        double l = scaleTril[entry++];
        double zj = z[j];
        double p = l * zj;
        double pLow = Math.fma(l, zj, -p);
        double next = sum - p;
        compensation += ExactArithmetic.twoSumError(sum, -p, next) - pLow;
        sum = next;
      }
      double eta = scaleTril[entry++];
      double zi = timesExp(sum + compensation, -eta);
      z[i] = zi;
      double half = (0.5 * zi) * zi;
      double next = nll + eta; // Neumaier, as CompensatedSum
      nllCompensation += Math.abs(nll) >= Math.abs(eta) ? (nll - next) + eta : (eta - next) + nll;
      nll = next;
      next = nll + half;
      nllCompensation +=
          Math.abs(nll) >= Math.abs(half) ? (nll - next) + half : (half - next) + nll;
      nll = next;
      if (nll == Double.POSITIVE_INFINITY) {
        // |z|^2 / 2 overflowed, and the eta terms (finite, so bounded) cannot bring it back: the
        // NLL is +Infinity. The later rows would subtract infinite products (inf - inf = NaN), so
        // they are not substituted; their z are NaN (the gradient's sign is lost at overflow) and
        // only a NaN among their inputs changes the answer.
        java.util.Arrays.fill(z, i + 1, dimension, Double.NaN);
        int rest = dimension - i - 1;
        int trilEnd = trilFrom + dimension * (dimension + 1) / 2;
        return anyNaN(y, yFrom + i + 1, rest) || anyNaN(mu, muFrom + i + 1, rest)
                || anyNaN(scaleTril, entry, trilEnd - entry)
            ? Double.NaN
            : nll;
      }
    }
    return nll + nllCompensation;
  }

  private static boolean anyNaN(double[] values, int from, int length) {
    for (int k = from; k < from + length; k++) {
      if (Double.isNaN(values[k])) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code t * exp(x)} without a spurious overflow or underflow of exp(x): beyond |x| = 700 as
   * (t exp(x/2)) exp(x/2) (x/2 is exact), where the first product is finite if the result is and
   * underflows only if the result does. t = 0 gives 0 even where exp(x/2) overflows (|x| &gt;
   * 1419).
   */
  private static double timesExp(double t, double x) {
    if (!(Math.abs(x) > ONE_EXP_LIMIT)) { // also NaN
      return t * Math.exp(x);
    }
    if (t == 0) {
      return t;
    }
    double e = Math.exp(0.5 * x);
    return (t * e) * e;
  }
}
