package dev.likelihood.processor.model;

/** What an annotated component is to the likelihood. */
public enum Role {
  RESPONSE("@Response"),
  PARAM("@Param"),
  KNOWN("@Known"),
  OFFSET("@Offset"),
  WEIGHT("@Weight");

  private final String annotation;

  Role(String annotation) {
    this.annotation = annotation;
  }

  public String annotation() {
    return annotation;
  }
}
