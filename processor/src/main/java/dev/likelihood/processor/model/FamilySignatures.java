package dev.likelihood.processor.model;

import static dev.likelihood.processor.model.FamilyParameter.count;
import static dev.likelihood.processor.model.FamilyParameter.required;
import static dev.likelihood.processor.model.FamilyParameter.tuning;
import static dev.likelihood.processor.model.FamilyParameter.vector;
import static dev.likelihood.processor.model.FamilyParameter.vectorReplacing;
import static dev.likelihood.processor.model.FamilyParameter.vectorWithDefault;
import static dev.likelihood.processor.model.FamilyParameter.withDefault;

import dev.likelihood.Family;
import dev.likelihood.Link;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The signatures of the families this processor can derive, as SPEC.md tabulates them. */
public final class FamilySignatures {

  private static final Map<Family, FamilySignature> SIGNATURES = new EnumMap<>(Family.class);

  private static final Set<ValueType> REAL = Set.of(ValueType.DOUBLE);
  private static final Set<ValueType> COUNTS = Set.of(ValueType.INT, ValueType.LONG);
  private static final Set<ValueType> LABELS = Set.of(ValueType.BOOLEAN, ValueType.INT);

  static {
    add(Family.NORMAL, REAL, Support.REAL, location("mu"), scale("sigma"));
    add(Family.LAPLACE, REAL, Support.REAL, location("mu"), scale("scale"));
    add(
        Family.STUDENT_T,
        REAL,
        Support.REAL,
        location("mu"),
        scale("sigma"),
        required("nu", Domain.POSITIVE, Link.LOG));
    add(Family.LOG_NORMAL, REAL, Support.POSITIVE_REAL, location("mu"), scale("sigma"));
    add(Family.EXPONENTIAL, REAL, Support.NON_NEGATIVE_REAL, positive("rate"));
    add(Family.GAMMA, REAL, Support.POSITIVE_REAL, positive("mean"), positive("shape"));
    add(Family.INVERSE_GAUSSIAN, REAL, Support.POSITIVE_REAL, positive("mean"), positive("shape"));
    add(
        Family.BETA,
        REAL,
        Support.OPEN_UNIT_INTERVAL,
        probability("mean"),
        positive("precision"));
    add(Family.VON_MISES, REAL, Support.REAL, location("mu"), positive("kappa"));
    add(
        Family.POISSON,
        Set.of(ValueType.INT, ValueType.LONG, ValueType.DOUBLE),
        Support.COUNT,
        positive("rate"));
    add(
        Family.BERNOULLI,
        Set.of(ValueType.BOOLEAN, ValueType.INT, ValueType.DOUBLE),
        Support.BINARY,
        probability("p"));
    add(Family.BINOMIAL, Set.of(ValueType.INT), Support.BOUNDED_COUNT, probability("p"), count("trials"));
    add(Family.NEGATIVE_BINOMIAL, COUNTS, Support.COUNT, positive("mean"), positive("size"));
    add(Family.HUBER, REAL, Support.REAL, location("mu"), tuning("delta", Domain.POSITIVE, 1));
    add(Family.LOG_COSH, REAL, Support.REAL, location("mu"));
    add(Family.HINGE, LABELS, Support.SIGNED_BINARY, location("score"));
    add(
        Family.FOCAL,
        LABELS,
        Support.BINARY,
        probability("p"),
        tuning("gamma", Domain.NON_NEGATIVE, 2),
        tuning("alpha", Domain.WEIGHT_OR_OFF, -1));
    add(
        Family.UNCERTAIN_BERNOULLI,
        LABELS,
        Support.BINARY,
        probability("p"),
        required("uncertainty", Domain.POSITIVE, Link.SOFTPLUS));
    add(
        Family.CATEGORICAL,
        Set.of(ValueType.INT, ValueType.DOUBLE_ARRAY),
        Support.CATEGORY,
        vector("logits", Domain.SIMPLEX, Link.SOFTMAX),
        tuning("labelSmoothing", Domain.FRACTION, 0));
    add(
        Family.GAUSSIAN_MIXTURE,
        REAL,
        Support.REAL,
        vector("weights", Domain.SIMPLEX, Link.SOFTMAX),
        vector("mu", Domain.REAL, Link.IDENTITY),
        vector("sigma", Domain.POSITIVE, Link.LOG));
    add(
        Family.MULTIVARIATE_NORMAL,
        Set.of(ValueType.DOUBLE_ARRAY),
        Support.REAL_VECTOR,
        vector("mu", Domain.REAL, Link.IDENTITY),
        vectorWithDefault("sigma", Domain.POSITIVE, Link.LOG, 1.0),
        vectorReplacing("scaleTril", Domain.CHOLESKY_FACTOR, Link.LOG, "sigma"));
    add(
        Family.PLACKETT_LUCE,
        Set.of(ValueType.INT_ARRAY),
        Support.RANKING,
        vector("scores", Domain.SCORE, Link.IDENTITY));
  }

  private FamilySignatures() {}

  /** The signature, or empty for a family not implemented yet. */
  public static Optional<FamilySignature> of(Family family) {
    return Optional.ofNullable(SIGNATURES.get(family));
  }

  /** The families that can be derived, for error messages. */
  public static Set<Family> implemented() {
    return SIGNATURES.keySet();
  }

  private static FamilyParameter location(String name) {
    return required(name, Domain.REAL, Link.IDENTITY);
  }

  private static FamilyParameter scale(String name) {
    return withDefault(name, Domain.POSITIVE, Link.LOG, 1.0);
  }

  private static FamilyParameter positive(String name) {
    return required(name, Domain.POSITIVE, Link.LOG);
  }

  private static FamilyParameter probability(String name) {
    return required(name, Domain.PROBABILITY, Link.LOGIT);
  }

  private static void add(
      Family family, Set<ValueType> types, Support support, FamilyParameter... parameters) {
    SIGNATURES.put(family, new FamilySignature(family, types, support, List.of(parameters)));
  }
}
