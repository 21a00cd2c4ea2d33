package dev.likelihood.runtime.fit;

/**
 * Column losses written by hand for the fitter's tests (the runtime has no generated code): each
 * a summed NLL over rows with its gradient and per-row Hessian in the fitter's layouts.
 */
final class Losses {

  private Losses() {}

  /** Poisson, log link, log y! dropped: sum exp(eta) - y eta. */
  static ColumnCurvature poisson(double[] y) {
    return (eta, g, h) -> {
      double sum = 0.0;
      for (int i = 0; i < y.length; i++) {
        double mean = Math.exp(eta[0][i]);
        sum += mean - y[i] * eta[0][i];
        g[0][i] = mean - y[i];
        h[i] = mean;
      }
      return sum;
    };
  }

  /** Bernoulli, logit link: sum softplus(eta) - y eta. */
  static ColumnCurvature logistic(double[] y) {
    return (eta, g, h) -> {
      double sum = 0.0;
      for (int i = 0; i < y.length; i++) {
        double e = eta[0][i];
        double softplus = Math.max(e, 0.0) + Math.log1p(Math.exp(-Math.abs(e)));
        double p = 1.0 / (1.0 + Math.exp(-e));
        sum += softplus - y[i] * e;
        g[0][i] = p - y[i];
        h[i] = p * (1.0 - p);
      }
      return sum;
    };
  }

  /**
   * Normal with a mean predictor (eta[0]) and a log-sigma predictor (eta[1]), constant dropped:
   * sum s + z^2 / 2 with z = (y - mu) exp(-s).
   */
  static ColumnCurvature heteroscedasticNormal(double[] y) {
    return (eta, g, h) -> {
      double sum = 0.0;
      for (int i = 0; i < y.length; i++) {
        double s = eta[1][i];
        double inverseSigma = Math.exp(-s);
        double z = (y[i] - eta[0][i]) * inverseSigma;
        sum += s + 0.5 * z * z;
        g[0][i] = -z * inverseSigma;
        g[1][i] = 1.0 - z * z;
        h[4 * i] = inverseSigma * inverseSigma;
        h[4 * i + 1] = 2.0 * z * inverseSigma;
        h[4 * i + 2] = 2.0 * z * inverseSigma;
        h[4 * i + 3] = 2.0 * z * z;
      }
      return sum;
    };
  }

  /** Normal with unit variance, identity link: sum (y - eta)^2 / 2 (least squares). */
  static ColumnCurvature leastSquares(double[] y) {
    return (eta, g, h) -> {
      double sum = 0.0;
      for (int i = 0; i < y.length; i++) {
        double r = eta[0][i] - y[i];
        sum += 0.5 * r * r;
        g[0][i] = r;
        h[i] = 1.0;
      }
      return sum;
    };
  }

  /** Softmax cross-entropy over width-k logits: sum logsumexp(eta_i) - eta_i[y_i]. */
  static ColumnLoss softmax(int[] y, int k) {
    return (eta, g) -> {
      double sum = 0.0;
      double[] logits = eta[0];
      for (int i = 0; i < y.length; i++) {
        int row = i * k;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          max = Math.max(max, logits[row + c]);
        }
        double total = 0.0;
        for (int c = 0; c < k; c++) {
          total += Math.exp(logits[row + c] - max);
        }
        double logSumExp = max + Math.log(total);
        sum += logSumExp - logits[row + y[i]];
        for (int c = 0; c < k; c++) {
          g[0][row + c] = Math.exp(logits[row + c] - logSumExp) - (c == y[i] ? 1.0 : 0.0);
        }
      }
      return sum;
    };
  }

  /** Rosenbrock's function of (eta[0][0], eta[0][1]): a 1-row intercept predictor of width 2. */
  static double rosenbrock(double[][] eta, double[][] g) {
    double a = eta[0][0];
    double b = eta[0][1];
    double bend = b - a * a;
    g[0][0] = -400.0 * a * bend - 2.0 * (1.0 - a);
    g[0][1] = 200.0 * bend;
    return 100.0 * bend * bend + (1.0 - a) * (1.0 - a);
  }

  /** A ColumnLoss view of a ColumnCurvature, for L-BFGS on the same model. */
  static ColumnLoss withoutHessian(ColumnCurvature curvature, int rows, int predictors) {
    double[] scratch = new double[rows * predictors * predictors];
    return (eta, g) -> curvature.lossGradientHessian(eta, g, scratch);
  }
}
