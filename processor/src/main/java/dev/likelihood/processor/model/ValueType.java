package dev.likelihood.processor.model;

/** The Java types a component can have, with how a batch column of them is spelled. */
public enum ValueType {
  BOOLEAN("boolean"),
  INT("int"),
  LONG("long"),
  DOUBLE("double"),
  DOUBLE_ARRAY("double[]"),
  INT_ARRAY("int[]");

  private final String javaName;

  ValueType(String javaName) {
    this.javaName = javaName;
  }

  /** The type of one sample's value. */
  public String javaName() {
    return javaName;
  }

  public boolean isArray() {
    return this == DOUBLE_ARRAY || this == INT_ARRAY;
  }
}
