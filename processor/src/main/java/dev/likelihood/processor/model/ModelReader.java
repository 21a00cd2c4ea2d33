package dev.likelihood.processor.model;

import dev.likelihood.Family;
import dev.likelihood.Link;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads a {@code @Likelihood} type into a {@link LikelihoodModel}, reporting every problem it
 * finds (not just the first) on the element that causes it. Returns empty if any error was
 * reported; nothing past this class sees {@code javax.lang.model}.
 */
public final class ModelReader {

  /** The simple names generated code uses unqualified; a type of the same name must not hide them. */
  private static final List<String> NAMES_GENERATED_CODE_USES =
      List.of(
          "Math", "Double", "Objects", "Override", "Generated", "StableMath", "GammaMath",
          "BesselMath", "UncertainSigmoid", "StudentMath", "Kernels", "RobustMath", "PlackettLuce",
          "CholeskyNormal",
          "Checks", "Reduction", "LikelihoodLoss",
          "CompensatedSum", "ParallelBatch", "ForkJoinPool", "Softmax");

  /** Identifiers that are not keywords but cannot name a class (JLS 3.9, TypeIdentifier). */
  private static final Set<String> RESTRICTED_TYPE_NAMES =
      Set.of("var", "yield", "record", "sealed", "permits");

  private final Map<String, String> takenNames;
  private final Elements elements;
  private final Reporter reporter;

  /**
   * @param takenNames what already holds each qualified name: the types compiled from source so
   *     far and the classes generated so far (a class file of a generated name may be this
   *     processor's own output of an earlier build, which is no clash, so class files are not
   *     consulted)
   * @param elements to find the types of a package that would shadow names generated code uses
   * @param reporter where diagnostics go
   */
  public ModelReader(Map<String, String> takenNames, Elements elements, Reporter reporter) {
    this.takenNames = takenNames;
    this.elements = elements;
    this.reporter = reporter;
  }

  public Optional<LikelihoodModel> read(TypeElement type) {
    int errorsBefore = reporter.errorCount();
    AnnotationMirror likelihood = Annotations.find(type, Annotations.LIKELIHOOD).orElseThrow();
    if (type.getKind() != ElementKind.RECORD) {
      reporter.error(
          type, likelihood, null, Diagnostic.NOT_A_RECORD, type.getSimpleName(),
          kindName(type.getKind()), type.getSimpleName());
      return Optional.empty();
    }
    checkAccessible(type, likelihood);
    Optional<FamilySignature> signature = family(type, likelihood);
    String lossClassName = lossClassName(type, likelihood);
    List<Component> components = new ArrayList<>();
    Map<Component, RecordComponentElement> sources = new LinkedHashMap<>();
    Set<String> rejected = new HashSet<>();
    for (RecordComponentElement element : type.getRecordComponents()) {
      component(element, signature, rejected).ifPresent(c -> {
        components.add(c);
        sources.put(c, element);
      });
    }
    checkRoles(type, components, sources);
    List<ParameterBinding> bindings =
        signature.map(s -> new ParameterResolver(s, type, likelihood, sources, rejected, reporter).resolve())
            .orElse(List.of());
    checkOffset(signature, components, bindings, sources);
    if (reporter.errorCount() > errorsBefore || signature.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new LikelihoodModel(
            packageOf(type),
            nameInPackage(type),
            lossClassName,
            signature.get().family(),
            Annotations.bool(likelihood, "dropConstants", false),
            components,
            bindings,
            shadowedNames(type, lossClassName)));
  }

  /**
   * The names generated code uses that a type in the record's package (or the record) hides, or
   * that a component or the generated class itself obscures: a parameter named {@code Math} makes {@code Math.exp} a field
   * access on a double (JLS 6.4.2), so the type must be written qualified.
   */
  private List<String> shadowedNames(TypeElement type, String lossClassName) {
    String pkg = packageOf(type);
    List<String> shadowed = new ArrayList<>();
    for (String name : NAMES_GENERATED_CODE_USES) {
      boolean nested = type.getEnclosedElements().stream()
          .anyMatch(e -> (e.getKind().isClass() || e.getKind().isInterface())
              && e.getSimpleName().contentEquals(name));
      boolean component = type.getRecordComponents().stream()
          .anyMatch(c -> c.getSimpleName().contentEquals(name));
      if (nested || component || name.equals(lossClassName)
          || elements.getTypeElement(pkg.isEmpty() ? name : pkg + "." + name) != null) {
        shadowed.add(name);
      }
    }
    return shadowed;
  }

