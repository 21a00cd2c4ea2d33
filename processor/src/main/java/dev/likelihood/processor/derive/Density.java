package dev.likelihood.processor.derive;

/**
 * A family written in the IR over the response {@link Densities#Y} and its natural parameters
 * {@link Densities#theta}.
 *
 * @param nll the full negative log-density
 * @param formula the negative log-density as the Javadoc states it
 * @param mean the distribution's mean, or null where undefined
 * @param mode the distribution's mode, or null where undefined
 * @param information the expected information of one sample for the primary parameter, or null
 *     where the family has none in closed form (then no {@code fisherWeight} is generated)
 */
public record Density(Expr nll, String formula, Expr mean, Expr mode, Information information) {

  /** A density without a closed-form expected information. */
  public Density(Expr nll, String formula, Expr mean, Expr mode) {
    this(nll, formula, mean, mode, null);
  }

  /** The same density with its expected information for the primary parameter. */
  public Density withInformation(Information information) {
    return new Density(nll, formula, mean, mode, information);
  }
}
