package dev.likelihood.runtime;

import java.util.Objects;

/**
 * The Plackett-Luce negative log-likelihood of a top-n ranking of K items with real scores s, and
 * its gradient:
 *
 * <pre>
 *   NLL = sum_{j &lt; n} [ D_j - s_{pi_j} ],  D_j = log sum_{k in R_j} exp(s_k),
 *   R_j = all K items but pi_0 .. pi_{j-1}   (unranked items stay in every denominator)
 *   d NLL / d s_i = sum_{j &lt;= m} exp(s_i - D_j) - 1   for i = pi_m,
 *                   sum_{j &lt; n}  exp(s_i - D_j)       for an unranked i.
 * </pre>
 *
 * <p>O(K + n) time and no allocation (working storage comes from {@link Scratch}). Each D_j is
 * held as M_j + log T_j, with M_j = max_{k in R_j} s_k a score itself and T_j = sum_{k in R_j}
 * exp(s_k - M_j) in [1, K] carried as the unevaluated sum of two doubles: a reverse pass builds
 * T_j from T_{j+1} by an exactly rounded addition (or, where pi_j is a new maximum, a rescaling
 * by exp(M_{j+1} - M_j) with the product split by fma), so the T_j carry no error from the scale
 * of the scores and almost none from their number. The j-th term D_j - s_{pi_j} = (M_j -
 * s_{pi_j}) + log1p(T_j - 1) adds two non-negative numbers, T_j - 1 exact, so the NLL of a
 * confident ranking (terms of e^-1000) keeps its relative accuracy. A forward pass accumulates
 * C_m = sum_{j &lt;= m} exp(M_m - D_j) the same way for the earlier stages' share of the gradient;
 * a ranked item's own stage is exp(s_i - M_m) / T_m - 1, or -(T_m - 1) / T_m for the maximum,
 * so the top item's gradient -(1 - p) keeps its relative accuracy when p is within 1e-300 of 1.
 *
 * <p>Accuracy, against mpmath ({@code tools/reference/vector_kernel_primitives.py}: K = 1 to 1,000,
 * full and top-n rankings, score gaps of 1e3, equal scores, scores near 1e6 and 1e15, -Infinity
 * unranked scores): the NLL within 2.1e-16 relative; every gradient entry within 4e-14 relative
 * except entries that are small differences of stage probabilities of order 1, which keep an
 * absolute error of about one rounding of those (worst 1.3e-12 relative on an entry of 1.3e-4 in
 * a full ranking of 1,000 items, absolute 1.7e-16). SPEC's bound is 1e-12 relative or 1e-14
 * max(1, |s_k|) absolute. A score of -Infinity for an unranked item gives gradient exactly +0.0;
 * a NaN score gives a NaN NLL and gradient.
 */
public final class PlackettLuce {

  /** Why a ranking entry is rejected ({@link #badEntry}). */
  private static final int OUT_OF_RANGE = 0;
  private static final int REPEATED = 1;
  private static final int AFTER_PADDING = 2;

  private PlackettLuce() {}

  /**
   * The NLL of one ranking: {@code scores[scoresFrom, scoresFrom + items)} are the K scores,
   * {@code ranking[rankingFrom, rankingFrom + rankingLength)} the item indices best first, padded
   * with -1 after the last ranked item (n = the number before the first -1; n = 0 gives 0).
   * Bit-identical to the value {@link #nllAndGradient} returns.
   *
   * @param component the name reported when the ranking is invalid
   * @param row the row reported, or {@link Checks#NO_ROW}
   * @throws IllegalArgumentException if an entry is outside [0, items) and not -1, repeats an
   *     earlier entry or follows a -1, or if rankingLength exceeds items
   */
  public static double nll(
      double[] scores, int scoresFrom, int items,
      int[] ranking, int rankingFrom, int rankingLength,
      String component, int row) {
    return evaluate(
        scores, scoresFrom, items, ranking, rankingFrom, rankingLength, null, 0, 0, component, row);
  }