  private void checkAccessible(TypeElement type, AnnotationMirror likelihood) {
    if (!type.getTypeParameters().isEmpty()) {
      reporter.error(type, likelihood, null, Diagnostic.GENERIC_RECORD, type.getSimpleName());
    }
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      String problem =
          t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS
              ? "declared inside a method"
              : t.getModifiers().contains(Modifier.PRIVATE)
                  ? (t == type ? "private" : "inside the private " + t.getSimpleName())
                  : null;
      if (problem != null) {
        reporter.error(
            type, likelihood, null, Diagnostic.INACCESSIBLE_RECORD, type.getSimpleName(), problem,
            defaultLossName(type));
        return;
      }
    }
  }

  private Optional<FamilySignature> family(TypeElement type, AnnotationMirror likelihood) {
    String name = Annotations.enumName(likelihood, "family", null);
    Family family;
    try {
      family = Family.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty(); // javac has already reported the unresolvable constant
    }
    Optional<FamilySignature> signature = FamilySignatures.of(family);
    if (signature.isEmpty()) {
      reporter.error(
          type, likelihood, Annotations.explicit(likelihood, "family").orElse(null),
          Diagnostic.UNSUPPORTED_FAMILY, family,
          FamilySignatures.implemented().stream().map(Enum::name).collect(Collectors.joining(", ")));
    }
    return signature;
  }

  private String lossClassName(TypeElement type, AnnotationMirror likelihood) {
    String explicit = Annotations.string(likelihood, "className", "");
    String name = explicit.isEmpty() ? defaultLossName(type) : explicit;
    if (!explicit.isEmpty()
        && (!SourceVersion.isIdentifier(explicit) || SourceVersion.isKeyword(explicit)
            || RESTRICTED_TYPE_NAMES.contains(explicit))) {
      reporter.error(
          type, likelihood, Annotations.explicit(likelihood, "className").orElse(null),
          Diagnostic.INVALID_CLASS_NAME, explicit, defaultLossName(type));
      return name;
    }
    String qualified = packageOf(type).isEmpty() ? name : packageOf(type) + "." + name;
    String holder = takenNames.get(qualified);
    if (holder != null) {
      reporter.error(type, likelihood, null, Diagnostic.NAME_CLASH, name, holder);
    }
    return name;
  }

  /**
   * The component's model, or empty if it has none of our annotations or was rejected; the
   * parameters a rejected component meant to give go into {@code rejected}, so that they are not
   * reported missing as well.
   */
  private Optional<Component> component(
      RecordComponentElement element, Optional<FamilySignature> signature, Set<String> rejected) {
    Optional<Component> component = readComponent(element, signature);
    if (component.isEmpty()) {
      Annotations.find(element, Annotations.PARAM).ifPresent(m -> rejected.add(
          Annotations.string(m, "value", "").isEmpty()
              ? signature.map(s -> s.primary().name()).orElse("")
              : Annotations.string(m, "value", "")));
      Annotations.find(element, Annotations.KNOWN)
          .ifPresent(m -> rejected.add(Annotations.string(m, "value", "")));
    }
    return component;
  }

  private Optional<Component> readComponent(
      RecordComponentElement element, Optional<FamilySignature> signature) {
    List<Role> roles = new ArrayList<>();
    List<AnnotationMirror> mirrors = new ArrayList<>();
    for (Role role : Role.values()) {
      Annotations.find(element, annotationName(role)).ifPresent(m -> {
        roles.add(role);
        mirrors.add(m);
      });
    }
    if (roles.isEmpty()) {
      return Optional.empty();
    }
    String name = element.getSimpleName().toString();
    if (roles.size() > 1) {
      reporter.error(
          element, Diagnostic.CONFLICTING_ANNOTATIONS, name,
          roles.stream().map(Role::annotation).collect(Collectors.joining(" and ")));
      return Optional.empty();
    }
    Role role = roles.get(0);
    AnnotationMirror mirror = mirrors.get(0);
    Optional<ValueType> type = valueType(element.asType());
    String parameter = null;
    if (role == Role.RESPONSE) {
      if (signature.isPresent()
          && (type.isEmpty() || !signature.get().responseTypes().contains(type.get()))) {
        reporter.error(
            element, Diagnostic.RESPONSE_TYPE, name, element.asType(), signature.get().family(),
            describeTypes(signature.get()));
        return Optional.empty();
      }
    } else {
      ValueType expected = expectedType(role, mirror, signature);
      if (type.isEmpty() || type.get() != expected) {
        reporter.error(
            element, Diagnostic.COMPONENT_TYPE, role.annotation(), name, element.asType(),
            expected.javaName());
        return Optional.empty();
      }
      if (role == Role.PARAM) {
        parameter = Annotations.string(mirror, "value", "");
      } else if (role == Role.KNOWN) {
        parameter = Annotations.string(mirror, "value", "");
      }
    }
    return Optional.of(new Component(name, role, type.orElse(ValueType.DOUBLE), parameter));
  }

  /** double, except for a @Known count such as binomial trials, which is an int. */
  private static ValueType expectedType(
      Role role, AnnotationMirror mirror, Optional<FamilySignature> signature) {
    if (signature.isEmpty() || (role != Role.KNOWN && role != Role.PARAM)) {
      return ValueType.DOUBLE;
    }
    String name = Annotations.string(mirror, "value", "");
    if (role == Role.PARAM) {
      return (name.isEmpty() ? Optional.of(signature.get().primary()) : signature.get().parameter(name))
          .map(FamilyParameter::paramType)
          .orElse(ValueType.DOUBLE);
    }
    return signature.get().parameter(name)
        .map(FamilyParameter::knownType)
        .orElse(ValueType.DOUBLE);
  }

  private void checkRoles(
      TypeElement type, List<Component> components, Map<Component, RecordComponentElement> sources) {
    Map<Role, Component> first = new LinkedHashMap<>();
    for (Component c : components) {
      if (c.role() == Role.PARAM || c.role() == Role.KNOWN) {
        continue;
      }
      Component earlier = first.putIfAbsent(c.role(), c);
      if (earlier == null) {
        continue;
      }
      if (c.role() == Role.RESPONSE) {
        reporter.error(sources.get(c), Diagnostic.DUPLICATE_RESPONSE, c.name(), earlier.name());
      } else {
        reporter.error(
            sources.get(c), Diagnostic.DUPLICATE_ROLE, c.name(), c.role().annotation(), earlier.name());
      }
    }
    boolean responseWasRejected =
        type.getRecordComponents().stream()
            .anyMatch(e -> Annotations.find(e, Annotations.RESPONSE).isPresent());
    if (!first.containsKey(Role.RESPONSE) && !responseWasRejected) {
      reporter.error(type, Diagnostic.MISSING_RESPONSE, type.getSimpleName());
    }
  }

  private void checkOffset(
      Optional<FamilySignature> signature,
      List<Component> components,
      List<ParameterBinding> bindings,
      Map<Component, RecordComponentElement> sources) {
    Optional<Component> offset = components.stream().filter(c -> c.role() == Role.OFFSET).findFirst();
    if (offset.isEmpty() || signature.isEmpty()) {
      return;
    }
    FamilyParameter primary = signature.get().primary();
    if (primary.vector()) {
      reporter.error(
          sources.get(offset.get()), Diagnostic.VECTOR_OFFSET, offset.get().name(),
          primary.name(), signature.get().family());
      return;
    }
    // a primary parameter that is missing or was rejected is reported already
    bindings.stream()
        .filter(b -> b.parameter().equals(primary) && b.source() != Source.PARAM)
        .findFirst()
        .ifPresent(b -> reporter.error(
            sources.get(offset.get()), Diagnostic.OFFSET_WITHOUT_PARAM, offset.get().name(),
            primary.name()));
  }

  static String annotationName(Role role) {
    switch (role) {
      case RESPONSE:
        return Annotations.RESPONSE;
      case PARAM:
        return Annotations.PARAM;
      case KNOWN:
        return Annotations.KNOWN;
      case OFFSET:
        return Annotations.OFFSET;
      case WEIGHT:
        return Annotations.WEIGHT;
      default:
        throw new AssertionError(role);
    }
  }

  private static Optional<ValueType> valueType(TypeMirror type) {
    switch (type.getKind()) {
      case BOOLEAN:
        return Optional.of(ValueType.BOOLEAN);
      case INT:
        return Optional.of(ValueType.INT);
      case LONG:
        return Optional.of(ValueType.LONG);
      case DOUBLE:
        return Optional.of(ValueType.DOUBLE);
      case ARRAY:
        switch (((javax.lang.model.type.ArrayType) type).getComponentType().getKind()) {
          case DOUBLE:
            return Optional.of(ValueType.DOUBLE_ARRAY);
          case INT:
            return Optional.of(ValueType.INT_ARRAY);
          default:
            return Optional.empty();
        }
      default:
        return Optional.empty();
    }
  }

  private static String describeTypes(FamilySignature signature) {
    return signature.responseTypes().stream()
        .sorted()
        .map(ValueType::javaName)
        .collect(Collectors.joining(", "));
  }

  /** "a class", "an interface", "an enum", "an annotation type". */
  private static String kindName(ElementKind kind) {
    String name = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }

  private static String packageOf(TypeElement type) {
    Element e = type;
    while (!(e instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return ((PackageElement) e).getQualifiedName().toString();
  }

  /** Outer.Foo for a nested record, as code in the package spells it. */
  private static String nameInPackage(TypeElement type) {
    String pkg = packageOf(type);
    String qualified = type.getQualifiedName().toString();
    return pkg.isEmpty() ? qualified : qualified.substring(pkg.length() + 1);
  }

  static String defaultLossName(TypeElement type) {
    return nameInPackage(type).replace('.', '_') + "Loss";
  }
}
