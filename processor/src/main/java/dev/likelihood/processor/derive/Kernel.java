package dev.likelihood.processor.derive;

/**
 * A family computed by a runtime kernel rather than by derived straight-line code: its structure
 * is sequential (a reverse cumulative logsumexp over a ranking, a triangular solve), not a
 * reduction of independent terms, so the kernel carries its own hand-derived gradient, as JAX
 * attaches a custom derivative to a primitive.
 */
public enum Kernel {
  PLACKETT_LUCE(
      "PlackettLuce",
      "sum_{j < n} (log sum_{k in R_j} exp(s[k]) - s[pi[j]]), R_j = the items not ranked before"
          + " position j (unranked items stay in every denominator)",
      "a reverse cumulative logsumexp, O(K): PlackettLuce.nllAndGradient"),
  CHOLESKY_NORMAL(
      "CholeskyNormal",
      "sum_i log(L[i][i]) + D log(2 pi)/2 + |z|^2/2, L z = y - mu, covariance L L^T",
      "forward substitution for z, back substitution for the gradient: CholeskyNormal.nllAndGradient");

  private final String runtimeClass;
  private final String formula;
  private final String method;

  Kernel(String runtimeClass, String formula, String method) {
    this.runtimeClass = runtimeClass;
    this.formula = formula;
    this.method = method;
  }

  /** The simple name of the runtime class that computes it. */
  public String runtimeClass() {
    return runtimeClass;
  }

  /** The negative log-density as the Javadoc states it. */
  public String formula() {
    return formula;
  }

  /** How it is evaluated, for the Javadoc. */
  public String method() {
    return method;
  }
}
