package dev.likelihood.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likelihood.runtime.Reduction;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SPEC's batch semantics: SUM, MEAN, weights, [from, to) slices, bad input. */
class BatchSemanticsTest {

  private static final int N = 1000;
  private final Random random = new Random(7);

  private final long[] count = new long[N];
  private final double[] eta = new double[N];
  private final double[] w = new double[N];

  BatchSemanticsTest() {
    for (int i = 0; i < N; i++) {
      count[i] = random.nextInt(20);
      eta[i] = random.nextGaussian() + 1.5;
      w[i] = random.nextDouble() * 3;
    }
  }

  @Test
  void sumIsTheSumOfPerSampleValues() {
    double expected = 0;
    for (int i = 0; i < N; i++) {
      expected += WeightedCountLoss.nll(count[i], eta[i], w[i]);
    }
    assertEquals(expected, WeightedCountLoss.loss(Reduction.SUM, count, eta, w), 1e-12 * Math.abs(expected));
  }

  @Test
  void weightedMeanDividesByTheSumOfWeights() {
    double weighted = 0;
    double weights = 0;
    for (int i = 0; i < N; i++) {
      weighted += WeightedCountLoss.nll(count[i], eta[i], w[i]);
      weights += w[i];
    }
    assertEquals(
        weighted / weights, WeightedCountLoss.loss(Reduction.MEAN, count, eta, w), 1e-13 * weighted / weights);
  }

  @Test
  void unweightedMeanDividesByTheRowCount() {
    boolean[] clicked = new boolean[N];
    double sum = 0;
    for (int i = 0; i < N; i++) {
      clicked[i] = i % 3 == 0;
      sum += ClickLoss.nll(clicked[i], eta[i]);
    }
    assertEquals(sum / N, ClickLoss.loss(Reduction.MEAN, clicked, eta), 1e-13 * sum / N);
  }

  @Test
  void sliceGradientIsThePerSampleGradientScaledAndLeavesOtherRowsUntouched() {
    int from = 100;
    int to = 350;
    double[] gradient = new double[N];
    Arrays.fill(gradient, -7.0);
    double loss = WeightedCountLoss.lossAndGradient(Reduction.MEAN, from, to, count, eta, w, gradient);
    assertEquals(WeightedCountLoss.loss(Reduction.MEAN, from, to, count, eta, w), loss, 0.0);
    double weights = 0;
    for (int i = from; i < to; i++) {
      weights += w[i];
    }
    double[] one = new double[1];
    for (int i = 0; i < N; i++) {
      if (i < from || i >= to) {
        assertEquals(-7.0, gradient[i], 0.0, "row " + i + " is outside the slice");
      } else {
        WeightedCountLoss.nllAndGradient(count[i], eta[i], w[i], one, 0);
        assertEquals(one[0] / weights, gradient[i], 1e-14 * Math.abs(one[0] / weights) + 1e-300);
      }
    }
  }

  @Test
  void gradientMatchesFiniteDifferencesOfTheReducedLoss() {
    double[] gradient = new double[N];
    WeightedCountLoss.lossAndGradient(Reduction.MEAN, count, eta, w, gradient);
    for (int i : new int[] {0, 17, 500, 999}) {
      // The MEAN loss is about 3, so each evaluation rounds by up to 4.4e-16 and the central
      // difference carries ulp(loss) / (2 h) of noise: 2.2e-10 at h = 1e-6, as large as the
      // tolerance below for a gradient of 3e-3. At h = 1e-4 the noise is 2.2e-12 and the
      // truncation error, h^2 / 6 times exp(eta) times w / sum(w), about 1e-11.
      double h = 1e-4;
      double[] plus = eta.clone();
      double[] minus = eta.clone();
      plus[i] += h;
      minus[i] -= h;
      double numeric =
          (WeightedCountLoss.loss(Reduction.MEAN, count, plus, w)
                  - WeightedCountLoss.loss(Reduction.MEAN, count, minus, w))
              / (2 * h);
      assertEquals(numeric, gradient[i], 1e-7 * Math.max(1e-3, Math.abs(numeric)), "row " + i);
    }
  }

