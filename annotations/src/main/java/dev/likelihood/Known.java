package dev.likelihood;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A family parameter supplied per sample on its natural scale (a known measurement
 * {@code sigma}, the {@code trials} of a binomial). It is not differentiated.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Known {

  /** The family parameter's name. */
  String value();
}
