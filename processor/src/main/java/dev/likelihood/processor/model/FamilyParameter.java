package dev.likelihood.processor.model;

import dev.likelihood.Link;

/**
 * One parameter of a family's signature.
 *
 * @param name the name users write in {@code @Param("name")}, {@code @Known} or {@code @Constant}
 * @param domain where the parameter lives
 * @param defaultLink the link used when none is named
 * @param defaultValue the value taken when the record gives the parameter no other way; NaN when
 *     the parameter is required
 * @param learnable whether it may be a {@code @Param}; a count or a tuning constant may not
 * @param knownType the type of a {@code @Known} component giving it
 */
public record FamilyParameter(
    String name,
    Domain domain,
    Link defaultLink,
    double defaultValue,
    boolean learnable,
    ValueType knownType) {

  public static FamilyParameter required(String name, Domain domain, Link defaultLink) {
    return new FamilyParameter(name, domain, defaultLink, Double.NaN, true, ValueType.DOUBLE);
  }

  public static FamilyParameter withDefault(
      String name, Domain domain, Link defaultLink, double defaultValue) {
    return new FamilyParameter(name, domain, defaultLink, defaultValue, true, ValueType.DOUBLE);
  }

  /** A tuning constant of the loss (Huber's delta, focal gamma): {@code @Constant} only. */
  public static FamilyParameter tuning(String name, Domain domain, double defaultValue) {
    return new FamilyParameter(name, domain, Link.IDENTITY, defaultValue, false, ValueType.DOUBLE);
  }

  /** A whole number known per sample or fixed (binomial trials), never learned. */
  public static FamilyParameter count(String name) {
    return new FamilyParameter(name, Domain.COUNT, Link.IDENTITY, Double.NaN, false, ValueType.INT);
  }

  public boolean hasDefault() {
    return !Double.isNaN(defaultValue);
  }
}
