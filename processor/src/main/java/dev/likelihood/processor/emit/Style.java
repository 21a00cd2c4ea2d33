package dev.likelihood.processor.emit;

/** Whether an expression is written as Java source or as a formula for the Javadoc. */
enum Style {
  JAVA,
  MATH
}
