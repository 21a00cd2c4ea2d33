package dev.likelihood.processor.model;

import dev.likelihood.Link;
import java.util.EnumSet;
import java.util.Set;

/** Which links a parameter's domain accepts (SPEC.md, "Links"). */
public final class LinkRules {

  /** How a link fits a domain. */
  public enum Fit {
    /** The link's image lies inside the domain. */
    SAFE,
    /** A GLM link whose image can leave the domain: accepted with a warning. */
    WARN,
    /** Not applicable to the domain. */
    ERROR
  }

  private static final Set<Link> PROBABILITY_LINKS =
      EnumSet.of(Link.LOGIT, Link.PROBIT, Link.CLOGLOG, Link.LOGLOG, Link.CAUCHIT);
  private static final Set<Link> POSITIVE_SAFE = EnumSet.of(Link.LOG, Link.SOFTPLUS);
  private static final Set<Link> POSITIVE_WARN =
      EnumSet.of(Link.IDENTITY, Link.INVERSE, Link.INVERSE_SQUARED, Link.SQRT);

  private LinkRules() {}

  public static Fit fit(Link link, Domain domain) {
    switch (domain) {
      case PROBABILITY:
        return PROBABILITY_LINKS.contains(link) ? Fit.SAFE : Fit.ERROR;
      case SIMPLEX:
        return link == Link.SOFTMAX ? Fit.SAFE : Fit.ERROR;
      case SCORE:
        return link == Link.IDENTITY ? Fit.SAFE : Fit.ERROR;
      case CHOLESKY_FACTOR:
        return link == Link.LOG ? Fit.SAFE : Fit.ERROR;
      case POSITIVE:
        if (POSITIVE_SAFE.contains(link)) {
          return Fit.SAFE;
        }
        return POSITIVE_WARN.contains(link) ? Fit.WARN : Fit.ERROR;
      case REAL:
        return PROBABILITY_LINKS.contains(link) || link == Link.SOFTMAX ? Fit.ERROR : Fit.SAFE;
      default:
        return Fit.ERROR; // counts and tuning constants are never linked: they are not learned
    }
  }

  /** The links a domain accepts without a warning, for messages. */
  public static String safeLinks(Domain domain) {
    switch (domain) {
      case PROBABILITY:
        return "LOGIT, PROBIT, CLOGLOG, LOGLOG, CAUCHIT";
      case SIMPLEX:
        return "SOFTMAX";
      case SCORE:
        return "IDENTITY";
      case CHOLESKY_FACTOR:
        return "LOG (of the diagonal)";
      case POSITIVE:
        return "LOG, SOFTPLUS";
      case REAL:
        return "IDENTITY, LOG, SOFTPLUS, INVERSE, INVERSE_SQUARED, SQRT";
      default:
        return "none";
    }
  }

  /**
   * Whether generated code must test eta before using it: the link's inverse is undefined or
   * leaves the domain for eta &lt;= 0 (R's {@code valideta}).
   */
  public static boolean needsPositiveEta(Link link, Domain domain) {
    return link == Link.INVERSE_SQUARED || (domain == Domain.POSITIVE && fit(link, domain) == Fit.WARN);
  }
}
