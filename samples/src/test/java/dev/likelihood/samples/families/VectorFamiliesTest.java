package dev.likelihood.samples.families;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likelihood.runtime.Reduction;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the vector families that hold for any input: softmax shift invariance, masks
 * (logits of -Infinity) with probability and gradient exactly 0, gradients against central
 * differences, batches against single samples, and the errors for shapes and labels. The exact
 * values at ordinary and adversarial points are in FamilyVectorTest's reference vectors.
 */
class VectorFamiliesTest {

  private final Random random = new Random(20261122);

  @Test
  void categoricalIsInvariantToShiftingTheLogits() {
    for (int trial = 0; trial < 200; trial++) {
      int classes = 1 + random.nextInt(12);
      double[] logits = normals(classes, 4);
      int label = random.nextInt(classes);
      double[] target = distribution(classes);
      double[] grad = new double[classes];
      double nll = CategoricalSmoothedLoss.nllAndGradient(label, logits, grad, 0);
      double soft = CategoricalSoftLoss.nll(target, logits);
      for (double shift : new double[] {-1e3, -3.5, 0.25, 700}) {
        double[] shifted = Arrays.stream(logits).map(x -> x + shift).toArray();
        double[] shiftedGrad = new double[classes];
        double tolerance = 1e-12 * Math.max(1, Math.abs(shift));
        assertEquals(nll, CategoricalSmoothedLoss.nllAndGradient(label, shifted, shiftedGrad, 0), tolerance);
        assertEquals(soft, CategoricalSoftLoss.nll(target, shifted), tolerance);
        for (int k = 0; k < classes; k++) {
          assertEquals(grad[k], shiftedGrad[k], tolerance, "entry " + k + " shift " + shift);
        }
      }
    }
  }

  @Test
  void aMaskedClassHasProbabilityAndGradientExactlyZero() {
    double[] logits = {2.0, Double.NEGATIVE_INFINITY, -1.0, Double.NEGATIVE_INFINITY};
    double[] grad = new double[4];
    double nll = CategoricalLabelLoss.nllAndGradient(0, logits, grad, 0);
    assertTrue(Double.isFinite(nll));
    assertEquals(0.0, grad[1], 0.0); // 0 or -0, never NaN
    assertEquals(0.0, grad[3], 0.0); // 0 or -0, never NaN
    double[] softGrad = new double[4];
    double soft = CategoricalSoftLoss.nllAndGradient(new double[] {0.5, 0, 0.5, 0}, logits, softGrad, 0);
    assertTrue(Double.isFinite(soft));
    assertEquals(0.0, softGrad[1], 0.0); // 0 or -0, never NaN
    assertEquals(0.0, softGrad[3], 0.0); // 0 or -0, never NaN
    double[] p = new double[4];
    CategoricalLabelLoss.probabilities(logits, p);
    assertEquals(0.0, p[1], 0.0); // 0 or -0, never NaN
    assertEquals(1.0, p[0] + p[2], 1e-15);
    double[] mixtureGrad = new double[12];
    double mixture = MixtureLoss.nllAndGradient(
        0.3, logits, new double[] {0, 1, 2, 3}, new double[] {0, 0, 0, 0}, mixtureGrad, 0);
    assertTrue(Double.isFinite(mixture));
    for (int k : new int[] {1, 3}) {
      assertEquals(0.0, mixtureGrad[k], 0.0, "weight " + k);
      assertEquals(0.0, mixtureGrad[4 + k], 0.0, "mu " + k);
      assertEquals(0.0, mixtureGrad[8 + k], 0.0, "sigma " + k);
    }
  }

  @Test
  void logitGapsOfTenThousandLoseNoDigits() {
    double[] logits = {1e4, 0.0, -3.0};
    double[] grad = new double[3];
    assertEquals(0.0, CategoricalLabelLoss.nllAndGradient(0, logits, grad, 0));
    assertEquals(0.0, grad[0]);
    assertEquals(1e4, CategoricalLabelLoss.nll(1, logits));
    logits = new double[] {1e4 + 0.5, 1e4};
    // -log p[1] = log(1 + e^0.5); the logits' own size must not enter
    assertEquals(Math.log1p(Math.exp(0.5)), CategoricalLabelLoss.nll(1, logits), 2e-16);
  }

