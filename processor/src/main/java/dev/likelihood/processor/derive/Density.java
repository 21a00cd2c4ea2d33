package dev.likelihood.processor.derive;

/**
 * A family written in the IR over the response {@link Densities#Y} and its natural parameters
 * {@link Densities#theta}.
 *
 * @param nll the full negative log-density
 * @param formula the negative log-density as the Javadoc states it
 * @param mean the distribution's mean, or null where undefined
 * @param mode the distribution's mode, or null where undefined
 */
public record Density(Expr nll, String formula, Expr mean, Expr mode) {}
