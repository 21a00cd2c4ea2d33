package dev.likelihood.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** The tour's fits recover the truth they were generated from. */
class TourTest {

  private final Tour tour = new Tour(new PrintStream(OutputStream.nullOutputStream()));

  @Test
  void logisticRegressionRecoversItsCoefficients() {
    double[] beta = tour.bernoulli();
    assertEquals(-1.0, beta[0], 0.05);
    assertEquals(2.0, beta[1], 0.1);
  }

  @Test
  void heteroscedasticRegressionRecoversMeanAndSpread() {
    double[] beta = tour.normal();
    assertEquals(3.0, beta[0], 0.02);
    assertEquals(2.0, beta[1], 0.02);
    assertEquals(-0.5, beta[2], 0.05);
    assertEquals(0.75, beta[3], 0.05);
  }

  @Test
  void poissonRegressionWithExposureRecoversTheRate() {
    double[] beta = tour.poisson();
    assertEquals(0.5, beta[0], 0.02);
    assertEquals(0.8, beta[1], 0.02);
  }
}
