package dev.likelihood.runtime.fit;

/**
 * A dense Cholesky factorisation A + shift I = L L^T for the small symmetric systems of Newton's
 * method (P coefficients, P small: O(P^3) is nothing next to the O(n P^2) Hessian). Row-major
 * arrays supplied by the caller, so nothing is allocated per iteration.
 */
final class Cholesky {

  private Cholesky() {}

  /**
   * Factors {@code a + shift I} (n by n, symmetric, only the lower triangle read) into the lower
   * triangle of {@code l}. Returns false if it is not numerically positive definite.
   */
  static boolean factor(double[] a, int n, double shift, double[] l) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = a[i * n + j] + (i == j ? shift : 0.0);
        for (int k = 0; k < j; k++) {
          sum -= l[i * n + k] * l[j * n + k];
        }
        if (i == j) {
          // "not > 0" also rejects NaN.
          if (!(sum > 0.0)) {
            return false;
          }
          l[i * n + i] = Math.sqrt(sum);
        } else {
          l[i * n + j] = sum / l[j * n + j];
        }
      }
      for (int j = i + 1; j < n; j++) {
        l[i * n + j] = 0.0;
      }
    }
    return true;
  }

  /** Solves L L^T x = b in place in {@code x} (which holds b on entry). */
  static void solve(double[] l, int n, double[] x) {
    for (int i = 0; i < n; i++) {
      double sum = x[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i * n + k] * x[k];
      }
      x[i] = sum / l[i * n + i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double sum = x[i];
      for (int k = i + 1; k < n; k++) {
        sum -= l[k * n + i] * x[k];
      }
      x[i] = sum / l[i * n + i];
    }
  }

  /** The inverse of L L^T, column by column, into {@code inverse} (n by n). */
  static void invert(double[] l, int n, double[] inverse, double[] column) {
    for (int j = 0; j < n; j++) {
      java.util.Arrays.fill(column, 0.0);
      column[j] = 1.0;
      solve(l, n, column);
      for (int i = 0; i < n; i++) {
        inverse[i * n + j] = column[i];
      }
    }
  }
}
