package dev.likelihood.samples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrintedNumberTest {

  @Test
  void toleranceIsHalfAUnitInTheLastPrintedDigit() {
    assertEquals(3.045, PrintedNumber.of("3.045e+00").value());
    assertEquals(5e-4, PrintedNumber.of("3.045e+00").tolerance(), 1e-18);
    assertEquals(5e-5, PrintedNumber.of("-13.0213").tolerance(), 1e-18);
    assertEquals(5e-5, PrintedNumber.of("-4.543e-01").tolerance(), 1e-18);
    assertEquals(5e-4, PrintedNumber.of("56.761").tolerance(), 1e-18);
    assertEquals(0.5, PrintedNumber.of("12").tolerance());
  }

  @Test
  void rejectsTextThatIsNotANumber() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PrintedNumber.of("<2e-16"));
    assertTrue(e.getMessage().contains("'<2e-16'"), e.getMessage());
  }

  @Test
  void everyPublishedNumberParses() {
    for (Published.Fit fit : new Published.Fit[] {
        Published.DOBSON_POISSON, Published.SPECTOR_LOGIT, Published.SPECTOR_PROBIT}) {
      for (Published.Coefficient c : fit.coefficients()) {
        assertTrue(c.standardError().value() > 0, fit.title() + " " + c.name());
        assertTrue(c.estimate().tolerance() <= 5e-4, fit.title() + " " + c.name());
      }
      assertThrows(IllegalArgumentException.class, () -> fit.coefficient("nope"));
    }
  }
}
