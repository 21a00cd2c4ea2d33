package dev.likelihood.processor.model;

/**
 * Every message the processor can report, in one place (as MapStruct keeps its messages): a
 * stable code in brackets, what is wrong, what is allowed, and the fix. docs/errors.md lists
 * them with examples.
 */
public enum Diagnostic {
  NOT_A_RECORD(
      "LikelihoodNotARecord",
      "@Likelihood annotates a record, but %s is %s. Declare it as a record: record %s(...) {}"),
  GENERIC_RECORD(
      "LikelihoodGenericRecord",
      "record %s has type parameters, which a generated loss cannot take. Remove them: the"
          + " components of a likelihood record are double, int, long or boolean values"),
  INACCESSIBLE_RECORD(
      "LikelihoodInaccessibleRecord",
      "record %s is %s, so the generated %s in the same package cannot refer to it. Make it (and"
          + " any class enclosing it) at least package-private, and declare it outside methods"),
  UNSUPPORTED_FAMILY(
      "LikelihoodUnsupportedFamily",
      "family %s is not implemented yet; the families available are %s. Use one of them or"
          + " write the loss by hand for now"),
  INVALID_CLASS_NAME(
      "LikelihoodInvalidClassName",
      "className \"%s\" is not a valid Java class name. Use a simple name such as \"%s\", or"
          + " leave it empty for the default"),
  NAME_CLASH(
      "LikelihoodNameClash",
      "the generated class %s would replace %s. Rename that type, or choose"
          + " another name with @Likelihood(className = \"...\")"),
  CONFLICTING_ANNOTATIONS(
      "LikelihoodConflictingAnnotations",
      "component '%s' carries %s, but a component plays one role. Keep one of them"),
  MISSING_RESPONSE(
      "LikelihoodMissingResponse",
      "record %s has no @Response component. Annotate the observed value with @Response"),
  DUPLICATE_RESPONSE(
      "LikelihoodDuplicateResponse",
      "component '%s' is a second @Response; '%s' is the first. A record has exactly one"
          + " observation: remove one of the annotations"),
  DUPLICATE_ROLE(
      "LikelihoodDuplicateRole",
      "component '%s' is a second %s; '%s' is the first. A record has at most one. Remove one of"
          + " the annotations"),
  RESPONSE_TYPE(
      "LikelihoodResponseType",
      "@Response '%s' has type %s, but %s takes %s. Change the component's type"),
  COMPONENT_TYPE(
      "LikelihoodComponentType",
      "%s component '%s' has type %s, but it must be %s. Change the component's type"),
  UNKNOWN_PARAMETER(
      "LikelihoodUnknownParameter",
      "%s has no parameter '%s'; its parameters are %s.%s"),
  DUPLICATE_PARAMETER(
      "LikelihoodDuplicateParameter",
      "parameter '%s' of %s is given twice: by %s and by %s. Give each parameter one way: @Param,"
          + " @Known or @Constant"),
  MISSING_PARAMETER(
      "LikelihoodMissingParameter",
      "%s needs its parameter '%s', which has no default. Add a component"
          + " @Param(\"%s\") %s ... (or @Known(\"%s\"), or @Constant(name = \"%s\", value = ...))"),
  NOT_LEARNABLE(
      "LikelihoodNotLearnable",
      "parameter '%s' of %s is %s and cannot be learned as a @Param. Give it with %s"),
  CONSTANT_DOMAIN(
      "LikelihoodConstantDomain",
      "@Constant %s = %s is outside the parameter's domain: it must be %s. Choose a value %s"),
  LINK_NOT_ALLOWED(
      "LikelihoodLinkNotAllowed",
      "link %s cannot map onto parameter '%s' of %s, which is %s. Use one of %s"),
  LINK_CONFLICT(
      "LikelihoodLinkConflict",
      "@Likelihood names link %s for the primary parameter '%s', but its @Param component '%s'"
          + " names %s. Name the link in one place, or make the two agree"),
  LINK_WITHOUT_PARAM(
      "LikelihoodLinkWithoutParam",
      "link %s is given for parameter '%s', which is not a @Param here (it is %s): a link maps a"
          + " model output eta, and %s values are used as they are. Remove the link"),
  LINK_OUTSIDE_DOMAIN(
      "LikelihoodLinkOutsideDomain",
      "link %s can leave the domain of '%s' (%s): generated code returns +Infinity for eta <= 0."
          + " The safe links are %s. Suppress with @SuppressWarnings(\"likelihood\") if intended"),
  OFFSET_WITHOUT_PARAM(
      "LikelihoodOffsetWithoutParam",
      "@Offset '%s' is added to the primary parameter's eta, but '%s' is not a @Param here."
          + " Make the primary parameter a @Param, or remove the offset"),
  VECTOR_KNOWN(
      "LikelihoodVectorKnown",
      "parameter '%s' of %s is a vector, which %s cannot give. %s"),
  VECTOR_OFFSET(
      "LikelihoodVectorOffset",
      "@Offset '%s' would be added to the vector parameter '%s' of %s, where a common shift does"
          + " nothing or is ambiguous. Remove the offset and add it to the model's outputs"),
  EXCLUSIVE_PARAMETERS(
      "LikelihoodExclusiveParameters",
      "%s takes '%s' or '%s', not both: '%s' replaces '%s'. Remove one of the components"),
  ORPHAN_ANNOTATION(
      "LikelihoodOrphanAnnotation",
      "%s on component '%s' has no effect: record %s is not annotated with @Likelihood. Add"
          + " @Likelihood(family = ...) to the record, or remove the annotation"),
  UNRESOLVED_TYPE(
      "LikelihoodUnresolvedType",
      "component '%s' of record %s has a type that never resolved (%s). Fix the type, or make sure"
          + " the processor that generates it runs"),
  UNRESOLVED_VALUE(
      "LikelihoodUnresolvedValue",
      "'%s' of @%s on %s never resolved: it refers to a type or constant that does not exist."
          + " Fix the reference, or make sure the processor that generates it runs"),
  INTERNAL_ERROR(
      "LikelihoodInternalError",
      "the Likelihood processor failed on %s. This is a bug; please report it with this"
          + " message.\n%s");

  private final String code;
  private final String template;

  Diagnostic(String code, String template) {
    this.code = code;
    this.template = template;
  }

  public String code() {
    return code;
  }

  /** The full message: the code in brackets, then the explanation. */
  public String format(Object... args) {
    return "[" + code + "] " + String.format(java.util.Locale.ROOT, template, args);
  }
}
