package dev.likelihood;

/** Maps an unconstrained model output eta onto a parameter: theta = inverse-link(eta). */
public enum Link {
  /** theta = eta. */
  IDENTITY,
  /** theta = exp(eta). */
  LOG,
  /** theta = log(1 + exp(eta)). */
  SOFTPLUS,
  /** theta = 1 / (1 + exp(-eta)); probabilities only. */
  LOGIT,
  /** theta = Phi(eta), the standard normal CDF; probabilities only. */
  PROBIT,
  /** theta = 1 - exp(-exp(eta)); probabilities only. */
  CLOGLOG,
  /** theta = exp(-exp(-eta)); probabilities only. */
  LOGLOG,
  /** theta = 1/2 + atan(eta)/pi; probabilities only. */
  CAUCHIT,
  /** theta = 1 / eta. */
  INVERSE,
  /** theta = 1 / sqrt(eta). */
  INVERSE_SQUARED,
  /** theta = eta^2. */
  SQRT,
  /** A vector onto the probability simplex; simplex parameters only. */
  SOFTMAX,
  /** The family's default link for the parameter. */
  DEFAULT
}
