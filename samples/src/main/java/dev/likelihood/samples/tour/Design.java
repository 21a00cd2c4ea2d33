package dev.likelihood.samples.tour;

/** Design matrices and linear predictors for the tour's models. */
public final class Design {

  private Design() {}

  /** Rows [1, c1[i], c2[i], ...]: an intercept and the given columns. */
  public static double[][] withIntercept(double[]... columns) {
    int n = columns[0].length;
    double[][] x = new double[n][columns.length + 1];
    for (int i = 0; i < n; i++) {
      x[i][0] = 1;
      for (int j = 0; j < columns.length; j++) {
        if (columns[j].length != n) {
          throw new IllegalArgumentException(
              "design column " + j + " has " + columns[j].length + " rows, column 0 has " + n);
        }
        x[i][j + 1] = columns[j][i];
      }
    }
    return x;
  }

  /** Indicator of {@code level} in a factor column: R's treatment contrast for that level. */
  public static double[] indicator(int[] factor, int level) {
    double[] column = new double[factor.length];
    for (int i = 0; i < factor.length; i++) {
      column[i] = factor[i] == level ? 1 : 0;
    }
    return column;
  }

  /** x . beta for every row. */
  public static double[] linear(double[][] x, double[] beta) {
    double[] eta = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != beta.length) {
        throw new IllegalArgumentException(
            "row " + i + " has " + x[i].length + " columns, beta has " + beta.length);
      }
      double sum = 0;
      for (int j = 0; j < beta.length; j++) {
        sum += x[i][j] * beta[j];
      }
      eta[i] = sum;
    }
    return eta;
  }

  /** A column of {@code n} copies of {@code value}: an intercept-only predictor's eta. */
  public static double[] constant(int n, double value) {
    double[] column = new double[n];
    java.util.Arrays.fill(column, value);
    return column;
  }

  public static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  public static double softplus(double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }
}
