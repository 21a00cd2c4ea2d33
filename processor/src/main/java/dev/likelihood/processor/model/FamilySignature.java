package dev.likelihood.processor.model;

import dev.likelihood.Family;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a family accepts: its response types and support, and its parameters in order (the
 * first is primary).
 */
public record FamilySignature(
    Family family, Set<ValueType> responseTypes, Support support, List<FamilyParameter> parameters) {

  public FamilySignature {
    responseTypes = Set.copyOf(responseTypes);
    parameters = List.copyOf(parameters);
  }

  public FamilyParameter primary() {
    return parameters.get(0);
  }

  public Optional<FamilyParameter> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
