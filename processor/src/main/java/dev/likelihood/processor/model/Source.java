package dev.likelihood.processor.model;

/** How a family parameter gets its value. */
public enum Source {
  /** From a {@code @Param} component through a link: differentiated. */
  PARAM,
  /** From a {@code @Known} component, per sample, on the natural scale. */
  KNOWN,
  /** From {@code @Constant}, baked into the code. */
  CONSTANT,
  /** The family's default value. */
  DEFAULT
}
