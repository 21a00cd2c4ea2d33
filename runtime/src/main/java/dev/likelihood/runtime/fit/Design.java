package dev.likelihood.runtime.fit;

import java.util.HashSet;
import java.util.Set;

/**
 * The linear map from the coefficient vector to the predictors' columns and its transpose. The
 * coefficient vector is the concatenation of the predictors' blocks (columns*width each,
 * coefficient j of component c at {@code j*width + c}).
 */
final class Design {

  private final Predictor[] predictors;
  private final int rows;
  private final int[] start;
  private final int size;

  Design(Predictor[] predictors) {
    if (predictors == null || predictors.length == 0) {
      throw new IllegalArgumentException("a fit needs at least one predictor");
    }
    this.predictors = predictors.clone();
    this.start = new int[predictors.length + 1];
    Set<String> parameters = new HashSet<>();
    for (int k = 0; k < predictors.length; k++) {
      Predictor p = predictors[k];
      if (p == null) {
        throw new IllegalArgumentException("predictor " + k + " is null");
      }
      if (!parameters.add(p.parameter())) {
        throw new IllegalArgumentException("two predictors model parameter '" + p.parameter()
            + "'; give each parameter one predictor");
      }
      if (p.rows() != predictors[0].rows()) {
        throw new IllegalArgumentException("predictor '" + p.parameter() + "' has " + p.rows()
            + " rows but '" + predictors[0].parameter() + "' has " + predictors[0].rows()
            + "; every predictor needs one row per sample");
      }
      if (p.offset() != null && p.offset().length != p.rows() * p.width()) {
        throw new IllegalArgumentException("predictor '" + p.parameter() + "': the offset has "
            + p.offset().length + " entries but rows*width = " + p.rows() * p.width());
      }
      start[k + 1] = start[k] + p.columns() * p.width();
    }
    this.rows = predictors[0].rows();
    this.size = start[predictors.length];
  }

  int predictorCount() {
    return predictors.length;
  }

  Predictor predictor(int k) {
    return predictors[k];
  }

  int rows() {
    return rows;
  }

  /** The number of coefficients. */
  int size() {
    return size;
  }

  /** Where predictor k's block starts in the coefficient vector. */
  int start(int k) {
    return start[k];
  }

  /** The index of the predictor of a parameter. */
  int index(String parameter) {
    for (int k = 0; k < predictors.length; k++) {
      if (predictors[k].parameter().equals(parameter)) {
        return k;
      }
    }
    StringBuilder known = new StringBuilder();
    for (Predictor p : predictors) {
      known.append(known.length() == 0 ? "" : ", ").append('\'').append(p.parameter())
          .append('\'');
    }
    throw new IllegalArgumentException(
        "no predictor models parameter '" + parameter + "'; the parameters are " + known);
  }

  /** Allocates the columns eta (or their gradients): one array of rows*width per predictor. */
  double[][] newColumns() {
    double[][] columns = new double[predictors.length][];
    for (int k = 0; k < predictors.length; k++) {
      columns[k] = new double[rows * predictors[k].width()];
    }
    return columns;
  }

  /** Throws unless every predictor is scalar, as the per-row Hessian layout requires. */
  void requireScalar(String method) {
    for (Predictor p : predictors) {
      if (p.width() != 1) {
        throw new IllegalArgumentException(method + " needs scalar predictors but '"
            + p.parameter() + "' has width " + p.width() + "; use lbfgs for vector parameters");
      }
    }
  }

  /** eta = X beta + offset, for every predictor. */
  void eta(double[] beta, double[][] eta) {
    for (int k = 0; k < predictors.length; k++) {
      Predictor p = predictors[k];
      double[] x = p.design();
      double[] offset = p.offset();
      double[] out = eta[k];
      int columns = p.columns();
      int width = p.width();
      int base = start[k];
      for (int i = 0; i < rows; i++) {
        int row = i * columns;
        for (int c = 0; c < width; c++) {
          double sum = offset == null ? 0.0 : offset[i * width + c];
          for (int j = 0; j < columns; j++) {
            sum += x[row + j] * beta[base + j * width + c];
          }
          out[i * width + c] = sum;
        }
      }
    }
  }

  /** gradient = X^T g, block by block. */
  void gradient(double[][] columnGradient, double[] gradient) {
    java.util.Arrays.fill(gradient, 0.0);
    for (int k = 0; k < predictors.length; k++) {
      Predictor p = predictors[k];
      double[] x = p.design();
      double[] g = columnGradient[k];
      int columns = p.columns();
      int width = p.width();
      int base = start[k];
      for (int i = 0; i < rows; i++) {
        int row = i * columns;
        for (int j = 0; j < columns; j++) {
          double xij = x[row + j];
          int at = base + j * width;
          for (int c = 0; c < width; c++) {
            gradient[at + c] += xij * g[i * width + c];
          }
        }
      }
    }
  }

  /**
   * The Hessian in the coefficients (size by size, row-major) from the per-row Hessian in eta:
   * block (a, b) = sum_i h_i[a][b] x_i^(a) x_i^(b)^T. Scalar predictors only.
   */
  void hessian(double[] rowHessian, double[] hessian) {
    java.util.Arrays.fill(hessian, 0.0);
    int count = predictors.length;
    for (int a = 0; a < count; a++) {
      double[] xa = predictors[a].design();
      int ca = predictors[a].columns();
      for (int b = a; b < count; b++) {
        double[] xb = predictors[b].design();
        int cb = predictors[b].columns();
        for (int i = 0; i < rows; i++) {
          double h = rowHessian[i * count * count + a * count + b];
          for (int j = 0; j < ca; j++) {
            double hx = h * xa[i * ca + j];
            int at = (start[a] + j) * size + start[b];
            // On a diagonal block only the upper triangle, mirrored below.
            for (int l = a == b ? j : 0; l < cb; l++) {
              hessian[at + l] += hx * xb[i * cb + l];
            }
          }
        }
      }
    }
    for (int r = 0; r < size; r++) {
      for (int c = r + 1; c < size; c++) {
        hessian[c * size + r] = hessian[r * size + c];
      }
    }
  }

  /** The per-predictor blocks of a coefficient vector, copied. */
  double[][] split(double[] beta) {
    double[][] blocks = new double[predictors.length][];
    for (int k = 0; k < predictors.length; k++) {
      blocks[k] = java.util.Arrays.copyOfRange(beta, start[k], start[k + 1]);
    }
    return blocks;
  }
}
