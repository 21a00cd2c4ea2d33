package dev.likelihood;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a record describes one observation of a probabilistic model: the annotation
 * processor writes {@code FooLoss}, the negative log-likelihood of the record's {@link Response}
 * under {@link #family()}, with its gradient with respect to every {@link Param} component.
 *
 * <pre>{@code
 * @Likelihood(family = Family.POISSON, link = Link.LOG)
 * record CallVolume(@Response int calls, @Param double eta) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Likelihood {

  /** The distribution of the response. */
  Family family();

  /**
   * The link of the family's primary (first) parameter. When the primary {@link Param} names a
   * link too, the two must agree.
   */
  Link link() default Link.DEFAULT;

  /** Parameters fixed at compile time and baked into the generated code. */
  Constant[] constants() default {};

  /**
   * Omit additive terms that depend on no {@link Param} (Stan's {@code propto}): same minimiser
   * and gradient, but the value is no longer a true negative log-likelihood.
   */
  boolean dropConstants() default false;

  /** Simple name of the generated class; empty means {@code FooLoss} ({@code Outer_FooLoss}). */
  String className() default "";
}
