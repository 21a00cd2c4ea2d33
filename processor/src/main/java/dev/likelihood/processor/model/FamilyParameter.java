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
 * @param vector whether it is a vector (a {@code double[]} with one entry per class, component or
 *     dimension), which only a {@code @Param} can give
 * @param replaces the parameter this one replaces when the record gives it (MULTIVARIATE_NORMAL's
 *     scaleTril replaces sigma); such a parameter is optional, and the two exclude each other
 */
public record FamilyParameter(
    String name,
    Domain domain,
    Link defaultLink,
    double defaultValue,
    boolean learnable,
    ValueType knownType,
    boolean vector,
    String replaces) {

  public static FamilyParameter required(String name, Domain domain, Link defaultLink) {
    return new FamilyParameter(name, domain, defaultLink, Double.NaN, true, ValueType.DOUBLE, false, null);
  }

  public static FamilyParameter withDefault(
      String name, Domain domain, Link defaultLink, double defaultValue) {
    return new FamilyParameter(name, domain, defaultLink, defaultValue, true, ValueType.DOUBLE, false, null);
  }

  /** A tuning constant of the loss (Huber's delta, focal gamma): {@code @Constant} only. */
  public static FamilyParameter tuning(String name, Domain domain, double defaultValue) {
    return new FamilyParameter(name, domain, Link.IDENTITY, defaultValue, false, ValueType.DOUBLE, false, null);
  }

  /** A whole number known per sample or fixed (binomial trials), never learned. */
  public static FamilyParameter count(String name) {
    return new FamilyParameter(name, Domain.COUNT, Link.IDENTITY, Double.NaN, false, ValueType.INT, false, null);
  }

  /** A vector parameter that must be given, as a {@code @Param double[]}. */
  public static FamilyParameter vector(String name, Domain domain, Link defaultLink) {
    return new FamilyParameter(name, domain, defaultLink, Double.NaN, true, ValueType.DOUBLE_ARRAY, true, null);
  }

  /** A vector parameter whose every entry defaults to one value when the record omits it. */
  public static FamilyParameter vectorWithDefault(
      String name, Domain domain, Link defaultLink, double defaultValue) {
    return new FamilyParameter(
        name, domain, defaultLink, defaultValue, true, ValueType.DOUBLE_ARRAY, true, null);
  }

  /** An optional vector parameter that, when given, takes the place of {@code replaced}. */
  public static FamilyParameter vectorReplacing(
      String name, Domain domain, Link defaultLink, String replaced) {
    return new FamilyParameter(
        name, domain, defaultLink, Double.NaN, true, ValueType.DOUBLE_ARRAY, true, replaced);
  }

  /** The type of a {@code @Param} component giving it. */
  public ValueType paramType() {
    return vector ? ValueType.DOUBLE_ARRAY : ValueType.DOUBLE;
  }

  public boolean hasDefault() {
    return !Double.isNaN(defaultValue);
  }
}
