package dev.likelihood.processor.model;

/** The set an observation must lie in, and how generated code tests membership. */
public enum Support {
  REAL("a finite real number"),
  COUNT("a count >= 0"),
  BINARY("a label 0 or 1 (or a soft label in [0, 1] for a double)");

  private final String description;

  Support(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /**
   * A Java condition that is true when {@code value}, of the given type, lies outside the
   * support; null when every value of the type lies inside. Written so that NaN is outside.
   */
  public String outsideCondition(String value, ValueType type) {
    switch (this) {
      case REAL:
        return "!Double.isFinite(" + value + ")";
      case COUNT:
        return type == ValueType.DOUBLE
            ? "!(" + value + " >= 0.0) || " + value + " == Double.POSITIVE_INFINITY"
            : value + " < 0";
      case BINARY:
        if (type == ValueType.BOOLEAN) {
          return null;
        }
        return type == ValueType.DOUBLE
            ? "!(" + value + " >= 0.0 && " + value + " <= 1.0)"
            : value + " != 0 && " + value + " != 1";
      default:
        throw new AssertionError(this);
    }
  }
}
