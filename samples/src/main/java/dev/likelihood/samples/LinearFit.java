package dev.likelihood.samples;

import java.io.PrintStream;

/**
 * Fits one linear predictor per model parameter, eta_k = X beta_k, by minimising a generated
 * batch loss with Adam (plain gradient descent with per-coefficient step sizes). It is the
 * smallest honest training loop: the generated {@code lossAndGradient} gives d loss / d eta per
 * row, and the chain rule through X gives the gradient of the coefficients.
 */
final class LinearFit {

  /** A generated batch loss seen as a function of the linear predictors. */
  interface Objective {
    /**
     * @param eta eta[k][i], the predictor of parameter k at row i
     * @param gradient receives d loss / d eta[k][i]
     * @return the loss
     */
    double lossAndGradient(double[][] eta, double[][] gradient);
  }

  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-12;

  private LinearFit() {}

  /**
   * @param x x[i][j], feature j of row i (include a column of ones for an intercept)
   * @param parameters how many linear predictors
   * @return beta[k][j]
   */
  static double[][] fit(
      double[][] x,
      int parameters,
      Objective objective,
      int iterations,
      double learningRate,
      PrintStream progress) {
    int n = x.length;
    int p = x[0].length;
    double[][] beta = new double[parameters][p];
    double[][] m = new double[parameters][p];
    double[][] v = new double[parameters][p];
    double[][] eta = new double[parameters][n];
    double[][] gradient = new double[parameters][n];
    double loss = Double.NaN;
    for (int t = 1; t <= iterations; t++) {
      predict(x, beta, eta);
      loss = objective.lossAndGradient(eta, gradient);
      for (int k = 0; k < parameters; k++) {
        for (int j = 0; j < p; j++) {
          double g = 0;
          for (int i = 0; i < n; i++) {
            g += gradient[k][i] * x[i][j];
          }
          m[k][j] = BETA1 * m[k][j] + (1 - BETA1) * g;
          v[k][j] = BETA2 * v[k][j] + (1 - BETA2) * g * g;
          double mHat = m[k][j] / (1 - Math.pow(BETA1, t));
          double vHat = v[k][j] / (1 - Math.pow(BETA2, t));
          beta[k][j] -= learningRate * mHat / (Math.sqrt(vHat) + EPSILON);
        }
      }
      if (progress != null && (t % (iterations / 4) == 0)) {
        progress.printf("    iteration %5d of %d: mean NLL %.6f%n", t, iterations, loss);
      }
    }
    return beta;
  }

  static void predict(double[][] x, double[][] beta, double[][] eta) {
    for (int k = 0; k < beta.length; k++) {
      for (int i = 0; i < x.length; i++) {
        double s = 0;
        for (int j = 0; j < beta[k].length; j++) {
          s += beta[k][j] * x[i][j];
        }
        eta[k][i] = s;
      }
    }
  }
}
