package dev.likelihood.benchmarks;

/**
 * The trial-setup check of {@link ScalarFamiliesBenchmark}: the expert and naive loops (and the
 * Commons value) must compute what the generated loss computes, or the comparison means nothing.
 *
 * <p>It holds the generated mean loss and gradient columns of one data set and compares another
 * variant's result with them: the loss within 1e-9 relative, and every gradient entry within 1e-9
 * of the larger of its own magnitude and the row scale 1/n (a per-row derivative is of order 1
 * before the mean's 1/n, so an entry that happens to be near 0 is held to 1e-9 absolute on that
 * scale). A NaN anywhere fails.
 */
final class Agreement {

  private static final double TOLERANCE = 1e-9;

  private final String benchmarkCase;
  private final double loss;
  private final double[][] gradients;

  /** The generated loss and gradient columns of the case named {@code benchmarkCase}. */
  Agreement(String benchmarkCase, double loss, double[]... gradients) {
    this.benchmarkCase = benchmarkCase;
    this.loss = loss;
    this.gradients = gradients.clone();
  }

  /** Checks a variant that computes the loss and writes gradient columns in the same order. */
  void check(String variant, double otherLoss, double[]... otherGradients) {
    checkValue(variant, otherLoss);
    if (otherGradients.length != gradients.length) {
      throw new IllegalStateException(benchmarkCase + ": " + variant + " gradient count");
    }
    for (int c = 0; c < gradients.length; c++) {
      double[] expected = gradients[c];
      double[] actual = otherGradients[c];
      double rowScale = 1.0 / expected.length;
      for (int i = 0; i < expected.length; i++) {
        double bound = TOLERANCE * Math.max(Math.abs(expected[i]), rowScale);
        if (!(Math.abs(actual[i] - expected[i]) <= bound)) {
          throw new IllegalStateException(
              benchmarkCase + ": " + variant + " and generated gradient column " + c + " differ at"
                  + " row " + i + ": " + actual[i] + " vs " + expected[i]);
        }
      }
    }
  }

  /** Checks a variant that computes the loss only. */
  void checkValue(String variant, double otherLoss) {
    if (!(Math.abs(otherLoss - loss) <= TOLERANCE * Math.abs(loss))) {
      throw new IllegalStateException(
          benchmarkCase + ": " + variant + " and generated loss differ: " + otherLoss + " vs "
              + loss);
    }
  }
}
