package dev.likelihood.processor.model;

/** Where a family parameter lives, which decides the links it accepts. */
public enum Domain {
  REAL("a real number", "any finite value"),
  POSITIVE("positive", "> 0"),
  PROBABILITY("a probability in (0, 1)", "in (0, 1)"),
  SIMPLEX("a probability vector", "on the simplex");

  private final String description;
  private final String condition;

  Domain(String description, String condition) {
    this.description = description;
    this.condition = condition;
  }

  public String description() {
    return description;
  }

  /** A short condition for run-time messages, such as "&gt; 0". */
  public String condition() {
    return condition;
  }
}
