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
 * held as a pair (M_j, delta_j), D_j = M_j + delta_j with M_j = max_{k in R_j} s_k a score
 * itself and 0 &lt;= delta_j &lt;= log K: the reverse recursion D_j = logAddExp(s_{pi_j}, D_{j+1})
 * then works on O(1) quantities whatever the scale of the scores, and the j-th term D_j -
 * s_{pi_j} = (M_j - s_{pi_j}) + delta_j adds two non-negative numbers, so the NLL of a confident
 * ranking (terms of e^-1000) keeps its relative accuracy. The gradient uses the forward cumulative
 * F_m = log sum_{j &lt;= m} exp(-D_j), held as (-M_m, phi_m) in the same way, and writes a ranked
 * item's own-stage term as expm1(-(D_m - s_i)), so the top item's gradient -(1 - p) keeps its
 * relative accuracy when p is within 1e-300 of 1.
 *
 * <p>Accuracy (against mpmath, {@code tools/reference/vector_kernel_primitives.py}): within SPEC's
 * 1e-12 relative or 1e-14 max(1, |s|) absolute on the NLL and every gradient entry, including
 * rankings of 1,000 items with score gaps of 1e3; measured worst relative error 4.4e-14 (see
 * PlackettLuceTest). A score of -Infinity for an unranked item gives gradient exactly 0; a NaN
 * score gives a NaN NLL.
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

  /** Both entry points: one code path, so the two NLLs agree to the bit. No gradient if grad is null. */
  private static double evaluate(
      double[] scores, int scoresFrom, int items,
      int[] ranking, int rankingFrom, int rankingLength,
      double[] grad, int gradFrom, double factor,
      String component, int row) {
    if (rankingLength < 0 || rankingLength > items) {
      throw tooManySlots(component, row, rankingLength, items);
    }
    Scratch scratch = Scratch.get(2 * rankingLength, 0, items);
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

    // pairs[2j] = M_j, pairs[2j + 1] = delta_j (class comment).
    double[] pairs = scratch.doubles;

    // R_{n-1} = the unranked items and pi_{n-1}. The maximum's own term (exactly 1) is left out of
    // the sum and restored by log1p, so delta is accurate when the other terms are tiny; the
    // strict > keeps pi_{n-1} as the maximum on a tie, making its NLL term delta itself.
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
    double rest = top == -1 ? 0.0 : Math.exp(sLast - max);
    for (int k = 0; k < items; k++) {
      if (stamps[k] != mark && k != top) {
        rest += Math.exp(scores[scoresFrom + k] - max);
      }
    }
    double delta = Math.log1p(rest);
    pairs[2 * n - 2] = max;
    pairs[2 * n - 1] = delta;
    double sum = (max - sLast) + delta;
    double compensation = 0.0;

    // D_j = logAddExp(s_{pi_j}, D_{j+1}) on the pairs: if s_{pi_j} becomes the maximum, delta_j =
    // softplus(D_{j+1} - s) with D_{j+1} - s = (M - s) + delta, else delta_j = delta +
    // softplus((s - M) - delta); both add non-negative numbers.
    for (int j = n - 2; j >= 0; j--) {
      double s = scores[scoresFrom + ranking[rankingFrom + j]];
      if (s >= max) {
        delta = StableMath.softplus((max - s) + delta);
        max = s;
      } else {
        delta = delta + StableMath.softplus((s - max) - delta);
      }
      pairs[2 * j] = max;
      pairs[2 * j + 1] = delta;
      double term = (max - s) + delta;
      double next = sum + term; // Neumaier, as CompensatedSum
      compensation += Math.abs(sum) >= Math.abs(term) ? (sum - next) + term : (term - next) + sum;
      sum = next;
    }
    double nll = sum + compensation;
    if (grad == null) {
      return nll;
    }

    // Forward pass: F_{m-1} = log sum_{j < m} exp(-D_j) = -M_{m-1} + phi, so exp(s_i + F_{m-1}) =
    // exp((s_i - M_{m-1}) + phi); phi_m = logAddExp(phi_{m-1} + (M_m - M_{m-1}), -delta_m) with
    // M_m <= M_{m-1}. Both pieces stay O(log K) whatever the scale of the scores.
    double phi = 0.0;
    double previousMax = 0.0;
    for (int m = 0; m < n; m++) {
      int item = ranking[rankingFrom + m];
      double s = scores[scoresFrom + item];
      double maxM = pairs[2 * m];
      double deltaM = pairs[2 * m + 1];
      double g = Math.expm1(-((maxM - s) + deltaM)); // exp(s - D_m) - 1
      if (m == 0) {
        phi = -deltaM;
      } else {
        g += Math.exp((s - previousMax) + phi);
        phi = GammaMath.logAddExp(phi + (maxM - previousMax), -deltaM);
      }
      previousMax = maxM;
      grad[gradFrom + item] = factor * g;
    }
    for (int k = 0; k < items; k++) {
      if (stamps[k] != mark) {
        double s = scores[scoresFrom + k];
        // exp(-Infinity + phi) is 0 already; the test also keeps it 0 when phi is not finite.
        grad[gradFrom + k] =
            s == Double.NEGATIVE_INFINITY ? 0.0 : factor * Math.exp((s - previousMax) + phi);
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
    String where = row == Checks.NO_ROW ? "'" + component + "'" : "'" + component + "' at row " + row;
    return new IllegalArgumentException(
        where + " has " + rankingLength + " ranking slots but there are " + items
            + " items: expected between 0 and " + items + " slots");
  }
}
