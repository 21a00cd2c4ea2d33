package dev.likelihood.samples.tour;

import java.math.BigDecimal;

/**
 * A number as a statistics package printed it, such as R's {@code 3.045e+00} or statsmodels'
 * {@code -13.0213}. Keeping the text keeps its precision: a printed number claims the true value
 * lies within half a unit of its last digit, and {@link #tolerance()} is that half unit, so a test
 * can hold a result to exactly the digits that were published.
 */
public record PrintedNumber(String text) {

  /** @throws IllegalArgumentException if {@code text} is not a decimal number */
  public PrintedNumber {
    try {
      new BigDecimal(text);
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("printed number: '" + text + "' is not a decimal number", e);
    }
  }

  public static PrintedNumber of(String text) {
    return new PrintedNumber(text);
  }

  public double value() {
    return Double.parseDouble(text);
  }

  /**
   * Half a unit in the last printed digit: 0.0005 for {@code 3.045e+00}, 5e-5 for
   * {@code -13.0213}, 0.5 for {@code 12}.
   */
  public double tolerance() {
    BigDecimal number = new BigDecimal(text);
    return 0.5 * Math.pow(10, -number.scale());
  }

  @Override
  public String toString() {
    return text;
  }
}
