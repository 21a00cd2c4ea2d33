package dev.likelihood.processor.emit;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Double literals that read back as the same double and are spelled the same on every JDK.
 * {@link Double#toString} is not: its output changed in JDK 19 (JDK-4511638), which would make
 * generated files differ between JDK 17 and newer compilers.
 */
final class Literals {

  private Literals() {}

  /** The shortest decimal that parses back to {@code value}, as a Java double literal. */
  static String of(double value) {
    if (Double.isNaN(value)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return (long) value + ".0";
    }
    BigDecimal exact = new BigDecimal(value);
    for (int digits = 1; digits <= 17; digits++) {
      BigDecimal rounded = exact.round(new MathContext(digits));
      if (rounded.doubleValue() == value) {
        return spell(rounded);
      }
    }
    throw new AssertionError("17 digits always round-trip: " + value);
  }

  private static String spell(BigDecimal rounded) {
    String text = rounded.toString();
    if (text.contains("E")) {
      return text.replace("E+", "E");
    }
    return text.contains(".") ? text : text + ".0";
  }
}
