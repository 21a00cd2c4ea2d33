package dev.likelihood.processor.fuzz;

import dev.likelihood.Family;
import dev.likelihood.Link;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fuzzer's own copy of SPEC.md's family table and link rules. It is written from the SPEC,
 * not read from the processor's {@code FamilySignatures}, so that the oracle does not inherit the
 * processor's mistakes.
 */
final class Families {

  /** Where a parameter lives (SPEC.md "Families" and "Links"). */
  enum Domain {
    REAL, POSITIVE, NON_NEGATIVE, PROBABILITY, WEIGHT_OR_OFF, COUNT, FRACTION, SIMPLEX, SCORE,
    CHOLESKY;

    boolean contains(double v) {
      switch (this) {
        case POSITIVE:
          return v > 0 && v < Double.POSITIVE_INFINITY;
        case NON_NEGATIVE:
          return v >= 0 && v < Double.POSITIVE_INFINITY;
        case PROBABILITY:
          return v > 0 && v < 1;
        case WEIGHT_OR_OFF:
          return (v >= 0 && v <= 1) || v == -1;
        case COUNT:
          return v >= 1 && v <= Integer.MAX_VALUE && v == Math.rint(v);
        case FRACTION:
          return v >= 0 && v < 1;
        default:
          return Double.isFinite(v);
      }
    }
  }

  /** How a parameter may be given. */
  enum Kind {
    /** learnable scalar without a default */
    REQUIRED,
    /** learnable scalar with a default (sigma = 1) */
    DEFAULTED,
    /** a tuning constant of the loss: @Constant (or default), never a @Param */
    TUNING,
    /** a positive whole number: @Known int or @Constant, never a @Param */
    COUNT,
    /** a learnable vector, only a @Param double[] */
    VECTOR,
    /** a vector with a default (MVN sigma) */
    VECTOR_DEFAULTED,
    /** an optional vector that replaces another (MVN scaleTril replaces sigma) */
    VECTOR_REPLACING
  }

  record Parameter(String name, Domain domain, Link defaultLink, Kind kind, String replaces) {
    boolean learnable() {
      return kind != Kind.TUNING && kind != Kind.COUNT;
    }

    boolean vector() {
      return kind == Kind.VECTOR || kind == Kind.VECTOR_DEFAULTED || kind == Kind.VECTOR_REPLACING;
    }

    boolean optional() {
      return kind == Kind.DEFAULTED || kind == Kind.TUNING || kind == Kind.VECTOR_DEFAULTED
          || kind == Kind.VECTOR_REPLACING;
    }

    /** The Java type of a @Param component giving it. */
    String paramType() {
      return vector() ? "double[]" : "double";
    }

    /** The Java type of a @Known component giving it. */
    String knownType() {
      return kind == Kind.COUNT ? "int" : vector() ? "double[]" : "double";
    }
  }

  /** The support of the response, which decides how the argument generator draws y. */
  enum Support {
    REAL, POSITIVE, NON_NEGATIVE, UNIT_OPEN, COUNT, BINARY, BOUNDED_COUNT, SIGNED_BINARY, CATEGORY,
    REAL_VECTOR, RANKING
  }

  record Signature(Family family, List<String> responseTypes, Support support, List<Parameter> parameters) {
    Parameter primary() {
      return parameters.get(0);
    }

    Optional<Parameter> parameter(String name) {
      return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    boolean vectorFamily() {
      return parameters.stream().anyMatch(Parameter::vector);
    }
  }

  private static final Map<Family, Signature> TABLE = new EnumMap<>(Family.class);

