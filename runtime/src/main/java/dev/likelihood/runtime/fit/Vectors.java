package dev.likelihood.runtime.fit;

/** The few dense-vector operations the optimisers share; none allocates. */
final class Vectors {

  /**
   * Changes of a loss below {@code ROUNDING * (1 + |loss|)} are taken as rounding noise: a sum
   * over many rows cannot rank two points closer than that.
   */
  static final double ROUNDING = 1e3 * Math.ulp(1.0);

  private Vectors() {}

  static double dot(double[] a, double[] b) {
    double sum = 0.0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  static double maxAbs(double[] a) {
    double max = 0.0;
    for (double v : a) {
      if (Double.isNaN(v)) {
        return Double.NaN;
      }
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }

  static boolean allFinite(double[] a) {
    for (double v : a) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** out = x + t d. */
  static void step(double[] x, double t, double[] d, double[] out) {
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] + t * d[i];
    }
  }
}
