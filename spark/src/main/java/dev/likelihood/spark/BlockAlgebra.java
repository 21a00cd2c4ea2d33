package dev.likelihood.spark;

import java.util.Arrays;

/**
 * The linear algebra of one block, in its column layout: eta = X beta per predictor, and the
 * block's contributions X^T g and X^T H X (upper triangle) in the layout of {@link PartialSums}.
 * eta adds the terms in coefficient order from 0, as the runtime's in-memory Design does, so
 * both paths see bit-identical eta.
 */
final class BlockAlgebra {

  private BlockAlgebra() {}

  static void eta(BlockLayout layout, double[] beta, ColumnBlock block, double[][] eta) {
    for (int k = 0; k < layout.predictors(); k++) {
      double[] out = eta[k];
      Arrays.fill(out, 0, block.rows, 0.0);
      for (int c = 0; c < layout.coefficients(k); c++) {
        double b = beta[layout.start(k) + c];
        int column = layout.column(k, c);
        if (column == BlockLayout.INTERCEPT) {
          for (int i = 0; i < block.rows; i++) {
            out[i] += b;
          }
        } else {
          double[] x = block.columns[column];
          for (int i = 0; i < block.rows; i++) {
            out[i] += x[i] * b;
          }
        }
      }
    }
  }

  /** sums[1 + coefficient] = sum_i x_i g_i over the block. */
  static void gradient(BlockLayout layout, ColumnBlock block, double[][] gradient,
      double[] sums) {
    for (int k = 0; k < layout.predictors(); k++) {
      double[] g = gradient[k];
      for (int c = 0; c < layout.coefficients(k); c++) {
        sums[1 + layout.start(k) + c] = dot(g, column(layout, block, k, c), block.rows);
      }
    }
  }

  /**
   * sums[1 + size + r*size + c] for r <= c: block (a, b) of the Hessian is
   * sum_i h_i[a][b] x_i^(a) x_i^(b)^T. {@code weight} and {@code weighted} are scratch of at
   * least rows entries.
   */
  static void hessian(BlockLayout layout, ColumnBlock block, double[] rowHessian,
      double[] weight, double[] weighted, double[] sums) {
    int count = layout.predictors();
    int size = layout.size();
    int base = 1 + size;
    int rows = block.rows;
    for (int a = 0; a < count; a++) {
      for (int b = a; b < count; b++) {
        for (int i = 0; i < rows; i++) {
          weight[i] = rowHessian[i * count * count + a * count + b];
        }
        for (int c = 0; c < layout.coefficients(a); c++) {
          double[] xa = column(layout, block, a, c);
          for (int i = 0; i < rows; i++) {
            weighted[i] = xa == null ? weight[i] : weight[i] * xa[i];
          }
          int row = layout.start(a) + c;
          // On a diagonal block only the upper triangle; the driver mirrors it.
          for (int d = a == b ? c : 0; d < layout.coefficients(b); d++) {
            sums[base + row * size + layout.start(b) + d] =
                dot(weighted, column(layout, block, b, d), rows);
          }
        }
      }
    }
  }

  /** The block column of coefficient c of predictor k, or null for the intercept's ones. */
  private static double[] column(BlockLayout layout, ColumnBlock block, int k, int c) {
    int column = layout.column(k, c);
    return column == BlockLayout.INTERCEPT ? null : block.columns[column];
  }

  /** sum_i v_i x_i, with x = null meaning a column of ones. */
  private static double dot(double[] v, double[] x, int rows) {
    double sum = 0.0;
    if (x == null) {
      for (int i = 0; i < rows; i++) {
        sum += v[i];
      }
    } else {
      for (int i = 0; i < rows; i++) {
        sum += v[i] * x[i];
      }
    }
    return sum;
  }
}
