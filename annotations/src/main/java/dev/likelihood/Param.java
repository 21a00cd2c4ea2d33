package dev.likelihood;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A component holding the model's output eta for one parameter of the family; the parameter
 * itself is inverse-link(eta). Gradients are taken with respect to eta. The component is a
 * {@code double} ({@code double[]} for vector parameters).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {

  /** The family parameter's name, such as {@code "sigma"}; empty means the primary parameter. */
  String value() default "";

  /** The link; {@link Link#DEFAULT} is the family's default link for this parameter. */
  Link link() default Link.DEFAULT;
}
