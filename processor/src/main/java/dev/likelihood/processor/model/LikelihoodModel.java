package dev.likelihood.processor.model;

import dev.likelihood.Family;
import java.util.List;
import java.util.Optional;

/**
 * A validated {@code @Likelihood} record: everything derivation and emission need, and nothing of
 * {@code javax.lang.model}.
 *
 * @param packageName the record's package, empty for the default package
 * @param recordName the record's name as code in that package refers to it ({@code Outer.Foo})
 * @param lossClassName the simple name of the class to generate
 * @param family the distribution
 * @param dropConstants whether additive terms free of parameters are omitted
 * @param components the annotated components, in record order
 * @param parameters the family's parameters in family order, each with how it is given
 * @param shadowedNames simple names of types generated code uses (Math, Checks...) that a type of
 *     the record's package hides, so generated code must qualify them
 */
public record LikelihoodModel(
    String packageName,
    String recordName,
    String lossClassName,
    Family family,
    boolean dropConstants,
    List<Component> components,
    List<ParameterBinding> parameters,
    List<String> shadowedNames) {

  public LikelihoodModel {
    components = List.copyOf(components);
    parameters = List.copyOf(parameters);
    shadowedNames = List.copyOf(shadowedNames);
  }

  public Component response() {
    return withRole(Role.RESPONSE).get();
  }

  public Optional<Component> offset() {
    return withRole(Role.OFFSET);
  }

  public Optional<Component> weight() {
    return withRole(Role.WEIGHT);
  }

  /** The {@code @Param} components, in record order: the gradient's layout. */
  public List<Component> paramComponents() {
    return components.stream().filter(c -> c.role() == Role.PARAM).toList();
  }

  /** The components that inference methods ({@code mean}, {@code mode}) take. */
  public List<Component> predictorComponents() {
    return components.stream()
        .filter(c -> c.role() == Role.PARAM || c.role() == Role.KNOWN)
        .toList();
  }

  public FamilySignature signature() {
    return FamilySignatures.of(family).orElseThrow();
  }

  private Optional<Component> withRole(Role role) {
    return components.stream().filter(c -> c.role() == role).findFirst();
  }
}
