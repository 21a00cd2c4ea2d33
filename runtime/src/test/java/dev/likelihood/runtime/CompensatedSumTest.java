package dev.likelihood.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CompensatedSumTest {

  @Test
  void keepsWhatAPlainSumLoses() {
    assertEquals(2.0, CompensatedSum.of(new double[] {1.0, 1e100, 1.0, -1e100}, 0, 4));
  }

  /** Infinity - Infinity in the compensation must not turn an infinite sum into NaN. */
  @Test
  void anInfiniteTermGivesAnInfiniteSum() {
    double inf = Double.POSITIVE_INFINITY;
    assertEquals(inf, CompensatedSum.of(new double[] {1.5, inf, 2.0}, 0, 3));
    assertEquals(-inf, CompensatedSum.of(new double[] {-inf, 2.0}, 0, 2));
    assertEquals(inf, CompensatedSum.of(new double[] {Double.MAX_VALUE, Double.MAX_VALUE}, 0, 2));
    assertEquals(Double.NaN, CompensatedSum.of(new double[] {inf, -inf}, 0, 2));
    assertEquals(Double.NaN, CompensatedSum.of(new double[] {1.0, Double.NaN, inf}, 0, 3));
    assertEquals(inf, CompensatedSum.total(inf, Double.NaN));
    assertEquals(3.0, CompensatedSum.total(2.0, 1.0));
  }
}
