package dev.likelihood.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The Hessian path on its own, with a per-row Hessian written out by hand (the heteroscedastic
 * normal with log sigma, constant dropped: s + z^2/2, z = (y - mu) e^-s), so that X'HX's
 * aggregation, cross-predictor blocks included, is checked against a plain triple loop
 * independently of the generated code (SparkFitTest fits with the generated Hessians).
 */
class SparkHessianTest extends LocalSparkTest {

  private static final double[] BETA = {0.5, 1.0, 0.0, -0.2, 0.1};

  /** The hand-written kernel: per row, gradient and Hessian in (mu, s). */
  private static double rows(double[] y, double[] mu, double[] s, double[] gMu, double[] gS,
      double[] h) {
    double sum = 0.0;
    for (int i = 0; i < y.length; i++) {
      double inverseSigma = Math.exp(-s[i]);
      double z = (y[i] - mu[i]) * inverseSigma;
      sum += s[i] + 0.5 * z * z;
      gMu[i] = -z * inverseSigma;
      gS[i] = 1.0 - z * z;
      h[4 * i] = inverseSigma * inverseSigma;
      h[4 * i + 1] = 2.0 * z * inverseSigma;
      h[4 * i + 2] = 2.0 * z * inverseSigma;
      h[4 * i + 3] = 2.0 * z * z;
    }
    return sum;
  }

  private static final BlockCurvature KERNEL = b -> rows(b.data(0), b.eta(0), b.eta(1),
      b.gradient(0), b.gradient(1), b.hessian());

  @Test
  void aggregatedHessianEqualsTheTripleLoop() {
    int n = 10_000;
    SyntheticData data = SyntheticData.readings(n, 11);
    double[][] xMean = data.designWithIntercept("x", "z");
    double[][] xSigma = data.designWithIntercept("x");
    double[] mu = new double[n];
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      mu[i] = xMean[i][0] * BETA[0] + xMean[i][1] * BETA[1] + xMean[i][2] * BETA[2];
      s[i] = xSigma[i][0] * BETA[3] + xSigma[i][1] * BETA[4];
    }
    double[] h = new double[4 * n];
    rows(data.column("value"), mu, s, new double[n], new double[n], h);
    double[] expected = new double[25];
    double scale = 0;
    for (int i = 0; i < n; i++) {
      double[] x = {xMean[i][0], xMean[i][1], xMean[i][2], xSigma[i][0], xSigma[i][1]};
      for (int r = 0; r < 5; r++) {
        for (int c = 0; c < 5; c++) {
          double hrc = h[4 * i + 2 * (r < 3 ? 0 : 1) + (c < 3 ? 0 : 1)];
          expected[r * 5 + c] += hrc * x[r] * x[c];
          scale = Math.max(scale, Math.abs(expected[r * 5 + c]));
        }
      }
    }
    int[][] shapes = {{1, 4096}, {3, 1000}, {2, 7}};
    for (int[] shape : shapes) {
      try (SparkGlm glm = SparkGlm.of(data.toDataset(spark, shape[0]), shape[1],
          SampleModels.READINGS_DATA, SampleModels.READINGS_MEAN, SampleModels.READINGS_SIGMA)) {
        double[] hessian = new double[25];
        glm.lossGradientHessian(KERNEL, BETA.clone(), new double[5], hessian);
        for (int k = 0; k < 25; k++) {
          assertEquals(expected[k], hessian[k], 1e-12 * scale,
              shape[0] + " partitions, blocks of " + shape[1] + ", entry " + k);
        }
      }
    }
  }
}
