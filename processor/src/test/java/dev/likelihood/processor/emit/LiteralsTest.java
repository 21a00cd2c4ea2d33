package dev.likelihood.processor.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Literals are the shortest round-tripping decimal, spelled the same on every JDK. */
class LiteralsTest {

  @Test
  void shortestForms() {
    assertEquals("0.5", Literals.of(0.5));
    assertEquals("2.0", Literals.of(2));
    assertEquals("0.1", Literals.of(0.1));
    assertEquals("1E-300", Literals.of(1e-300));
    assertEquals("2E23", Literals.of(2e23)); // JDK 17's Double.toString gives 1.9999999999999998E23
    assertEquals("0.3989422804014327", Literals.of(0.3989422804014327));
    assertEquals("Double.POSITIVE_INFINITY", Literals.of(Double.POSITIVE_INFINITY));
  }

  @Test
  void everyLiteralReadsBackAsTheSameDouble() {
    Random random = new Random(1);
    for (int i = 0; i < 100_000; i++) {
      double x = Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE);
      if (Double.isFinite(x)) {
        assertEquals(x, Double.parseDouble(Literals.of(x)), 0.0, Literals.of(x));
      }
    }
  }
}
