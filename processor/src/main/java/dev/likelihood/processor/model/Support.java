package dev.likelihood.processor.model;

/** The set an observation must lie in, and how generated code tests membership. */
public enum Support {
  REAL("a finite real number"),
  POSITIVE_REAL("a finite number > 0"),
  NON_NEGATIVE_REAL("a finite number >= 0"),
  OPEN_UNIT_INTERVAL("a number in (0, 1)"),
  COUNT("a count >= 0"),
  /** A count no larger than the trials: {@link #outsideCondition} needs the bound. */
  BOUNDED_COUNT("a count in [0, trials]"),
  BINARY("a label 0 or 1 (or a soft label in [0, 1] for a double)"),
  SIGNED_BINARY("a label -1 or +1 (true or false for a boolean)"),
  /** A class index below the number of logits, or a target distribution over the classes. */
  CATEGORY("a class index in [0, K), or K target probabilities in [0, 1]"),
  /** A vector of finite reals. */
  REAL_VECTOR("finite real numbers"),
  /** Item indices best first, possibly fewer than the items, padded with -1. */
  RANKING("distinct item indices in [0, K), best first, -1 padded");

  private final String description;

  Support(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** The two labels a binary response takes, the positive first; null for other supports. */
  public double[] labels() {
    switch (this) {
      case BINARY:
        return new double[] {1, 0};
      case SIGNED_BINARY:
        return new double[] {1, -1};
      default:
        return null;
    }
  }

  /**
   * A Java condition that is true when {@code value}, of the given type, lies outside the
   * support; null when every value of the type lies inside. Written so that NaN is outside.
   *
   * @param bound for {@link #BOUNDED_COUNT}, the Java expression of the upper bound
   */
  public String outsideCondition(String value, ValueType type, String bound) {
    switch (this) {
      case REAL:
        return "!Double.isFinite(" + value + ")";
      case POSITIVE_REAL:
        return "!(" + value + " > 0.0) || " + value + " == Double.POSITIVE_INFINITY";
      case NON_NEGATIVE_REAL:
        return "!(" + value + " >= 0.0) || " + value + " == Double.POSITIVE_INFINITY";
      case OPEN_UNIT_INTERVAL:
        return "!(" + value + " > 0.0 && " + value + " < 1.0)";
      case COUNT:
        return type == ValueType.DOUBLE
            ? "!(" + value + " >= 0.0) || " + value + " == Double.POSITIVE_INFINITY"
            : value + " < 0";
      case BOUNDED_COUNT:
        return value + " < 0 || " + value + " > " + bound;
      case BINARY:
        if (type == ValueType.BOOLEAN) {
          return null;
        }
        return type == ValueType.DOUBLE
            ? "!(" + value + " >= 0.0 && " + value + " <= 1.0)"
            : value + " != 0 && " + value + " != 1";
      case SIGNED_BINARY:
        return type == ValueType.BOOLEAN ? null : value + " != 1 && " + value + " != -1";
      case CATEGORY:
        return type == ValueType.INT ? value + " < 0 || " + value + " >= " + bound : null;
      case REAL_VECTOR:
      case RANKING:
        return null; // vectors are checked entry by entry, or by their runtime kernel
      default:
        throw new AssertionError(this);
    }
  }
}
