package dev.likelihood.runtime.fit;

import java.time.Duration;
import java.util.Locale;

/**
 * The outcome of a fit: coefficients per predictor, standard errors after Newton, the loss and
 * how the optimiser got there. Immutable; accessors return copies.
 */
public final class FitResult {

  private final Design design;
  private final double[] coefficients;
  private final double[] standardErrors;
  private final double loss;
  private final int iterations;
  private final int evaluations;
  private final boolean converged;
  private final double gradientNorm;
  private final String method;
  private final Duration elapsed;
  private final String stopReason;

  FitResult(Design design, double[] coefficients, double[] standardErrors, double loss,
      int iterations, int evaluations, boolean converged, double gradientNorm, String method,
      Duration elapsed, String stopReason) {
    this.design = design;
    this.coefficients = coefficients.clone();
    this.standardErrors = standardErrors == null ? null : standardErrors.clone();
    this.loss = loss;
    this.iterations = iterations;
    this.evaluations = evaluations;
    this.converged = converged;
    this.gradientNorm = gradientNorm;
    this.method = method;
    this.elapsed = elapsed;
    this.stopReason = stopReason;
  }

  /** Predictor k's coefficients, columns*width of them, coefficient j of component c at j*width + c. */
  public double[] coefficients(int predictor) {
    if (predictor < 0 || predictor >= design.predictorCount()) {
      throw new IllegalArgumentException("predictor " + predictor + " does not exist; there are "
          + design.predictorCount());
    }
    return block(coefficients, predictor);
  }

  /** The coefficients of the predictor of a parameter. */
  public double[] coefficients(String parameter) {
    return block(coefficients, design.index(parameter));
  }

  /** One coefficient of a scalar parameter's predictor, by column name. */
  public double coefficient(String parameter, String columnName) {
    Predictor predictor = design.predictor(design.index(parameter));
    if (predictor.width() != 1) {
      throw new IllegalArgumentException("parameter '" + parameter + "' has width "
          + predictor.width() + "; use coefficient(parameter, columnName, component)");
    }
    return coefficient(parameter, columnName, 0);
  }

  /** One coefficient of a vector parameter's predictor: its column and component. */
  public double coefficient(String parameter, String columnName, int component) {
    int k = design.index(parameter);
    Predictor predictor = design.predictor(k);
    if (component < 0 || component >= predictor.width()) {
      throw new IllegalArgumentException("parameter '" + parameter + "' has width "
          + predictor.width() + " but component " + component + " was asked for");
    }
    int j = predictor.columnIndex(columnName);
    return coefficients[design.start(k) + j * predictor.width() + component];
  }

  /**
   * The standard errors of a parameter's coefficients, sqrt(diag(H^-1)) with the Hessian of the
   * loss at the optimum (NaN where it is not positive definite). Available after
   * {@link Fitter#newton}; after {@link Fitter#lbfgs} use {@link Fitter#covariance}.
   */
  public double[] standardErrors(String parameter) {
    if (standardErrors == null) {
      throw new IllegalStateException(method + " does not compute the Hessian, so it has no"
          + " standard errors; use Fitter.covariance(curvature, fit) for them");
    }
    return block(standardErrors, design.index(parameter));
  }

  /** The whole coefficient vector, shared: for the fitter's own use. */
  double[] allCoefficients() {
    return coefficients;
  }

  /** The loss at the coefficients. */
  public double loss() {
    return loss;
  }

  /** The number of accepted steps. */
  public int iterations() {
    return iterations;
  }

  /** The number of loss evaluations, line searches and step halvings included. */
  public int evaluations() {
    return evaluations;
  }

  /** Whether the convergence rule held; {@link #stopReason()} says which, or why not. */
  public boolean converged() {
    return converged;
  }

  /** The largest absolute entry of the gradient at the coefficients. */
  public double gradientNorm() {
    return gradientNorm;
  }

  /** "newton" or "lbfgs". */
  public String method() {
    return method;
  }

  /** The wall-clock time of the fit. */
  public Duration elapsed() {
    return elapsed;
  }

  /** Why the optimiser stopped, with the number that decided. */
  public String stopReason() {
    return stopReason;
  }

  /** A summary line and a table: parameter, column, estimate, standard error. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "%s: %s after %d iterations (%d evaluations, %.1f ms): loss %.10g, max|gradient| %.2e%n"
            + "  %s%n",
        method, converged ? "converged" : "NOT converged", iterations, evaluations,
        elapsed.toNanos() / 1e6, loss, gradientNorm, stopReason));
    out.append(String.format(Locale.ROOT, "%-12s %-16s %16s %12s%n", "parameter", "column",
        "estimate", "std. error"));
    for (int k = 0; k < design.predictorCount(); k++) {
      Predictor predictor = design.predictor(k);
      int width = predictor.width();
      for (int j = 0; j < predictor.columns(); j++) {
        for (int c = 0; c < width; c++) {
          int at = design.start(k) + j * width + c;
          String column = predictor.columnName(j) + (width > 1 ? "[" + c + "]" : "");
          String error = standardErrors == null ? "" : String.format(Locale.ROOT, "%.4e",
              standardErrors[at]);
          out.append(String.format(Locale.ROOT, "%-12s %-16s %16.6e %12s%n",
              predictor.parameter(), column, coefficients[at], error));
        }
      }
    }
    return out.toString();
  }

  private double[] block(double[] values, int k) {
    return java.util.Arrays.copyOfRange(values, design.start(k),
        design.start(k) + design.predictor(k).columns() * design.predictor(k).width());
  }
}
