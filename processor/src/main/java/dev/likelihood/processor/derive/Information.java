package dev.likelihood.processor.derive;

/**
 * The expected (Fisher) information of one sample for a family's primary parameter theta,
 * E[d2 nll / d theta2], written as {@code coefficient / (first second)}: the form in which the
 * link's slope can be carried into it stably. Each denominator is given by its logarithm and
 * its slope in theta (+1 for theta + c, -1 for c - theta, 0 for a denominator of 1), so that
 * (d theta / d eta) / denominator becomes slope * d log(denominator) / d eta, a derivative the
 * stable rewrites already know (d log p / d eta = sigmoid(-eta) under the logit link, where
 * p'/p would be 0/0 at eta = -800).
 *
 * @param coefficient the numerator, over the natural parameters
 * @param first the first denominator
 * @param second the second denominator
 */
public record Information(Expr coefficient, Denominator first, Denominator second) {

  /**
   * One factor of the information's denominator.
   *
   * @param log its logarithm over the natural parameters, null for a denominator of 1
   * @param slope d denominator / d theta: +1 or -1, or 0 for a denominator of 1
   */
  public record Denominator(Expr log, double slope) {}

  /** A denominator of 1: the link's slope d theta / d eta enters as it is. */
  public static final Denominator ONE = new Denominator(null, 0);

  /** The denominator theta + c or c - theta (slope +-1), given by its logarithm. */
  public static Denominator over(Expr log, double slope) {
    return new Denominator(log, slope);
  }

  /** coefficient / (first second). */
  public static Information of(Expr coefficient, Denominator first, Denominator second) {
    return new Information(coefficient, first, second);
  }

  /** A constant times (d theta / d eta)^2 (a location family). */
  public static Information constantTimesSlopeSquared(Expr coefficient) {
    return new Information(coefficient, ONE, ONE);
  }
}
