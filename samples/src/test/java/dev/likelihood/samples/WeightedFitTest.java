package dev.likelihood.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likelihood.runtime.Reduction;
import dev.likelihood.runtime.fit.FitResult;
import dev.likelihood.runtime.fit.Fitter;
import dev.likelihood.runtime.fit.Predictor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Weights reach the fitter through the record's {@code @Weight} column: a fit with whole-number
 * weights is the fit of the data with each row repeated that many times (same likelihood, so
 * the same coefficients and the same standard errors), and a weight of 0 removes a row.
 */
class WeightedFitTest {

  private static final int ROWS = 300;

  @Test
  void wholeNumberWeightsFitAsRepeatedRows() {
    Random random = new Random(7);
    double[][] x = new double[ROWS][];
    long[] count = new long[ROWS];
    double[] weight = new double[ROWS];
    int repeated = 0;
    for (int i = 0; i < ROWS; i++) {
      double feature = -1 + 2 * random.nextDouble();
      x[i] = new double[] {1, feature};
      count[i] = random.nextInt(1 + (int) Math.round(4 * Math.exp(0.5 * feature)));
      weight[i] = random.nextInt(4); // 0 drops the row
      repeated += (int) weight[i];
    }
    double[][] xRepeated = new double[repeated][];
    long[] countRepeated = new long[repeated];
    double[] ones = new double[repeated];
    int at = 0;
    for (int i = 0; i < ROWS; i++) {
      for (int copy = 0; copy < weight[i]; copy++, at++) {
        xRepeated[at] = x[i];
        countRepeated[at] = count[i];
        ones[at] = 1;
      }
    }

    FitResult weighted = Fitter.of(Predictor.of("rate", x, "(Intercept)", "x")).quiet()
        .newton((eta, g, h) -> WeightedCountLoss.lossGradientHessian(
            Reduction.SUM, count, eta[0], weight, g[0], h));
    FitResult expanded = Fitter.of(Predictor.of("rate", xRepeated, "(Intercept)", "x")).quiet()
        .newton((eta, g, h) -> WeightedCountLoss.lossGradientHessian(
            Reduction.SUM, countRepeated, eta[0], ones, g[0], h));

    assertTrue(weighted.converged(), weighted.stopReason());
    assertTrue(expanded.converged(), expanded.stopReason());
    assertArrayEquals(expanded.coefficients("rate"), weighted.coefficients("rate"), 1e-10);
    assertArrayEquals(expanded.standardErrors("rate"), weighted.standardErrors("rate"), 1e-10);
    assertEquals(expanded.loss(), weighted.loss(), 1e-9 * Math.abs(expanded.loss()));
  }
}