  @Test
  void gradientsMatchCentralDifferences() {
    for (int trial = 0; trial < 50; trial++) {
      int k = 2 + random.nextInt(5);
      double[] weights = normals(k, 1);
      double[] mu = normals(k, 2);
      double[] sigma = normals(k, 0.5);
      double y = 2 * random.nextGaussian();
      double[] grad = new double[3 * k];
      MixtureLoss.nllAndGradient(y, weights, mu, sigma, grad, 0);
      double[][] vectors = {weights, mu, sigma};
      for (int v = 0; v < 3; v++) {
        for (int j = 0; j < k; j++) {
          double[] x = vectors[v];
          double saved = x[j];
          double h = 1e-6;
          x[j] = saved + h;
          double up = MixtureLoss.nll(y, weights, mu, sigma);
          x[j] = saved - h;
          double down = MixtureLoss.nll(y, weights, mu, sigma);
          x[j] = saved;
          assertEquals((up - down) / (2 * h), grad[v * k + j], 1e-7, "vector " + v + " entry " + j);
        }
      }
    }
  }

  @Test
  void batchesAgreeWithSingleSamplesAndLeaveOtherRowsAlone() {
    int rows = 7;
    int classes = 4;
    int[] labels = new int[rows];
    double[] logits = normals(rows * classes, 3);
    double[] weights = new double[rows];
    for (int i = 0; i < rows; i++) {
      labels[i] = random.nextInt(classes);
      weights[i] = random.nextDouble();
    }
    double[] grad = new double[rows * classes];
    Arrays.fill(grad, 42.0);
    double loss = CategoricalWeightedLoss.lossAndGradient(Reduction.MEAN, 2, 5, labels, logits, weights, grad);
    double sum = 0;
    double weightSum = weights[2] + weights[3] + weights[4];
    for (int i = 2; i < 5; i++) {
      double[] row = Arrays.copyOfRange(logits, i * classes, (i + 1) * classes);
      double[] rowGrad = new double[classes];
      sum += CategoricalWeightedLoss.nllAndGradient(labels[i], row, weights[i], rowGrad, 0);
      for (int k = 0; k < classes; k++) {
        // MEAN: each row's weighted gradient divided by the rows' total weight
        assertEquals(rowGrad[k] / weightSum, grad[i * classes + k], 1e-15, "row " + i + " entry " + k);
      }
    }
    assertEquals(sum / weightSum, loss, 1e-14);
    for (int i : new int[] {0, 1, 5, 6}) {
      for (int k = 0; k < classes; k++) {
        assertEquals(42.0, grad[i * classes + k], "untouched row " + i);
      }
    }
  }

  /**
   * The weight and MEAN's 1/n multiply a vector gradient entry as a whole, also where the entry
   * is a sum (d nll / d sigma = 1 - z^2 through LOG): the generated code once wrote
   * {@code scale * 1.0 - (z2 * z2)} and {@code w * d - (z2 * z2) * d}.
   */
  @Test
  void weightsAndMeanScaleWholeVectorGradientEntries() {
    double[] y = {0.75, -1.5};
    double[] mu = {2.25, 0.5};
    double[] sigma = {1.875, -0.25};
    double w = 2.5;
    double[] unit = new double[4];
    MvnDiagonalLoss.nllAndGradient(y, mu, sigma, unit, 0);
    for (int j = 0; j < 2; j++) {
      double z = (y[j] - mu[j]) / Math.exp(sigma[j]);
      assertEquals(1 - z * z, unit[2 + j], 1e-15, "d nll / d sigma[" + j + "]");
    }
    double[] weighted = new double[4];
    MvnDiagonalWeightedLoss.nllAndGradient(y, mu, sigma, w, weighted, 0);
    double[] unweighted = new double[4];
    MvnDiagonalWeightedLoss.nllAndGradient(y, mu, sigma, 1.0, unweighted, 0);
    for (int k = 0; k < 4; k++) {
      assertEquals(w * unweighted[k], weighted[k], 1e-15 * Math.abs(weighted[k]), "weighted entry " + k);
    }
    // a batch of the same row twice: MEAN's gradient is each row's gradient / 2
    double[] yy = {0.75, -1.5, 0.75, -1.5};
    double[] mm = {2.25, 0.5, 2.25, 0.5};
    double[] ss = {1.875, -0.25, 1.875, -0.25};
    double[] gMu = new double[4];
    double[] gSigma = new double[4];
    MvnDiagonalLoss.lossAndGradient(Reduction.MEAN, 2, yy, mm, ss, gMu, gSigma);
    for (int k = 0; k < 4; k++) {
      assertEquals(unit[k % 2] / 2, gMu[k], 1e-15, "MEAN d / d mu entry " + k);
      assertEquals(unit[2 + k % 2] / 2, gSigma[k], 1e-15, "MEAN d / d sigma entry " + k);
    }
    double[] wGradMu = new double[4];
    double[] wGradSigma = new double[4];
    MvnDiagonalWeightedLoss.lossAndGradient(
        Reduction.SUM, 2, yy, mm, ss, new double[] {w, w}, wGradMu, wGradSigma);
    for (int k = 0; k < 4; k++) {
      assertEquals(weighted[2 + k % 2], wGradSigma[k], 1e-15 * Math.abs(weighted[2 + k % 2]), "SUM weighted entry " + k);
    }
  }

