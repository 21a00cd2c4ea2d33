package dev.likelihood.runtime;

/**
 * Inference for a categorical distribution given by logits (recipe step 4): its probabilities and
 * its mode. The probabilities are exp(logit - max) / sum, exact to a few ulps, with a masked
 * logit (-Infinity) at exactly 0.
 */
public final class Softmax {

  private Softmax() {}

  /**
   * Writes softmax(logits[from, from + length)) into {@code out[outFrom, outFrom + length)}.
   * NaN logits give NaN probabilities; all logits -Infinity give NaN (no distribution).
   */
  public static void probabilities(double[] logits, int from, int length, double[] out, int outFrom) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < length; k++) {
      max = Math.max(max, logits[from + k]);
    }
    double sum = 0.0;
    for (int k = 0; k < length; k++) {
      double e = Math.exp(logits[from + k] - max);
      out[outFrom + k] = e;
      sum += e;
    }
    for (int k = 0; k < length; k++) {
      out[outFrom + k] /= sum;
    }
  }

  /**
   * The index of the largest logit, the first of equal ones; -1 if a logit is NaN or there are
   * none.
   */
  public static int argmax(double[] logits, int from, int length) {
    int best = -1;
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < length; k++) {
      double v = logits[from + k];
      if (Double.isNaN(v)) {
        return -1;
      }
      if (best < 0 || v > max) {
        best = k;
        max = v;
      }
    }
    return best;
  }
}
