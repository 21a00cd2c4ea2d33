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
 */
public record FamilyParameter(String name, Domain domain, Link defaultLink, double defaultValue) {

  public static FamilyParameter required(String name, Domain domain, Link defaultLink) {
    return new FamilyParameter(name, domain, defaultLink, Double.NaN);
  }

  public static FamilyParameter withDefault(
      String name, Domain domain, Link defaultLink, double defaultValue) {
    return new FamilyParameter(name, domain, defaultLink, defaultValue);
  }

  public boolean hasDefault() {
    return !Double.isNaN(defaultValue);
  }
}
