package dev.likelihood.benchmarks;

/**
 * The per-sample path of {@link ScalarFamiliesBenchmark}: a loop calling the generated one-sample
 * {@code nllAndGradient(..., grad, 0)} row by row into one reused one-entry buffer, then scaling
 * the derivative by 1/n into the gradient column, as a training loop that does not use the batch
 * methods would. A plain sum. Run with {@code -prof gc} to see that it allocates nothing.
 */
final class PerSampleLoops {

  private PerSampleLoops() {}

  static double poissonLog(int[] count, double[] rate, double[] gradRate, double[] buffer) {
    final int n = count.length;
    final double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += PoissonLogLoss.nllAndGradient(count[i], rate[i], buffer, 0);
      gradRate[i] = scale * buffer[0];
    }
    return sum * scale;
  }

  static double bernoulliLogit(
      boolean[] label, double[] score, double[] gradScore, double[] buffer) {
    final int n = label.length;
    final double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += BernoulliLogitLoss.nllAndGradient(label[i], score[i], buffer, 0);
      gradScore[i] = scale * buffer[0];
    }
    return sum * scale;
  }
}
