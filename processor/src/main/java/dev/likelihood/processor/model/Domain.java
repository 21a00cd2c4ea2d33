package dev.likelihood.processor.model;

/** Where a family parameter lives, which decides the links and constant values it accepts. */
public enum Domain {
  REAL("a real number", "any finite value"),
  POSITIVE("positive", "> 0"),
  NON_NEGATIVE("non-negative", ">= 0"),
  PROBABILITY("a probability in (0, 1)", "in (0, 1)"),
  /** A class weight in [0, 1], or -1 to switch it off (torchvision's focal-loss alpha). */
  WEIGHT_OR_OFF("a weight in [0, 1], or -1 for none", "in [0, 1] or -1"),
  /** A positive whole number, such as binomial trials. */
  COUNT("a positive whole number", ">= 1"),
  /** A fraction in [0, 1), such as label smoothing. */
  FRACTION("a fraction in [0, 1)", "in [0, 1)"),
  SIMPLEX("a probability vector", "on the simplex"),
  /** Real scores (log-worths) that a runtime kernel takes as they are. */
  SCORE("a vector of real scores", "any finite values"),
  /** A lower Cholesky factor whose diagonal is positive: a runtime kernel applies the link. */
  CHOLESKY_FACTOR("a lower Cholesky factor with a positive diagonal", "lower triangular, diagonal > 0");

  private final String description;
  private final String condition;

  Domain(String description, String condition) {
    this.description = description;
    this.condition = condition;
  }

  public String description() {
    return description;
  }

  /** A short condition for messages, such as "&gt; 0". */
  public String condition() {
    return condition;
  }

  /** Whether a constant value lies in the domain. */
  public boolean contains(double value) {
    switch (this) {
      case POSITIVE:
        return value > 0 && value < Double.POSITIVE_INFINITY;
      case NON_NEGATIVE:
        return value >= 0 && value < Double.POSITIVE_INFINITY;
      case PROBABILITY:
        return value > 0 && value < 1;
      case FRACTION:
        return value >= 0 && value < 1;
      case WEIGHT_OR_OFF:
        return (value >= 0 && value <= 1) || value == -1;
      case COUNT:
        return value >= 1 && value <= Integer.MAX_VALUE && value == Math.rint(value);
      default:
        return Double.isFinite(value);
    }
  }
}
