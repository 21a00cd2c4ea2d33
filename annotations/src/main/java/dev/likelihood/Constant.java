package dev.likelihood;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A family parameter fixed at compile time, used inside {@link Likelihood#constants()}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Constant {

  /** The family parameter's name, such as {@code "nu"}. */
  String name();

  /** Its value on the natural scale. */
  double value();
}