  @Test
  void instanceAgreesWithTheStaticMethods() {
    WeightedCount sample = new WeightedCount(4, 0.3, 2.0);
    double[] a = new double[3];
    double[] b = new double[3];
    assertEquals(
        WeightedCountLoss.nllAndGradient(4, 0.3, 2.0, a, 1),
        WeightedCountLoss.INSTANCE.nllAndGradient(sample, b, 1),
        0.0);
    assertEquals(a[1], b[1], 0.0);
    assertEquals(WeightedCountLoss.nll(4, 0.3, 2.0), WeightedCountLoss.INSTANCE.nll(sample), 0.0);
  }

  @Test
  void mismatchedLengthsNameBothColumnsAndSizes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> WeightedCountLoss.loss(Reduction.SUM, count, new double[N - 1], w));
    assertTrue(e.getMessage().contains("'eta' has 999 rows but 'count' has 1000"), e.getMessage());
  }

  @Test
  void aNegativeCountNamesComponentRowAndValue() {
    long[] bad = count.clone();
    bad[3] = -2;
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WeightedCountLoss.loss(Reduction.SUM, bad, eta, w));
    assertTrue(e.getMessage().contains("'count' at row 3 = -2"), e.getMessage());
    assertTrue(e.getMessage().contains("a count >= 0"), e.getMessage());
  }

  @Test
  void aLabelOfTwoIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LabelLoss.nll(2, 0.1));
    assertTrue(e.getMessage().contains("'label' = 2"), e.getMessage());
  }

  @Test
  void aNegativeWeightIsRejected() {
    double[] bad = w.clone();
    bad[9] = -1;
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WeightedCountLoss.loss(Reduction.SUM, count, eta, bad));
    assertTrue(e.getMessage().contains("'w' at row 9 = -1.0"), e.getMessage());
  }

  @Test
  void nanEtaPropagatesInsteadOfThrowing() {
    double[] nan = eta.clone();
    nan[5] = Double.NaN;
    assertTrue(Double.isNaN(WeightedCountLoss.loss(Reduction.SUM, count, nan, w)));
    assertTrue(Double.isNaN(ClickLoss.nll(true, Double.NaN)));
    assertTrue(Double.isNaN(PriceLoss.nll(1.0, Double.NaN, 0.0)));
  }

  /**
   * A row whose NLL is +Infinity (eta = +Infinity here; eta outside a warn-only link's region, an
   * exact value beyond the double range) makes the batch loss +Infinity: the compensated sum once
   * returned NaN, its compensation being Infinity - Infinity.
   */
  @Test
  void aRowOfInfiniteNllMakesTheLossInfiniteNotNan() {
    double[] infinite = eta.clone();
    infinite[700] = Double.POSITIVE_INFINITY;
    assertEquals(Double.POSITIVE_INFINITY, WeightedCountLoss.nll(count[700], infinite[700], w[700]));
    for (dev.likelihood.runtime.Reduction reduction : Reduction.values()) {
      assertEquals(Double.POSITIVE_INFINITY, WeightedCountLoss.loss(reduction, count, infinite, w), reduction.name());
      assertEquals(Double.POSITIVE_INFINITY,
          WeightedCountLoss.lossAndGradient(reduction, count, infinite, w, new double[N]), reduction.name());
      java.util.concurrent.ForkJoinPool pool = java.util.concurrent.ForkJoinPool.commonPool();
      assertEquals(Double.POSITIVE_INFINITY, WeightedCountLoss.loss(pool, reduction, 0, N, count, infinite, w));
    }
    double[] infiniteWeight = w.clone();
    infiniteWeight[3] = Double.POSITIVE_INFINITY; // a weight of +Infinity is >= 0: allowed
    assertEquals(Double.POSITIVE_INFINITY, WeightedCountLoss.loss(Reduction.SUM, count, eta, infiniteWeight));
    assertTrue(Double.isNaN(WeightedCountLoss.loss(Reduction.MEAN, count, eta, infiniteWeight))); // Inf / Inf
  }

  @Test
  void anEmptySliceHasZeroSumAndNanMean() {
    assertEquals(0.0, WeightedCountLoss.loss(Reduction.SUM, 5, 5, count, eta, w), 0.0);
    assertTrue(Double.isNaN(WeightedCountLoss.loss(Reduction.MEAN, 5, 5, count, eta, w)));
  }

  @Test
  void aSliceOutsideTheColumnsIsAnIndexError() {
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> WeightedCountLoss.loss(Reduction.SUM, 10, N + 1, count, eta, w));
  }
}