  static {
    List<String> real = List.of("double");
    add(Family.NORMAL, real, Support.REAL, loc("mu"), scale("sigma"));
    add(Family.LAPLACE, real, Support.REAL, loc("mu"), scale("scale"));
    add(Family.STUDENT_T, real, Support.REAL, loc("mu"), scale("sigma"), pos("nu"));
    add(Family.LOG_NORMAL, real, Support.POSITIVE, loc("mu"), scale("sigma"));
    add(Family.EXPONENTIAL, real, Support.NON_NEGATIVE, pos("rate"));
    add(Family.GAMMA, real, Support.POSITIVE, pos("mean"), pos("shape"));
    add(Family.INVERSE_GAUSSIAN, real, Support.POSITIVE, pos("mean"), pos("shape"));
    add(Family.BETA, real, Support.UNIT_OPEN, prob("mean"), pos("precision"));
    add(Family.VON_MISES, real, Support.REAL, loc("mu"), pos("kappa"));
    add(Family.POISSON, List.of("int", "long", "double"), Support.COUNT, pos("rate"));
    add(Family.BERNOULLI, List.of("boolean", "int", "double"), Support.BINARY, prob("p"));
    add(Family.BINOMIAL, List.of("int"), Support.BOUNDED_COUNT, prob("p"),
        new Parameter("trials", Domain.COUNT, Link.IDENTITY, Kind.COUNT, null));
    add(Family.NEGATIVE_BINOMIAL, List.of("int", "long"), Support.COUNT, pos("mean"), pos("size"));
    add(Family.HUBER, real, Support.REAL, loc("mu"), tuning("delta", Domain.POSITIVE));
    add(Family.LOG_COSH, real, Support.REAL, loc("mu"));
    add(Family.HINGE, List.of("boolean", "int"), Support.SIGNED_BINARY, loc("score"));
    add(Family.FOCAL, List.of("boolean", "int"), Support.BINARY, prob("p"),
        tuning("gamma", Domain.NON_NEGATIVE), tuning("alpha", Domain.WEIGHT_OR_OFF));
    add(Family.UNCERTAIN_BERNOULLI, List.of("boolean", "int"), Support.BINARY, prob("p"),
        new Parameter("uncertainty", Domain.POSITIVE, Link.SOFTPLUS, Kind.REQUIRED, null));
    add(Family.CATEGORICAL, List.of("int", "double[]"), Support.CATEGORY,
        vec("logits", Domain.SIMPLEX, Link.SOFTMAX, Kind.VECTOR),
        tuning("labelSmoothing", Domain.FRACTION));
    add(Family.GAUSSIAN_MIXTURE, real, Support.REAL,
        vec("weights", Domain.SIMPLEX, Link.SOFTMAX, Kind.VECTOR),
        vec("mu", Domain.REAL, Link.IDENTITY, Kind.VECTOR),
        vec("sigma", Domain.POSITIVE, Link.LOG, Kind.VECTOR));
    add(Family.MULTIVARIATE_NORMAL, List.of("double[]"), Support.REAL_VECTOR,
        vec("mu", Domain.REAL, Link.IDENTITY, Kind.VECTOR),
        vec("sigma", Domain.POSITIVE, Link.LOG, Kind.VECTOR_DEFAULTED),
        new Parameter("scaleTril", Domain.CHOLESKY, Link.LOG, Kind.VECTOR_REPLACING, "sigma"));
    add(Family.PLACKETT_LUCE, List.of("int[]"), Support.RANKING,
        vec("scores", Domain.SCORE, Link.IDENTITY, Kind.VECTOR));
  }

  private Families() {}

  static Signature of(Family family) {
    return TABLE.get(family);
  }

  static List<Family> all() {
    return List.copyOf(TABLE.keySet());
  }

  /** How a link fits a parameter (SPEC.md "Links"). */
  enum Fit { SAFE, WARN, ERROR }

  static final Set<Link> PROBABILITY_LINKS =
      EnumSet.of(Link.LOGIT, Link.PROBIT, Link.CLOGLOG, Link.LOGLOG, Link.CAUCHIT);

  static Fit fit(Link link, Parameter p) {
    Fit fit = scalarFit(link, p.domain());
    // Vector parameters get no run-time guard, so a link that can leave the domain (or
    // INVERSE_SQUARED, defined for eta > 0 only) is an error there (docs/errors.md,
    // LikelihoodLinkNotAllowed).
    return p.vector() && (fit == Fit.WARN || link == Link.INVERSE_SQUARED) ? Fit.ERROR : fit;
  }

  private static Fit scalarFit(Link link, Domain domain) {
    switch (domain) {
      case PROBABILITY:
        return PROBABILITY_LINKS.contains(link) ? Fit.SAFE : Fit.ERROR;
      case SIMPLEX:
        return link == Link.SOFTMAX ? Fit.SAFE : Fit.ERROR;
      case SCORE: // SPEC: scores [IDENTITY]; the kernel takes them as they are
        return link == Link.IDENTITY ? Fit.SAFE : Fit.ERROR;
      case CHOLESKY: // SPEC: diagonal through LOG
        return link == Link.LOG ? Fit.SAFE : Fit.ERROR;
      case POSITIVE:
        if (link == Link.LOG || link == Link.SOFTPLUS) {
          return Fit.SAFE;
        }
        return EnumSet.of(Link.IDENTITY, Link.INVERSE, Link.INVERSE_SQUARED, Link.SQRT).contains(link)
            ? Fit.WARN
            : Fit.ERROR;
      case REAL:
        return PROBABILITY_LINKS.contains(link) || link == Link.SOFTMAX ? Fit.ERROR : Fit.SAFE;
      default:
        return Fit.ERROR;
    }
  }

  private static Parameter loc(String name) {
    return new Parameter(name, Domain.REAL, Link.IDENTITY, Kind.REQUIRED, null);
  }

  private static Parameter scale(String name) {
    return new Parameter(name, Domain.POSITIVE, Link.LOG, Kind.DEFAULTED, null);
  }

  private static Parameter pos(String name) {
    return new Parameter(name, Domain.POSITIVE, Link.LOG, Kind.REQUIRED, null);
  }

  private static Parameter prob(String name) {
    return new Parameter(name, Domain.PROBABILITY, Link.LOGIT, Kind.REQUIRED, null);
  }

  private static Parameter tuning(String name, Domain domain) {
    return new Parameter(name, domain, Link.IDENTITY, Kind.TUNING, null);
  }

  private static Parameter vec(String name, Domain domain, Link link, Kind kind) {
    return new Parameter(name, domain, link, kind, null);
  }

  private static void add(Family f, List<String> types, Support s, Parameter... ps) {
    TABLE.put(f, new Signature(f, types, s, List.of(ps)));
  }
}
