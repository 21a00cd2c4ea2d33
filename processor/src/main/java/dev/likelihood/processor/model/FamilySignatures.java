package dev.likelihood.processor.model;

import static dev.likelihood.processor.model.FamilyParameter.withDefault;
import static dev.likelihood.processor.model.FamilyParameter.required;

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

  static {
    add(
        Family.NORMAL,
        Set.of(ValueType.DOUBLE),
        Support.REAL,
        required("mu", Domain.REAL, Link.IDENTITY),
        withDefault("sigma", Domain.POSITIVE, Link.LOG, 1.0));
    add(
        Family.BERNOULLI,
        Set.of(ValueType.BOOLEAN, ValueType.INT, ValueType.DOUBLE),
        Support.BINARY,
        required("p", Domain.PROBABILITY, Link.LOGIT));
    add(
        Family.POISSON,
        Set.of(ValueType.INT, ValueType.LONG, ValueType.DOUBLE),
        Support.COUNT,
        required("rate", Domain.POSITIVE, Link.LOG));
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

  private static void add(
      Family family, Set<ValueType> types, Support support, FamilyParameter... parameters) {
    SIGNATURES.put(family, new FamilySignature(family, types, support, List.of(parameters)));
  }
}