  @Test
  void vectorResponsesTakeTheWidthInBatches() {
    int rows = 3;
    int dimension = 2;
    double[] y = normals(rows * dimension, 1);
    double[] mu = normals(rows * dimension, 1);
    double[] sigma = normals(rows * dimension, 0.3);
    double sum = 0;
    for (int i = 0; i < rows; i++) {
      sum += MvnDiagonalLoss.nll(
          Arrays.copyOfRange(y, 2 * i, 2 * i + 2), Arrays.copyOfRange(mu, 2 * i, 2 * i + 2),
          Arrays.copyOfRange(sigma, 2 * i, 2 * i + 2));
    }
    assertEquals(sum, MvnDiagonalLoss.loss(Reduction.SUM, dimension, y, mu, sigma), 1e-14 * Math.abs(sum));
    int[] rankings = {2, 0, 1, 1, -1, -1};
    double[] scores = {0.5, -1, 2, 0.1, 0.2, 0.3};
    double expected = RankingLoss.nll(new int[] {2, 0, 1}, new double[] {0.5, -1, 2})
        + RankingLoss.nll(new int[] {1}, new double[] {0.1, 0.2, 0.3});
    assertEquals(expected, RankingLoss.loss(Reduction.SUM, 3, rankings, scores), 1e-15);
  }

  @Test
  void shapesAndLabelsAreCheckedWithNamesAndSizes() {
    IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
        () -> CategoricalLabelLoss.lossAndGradient(Reduction.SUM, new int[] {0, 3}, new double[6], new double[6]));
    assertEquals("'label' at row 1 = 3 is outside the support: expected a class index in [0, K),"
        + " or K target probabilities in [0, 1]", label.getMessage());
    IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
        () -> MvnDiagonalLoss.nll(new double[2], new double[3], new double[2]));
    assertEquals("'y' has 2 entries but 'mu' has 3; the vectors of one sample must have the same"
        + " length", width.getMessage());
    IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
        () -> CategoricalLabelLoss.loss(Reduction.SUM, new int[] {0, 1}, new double[5]));
    assertTrue(column.getMessage().contains("'logits' has 5 entries"), column.getMessage());
    IllegalArgumentException target = assertThrows(IllegalArgumentException.class,
        () -> CategoricalSoftLoss.nll(new double[] {0.5, 1.5}, new double[2]));
    assertEquals("'target', entry 1 = 1.5 is outside the support: expected a target probability in"
        + " [0, 1]", target.getMessage());
  }

  @Test
  void theModeIsTheLargestLogit() {
    assertEquals(2, CategoricalLabelLoss.mode(new double[] {0, 1, 3, 3}));
    assertEquals(-1, CategoricalLabelLoss.mode(new double[] {0, Double.NaN}));
  }

  private double[] normals(int n, double scale) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = scale * random.nextGaussian();
    }
    return x;
  }

  private double[] distribution(int n) {
    double[] t = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      t[i] = random.nextDouble();
      sum += t[i];
    }
    for (int i = 0; i < n; i++) {
      t[i] /= sum;
    }
    return t;
  }
}
