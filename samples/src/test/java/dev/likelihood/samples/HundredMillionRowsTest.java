package dev.likelihood.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likelihood.runtime.Reduction;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * SPEC, Accuracy: "Batch sums are compensated, so a MEAN over 10^8 rows keeps the same accuracy."
 * A MEAN over 10^8 Bernoulli rows (1.2 GB of columns) against the exact sum of the same rows'
 * per-sample NLLs, accumulated in double-double (error about n 2^-106, far below what is tested).
 * The plain running sum of the same values is printed beside it for contrast: it is off by 8e-11
 * here, which is why the generated loops compensate.
 */
class HundredMillionRowsTest {

  private static final int ROWS = 100_000_000;

  @Test
  void meanOverHundredMillionRowsIsCorrectlyRounded() {
    int[] label = new int[ROWS];
    double[] logit = new double[ROWS];
    SplittableRandom random = new SplittableRandom(20261122);
    for (int i = 0; i < ROWS; i++) {
      // mostly confident, right or wrong: NLLs from 1e-9 to 30, a few near 0.7
      logit[i] = (random.nextDouble() - 0.5) * 60;
      label[i] = random.nextDouble() < 0.9 == logit[i] > 0 ? 1 : 0;
    }
    double high = 0.0;
    double low = 0.0;
    double plain = 0.0;
    for (int i = 0; i < ROWS; i++) {
      double v = LabelLoss.nll(label[i], logit[i]);
      plain += v;
      double s = high + v; // two-sum: high + v = s + e exactly
      double bv = s - high;
      double e = (high - (s - bv)) + (v - bv);
      high = s;
      low += e;
    }
    double exactMean = (high + low) / ROWS; // (high + low) is the double nearest the exact sum
    double mean = LabelLoss.loss(Reduction.MEAN, label, logit);
    double error = Math.abs(mean - exactMean) / exactMean;
    double plainError = Math.abs(plain / ROWS - exactMean) / exactMean;
    System.out.printf("MEAN over %,d rows: %.17g, exact %.17g: relative error %.2e (plain sum %.2e)%n",
        ROWS, mean, exactMean, error, plainError);
    // the division by n adds one rounding to the sum's: 2 ulp in all, 1e-12 is SPEC's bound
    assertTrue(error <= 2 * Math.ulp(exactMean) / exactMean, "relative error " + error);
  }
}