  /**
   * The NLL, as {@link #nll}, and its gradient with respect to all K scores, written as {@code
   * grad[gradFrom + k] = factor * dNLL/ds_k}. Returns the NLL itself, not times factor.
   */
  public static double nllAndGradient(
      double[] scores, int scoresFrom, int items,
      int[] ranking, int rankingFrom, int rankingLength,
      double[] grad, int gradFrom, double factor,
      String component, int row) {
    Objects.requireNonNull(grad, "grad");
    return evaluate(
        scores, scoresFrom, items, ranking, rankingFrom, rankingLength,
        grad, gradFrom, factor, component, row);
  }

  /** Both entry points in one code path, so that their NLLs agree to the bit (grad null: none). */
  private static double evaluate(
      double[] scores, int scoresFrom, int items,
      int[] ranking, int rankingFrom, int rankingLength,
      double[] grad, int gradFrom, double factor,
      String component, int row) {
    if (rankingLength < 0 || rankingLength > items) {
      throw tooManySlots(component, row, rankingLength, items);
    }
    Scratch scratch = Scratch.get(3 * rankingLength, 0, items);
    int[] stamps = scratch.stamps;
    int mark = scratch.nextGeneration();

    // Validate and mark the ranked items: stamps[k] == mark iff k is ranked.
    int n = rankingLength;
    for (int t = 0; t < rankingLength; t++) {
      int item = ranking[rankingFrom + t];
      if (item == -1) {
        if (n == rankingLength) {
          n = t;
        }
        continue;
      }
      if (n < rankingLength) {
        throw badEntry(component, row, item, items, AFTER_PADDING, n);
      }
      if (item < 0 || item >= items) {
        throw badEntry(component, row, item, items, OUT_OF_RANGE, t);
      }
      if (stamps[item] == mark) {
        throw badEntry(component, row, item, items, REPEATED, t);
      }
      stamps[item] = mark;
    }
    if (n == 0) {
      if (grad != null) {
        for (int k = 0; k < items; k++) {
          grad[gradFrom + k] = 0.0;
        }
      }
      return 0.0;
    }

    // Reverse pass. work[3j] = M_j = max_{k in R_j} s_k and T_j = work[3j + 1] + work[3j + 2] =
    // sum_{k in R_j} exp(s_k - M_j), in [1, K], as an unevaluated sum of two doubles.
    double[] work = scratch.doubles;

    // R_{n-1} = the unranked items and pi_{n-1}. The maximum's own term, exactly 1, starts the
    // sum, and T - 1 stays exact below 2, so log T = log1p(T - 1) keeps the digits of a tiny
    // remainder; the strict > keeps pi_{n-1} as the maximum on a tie.
    int last = ranking[rankingFrom + n - 1];
    double sLast = scores[scoresFrom + last];
    double max = sLast;
    int top = -1;
    for (int k = 0; k < items; k++) {
      if (stamps[k] != mark) {
        double s = scores[scoresFrom + k];
        if (s > max) {
          max = s;
          top = k;
        }
      }
    }
    double high = 1.0;
    double low = 0.0;
    if (top != -1) {
      double t = Math.exp(sLast - max);
      double next = high + t;
      low += ExactArithmetic.twoSumError(high, t, next);
      high = next;
    }
    for (int k = 0; k < items; k++) {
      if (stamps[k] != mark && k != top) {
        double t = Math.exp(scores[scoresFrom + k] - max);
        double next = high + t;
        low += ExactArithmetic.twoSumError(high, t, next);
        high = next;
      }
    }
    work[3 * n - 3] = max;
    work[3 * n - 2] = high;
    work[3 * n - 1] = low;
    double sum = (max - sLast) + StableMath.log1p((high - 1.0) + low);
    double compensation = 0.0;

    // R_j = R_{j+1} + pi_j. Below the maximum, T gains exp(s - M), added exactly (the rounding
    // carried in low); a new maximum rescales, T_j = T_{j+1} exp(M - s) + 1, with the product
    // split exactly by fma, so only the rounding of exp(M - s) is lost, and nothing on a tie
    // (exp(0) = 1). Working in T rather than in log T saves the rounding of every logarithm:
    // about 15 times less error at K = 1000 than the log-space recursion D_j = logAddExp(s,
    // D_{j+1}). The j-th term, D_j - s = (M_j - s) + log T_j, adds two non-negative numbers.
    for (int j = n - 2; j >= 0; j--) {
      double s = scores[scoresFrom + ranking[rankingFrom + j]];
      if (s >= max) {
        double f = Math.exp(max - s);
        double p = high * f;
        double pLow = Math.fma(high, f, -p); // high f = p + pLow exactly
        double next = 1.0 + p;
        low = ExactArithmetic.twoSumError(1.0, p, next) + pLow + low * f;
        high = next;
        max = s;
      } else {
        double t = Math.exp(s - max);
        double next = high + t;
        low += ExactArithmetic.twoSumError(high, t, next);
        high = next;
      }
      work[3 * j] = max;
      work[3 * j + 1] = high;
      work[3 * j + 2] = low;
      double term = (max - s) + StableMath.log1p((high - 1.0) + low);
      double next = sum + term; // Neumaier, as CompensatedSum
      compensation += Math.abs(sum) >= Math.abs(term) ? (sum - next) + term : (term - next) + sum;
      sum = next;
    }
    // An infinite term (a ranked item at -Infinity) makes the compensation inf - inf.
    double nll = Double.isInfinite(sum) ? sum : sum + compensation;
    if (grad == null) {
      return nll;
    }

    // Forward pass: C_m = sum_{j <= m} exp(M_m - D_j) = sum_{j <= m} exp(M_m - M_j) / T_j, in
    // [1/K, m + 1], as high + low in the same way (M_m <= M_{m-1}: rescaling by exp(M_m -
    // M_{m-1}) <= 1, exactly 1 while the maximum stays). Then sum_{j < m} exp(s_i - D_j) =
    // exp(s_i - M_{m-1}) C_{m-1}.
    high = 0.0;
    low = 0.0;
    double previousMax = 0.0;
    for (int m = 0; m < n; m++) {
      int item = ranking[rankingFrom + m];
      double s = scores[scoresFrom + item];
      double maxM = work[3 * m];
      double tHigh = work[3 * m + 1];
      double tLow = work[3 * m + 2];
      double t = tHigh + tLow;
      // The own stage, exp(s - D_m) - 1 = exp(s - M_m) / T_m - 1. For the maximum it is
      // -(T_m - 1) / T_m with T_m - 1 exact: the top item's -(1 - p) keeps its relative accuracy
      // for p within 1e-300 of 1 (and is +0.0 when p = 1). Below the maximum p < 1/2.
      double g = s == maxM ? ((1.0 - tHigh) - tLow) / t : Math.exp(s - maxM) / t - 1.0;
      if (m > 0) {
        g += Math.exp(s - previousMax) * (high + low);
        double f = Math.exp(maxM - previousMax);
        double p = high * f;
        low = Math.fma(high, f, -p) + low * f;
        high = p;
      }
      double inverse = 1.0 / t;
      double next = high + inverse;
      low += ExactArithmetic.twoSumError(high, inverse, next);
      high = next;
      previousMax = maxM;
      grad[gradFrom + item] = factor * g;
    }
    double c = high + low;
    for (int k = 0; k < items; k++) {
      if (stamps[k] != mark) {
        double s = scores[scoresFrom + k];
        // exp(-Infinity) C is 0 already; the test keeps it +0.0 whatever the sign of factor.
        grad[gradFrom + k] =
            s == Double.NEGATIVE_INFINITY ? 0.0 : factor * (Math.exp(s - previousMax) * c);
      }
    }
    return nll;
  }

  /**
   * A ranking entry that is out of range, repeated or after the padding. The messages are built
   * here, off the hot path, so that {@code evaluate} holds no string concatenation.
   */
  private static IllegalArgumentException badEntry(
      String component, int row, int value, int items, int why, int slot) {
    String support = "distinct item indices in [0, " + items + "), -1 padded";
    if (why == REPEATED) {
      support += "; item " + value + " is ranked twice (again at slot " + slot + ")";
    } else if (why == AFTER_PADDING) {
      support += "; it follows the -1 padding that starts at slot " + slot;
    }
    return Checks.outsideSupport(component, row, (long) value, support);
  }

  private static IllegalArgumentException tooManySlots(
      String component, int row, int rankingLength, int items) {
    String where =
        row == Checks.NO_ROW ? "'" + component + "'" : "'" + component + "' at row " + row;
    return new IllegalArgumentException(
        where + " has " + rankingLength + " ranking slots but there are " + items
            + " items: expected between 0 and " + items + " slots");
  }
}
