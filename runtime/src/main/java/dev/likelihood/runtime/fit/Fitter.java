package dev.likelihood.runtime.fit;

import java.io.PrintStream;

/**
 * Fits the coefficients of linear predictors by minimising a column loss: the configuration
 * (immutable, each setter returns a copy) and the entry points {@link #newton} and
 * {@link #lbfgs}.
 *
 * <pre>{@code
 * FitResult fit = Fitter.of(Predictor.of("rate", x, "(Intercept)", "outcome2", "outcome3"))
 *     .newton((eta, g, h) -> DobsonLoss.lossGradientHessian(Reduction.SUM, counts, eta[0], g[0], h));
 * }</pre>
 *
 * <p>Defaults: start at all zeros, tolerance 1e-8 (see {@link #tolerance} for what it bounds),
 * 100 iterations for Newton and 1,000 for L-BFGS, progress lines to {@code System.err} once a
 * fit has run for more than a second.
 */
public final class Fitter {

  /** The default tolerance. */
  public static final double DEFAULT_TOLERANCE = 1e-8;
  /** The default iteration limit of {@link #newton}. */
  public static final int NEWTON_MAX_ITERATIONS = 100;
  /** The default iteration limit of {@link #lbfgs}. */
  public static final int LBFGS_MAX_ITERATIONS = 1000;

  private final Design design;
  private final int maxIterations;
  private final double tolerance;
  private final double[] start;
  private final PrintStream progress;

  private Fitter(Design design, int maxIterations, double tolerance, double[] start,
      PrintStream progress) {
    this.design = design;
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.start = start;
    this.progress = progress;
  }

  /**
   * A fitter of these predictors, whose coefficient blocks are concatenated in this order.
   *
   * @throws IllegalArgumentException with no predictors, a repeated parameter, different row
   *     counts or an offset whose length is not rows*width
   */
  public static Fitter of(Predictor... predictors) {
    return new Fitter(new Design(predictors), -1, DEFAULT_TOLERANCE, null, System.err);
  }

  /** The iteration limit (accepted steps), instead of the method's default. */
  public Fitter maxIterations(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("maxIterations = " + n + " but it must be >= 0");
    }
    return new Fitter(design, n, tolerance, start, progress);
  }

  /**
   * The convergence tolerance: Newton stops when the Newton decrement g'H^-1g/2, or the change
   * of the loss in an undamped step, is at most {@code t (1 + |loss|)}; L-BFGS when
   * max|gradient| <= {@code t max(1, |loss|)}.
   */
  public Fitter tolerance(double t) {
    if (!(t >= 0) || Double.isInfinite(t)) {
      throw new IllegalArgumentException("tolerance = " + t + " but it must be finite and >= 0");
    }
    return new Fitter(design, maxIterations, t, start, progress);
  }

  /** The starting coefficients, one array per predictor (columns*width, j*width + c). */
  public Fitter start(double[]... coefficients) {
    if (coefficients == null || coefficients.length != design.predictorCount()) {
      throw new IllegalArgumentException("start has " + (coefficients == null ? 0
          : coefficients.length) + " arrays but there are " + design.predictorCount()
          + " predictors; give one array per predictor");
    }
    double[] flat = new double[design.size()];
    for (int k = 0; k < coefficients.length; k++) {
      Predictor p = design.predictor(k);
      int length = p.columns() * p.width();
      double[] block = coefficients[k];
      if (block == null || block.length != length) {
        throw new IllegalArgumentException("start for predictor '" + p.parameter() + "' has "
            + (block == null ? "no array" : block.length + " values") + " but it needs columns*width = "
            + length);
      }
      for (int i = 0; i < length; i++) {
        if (!Double.isFinite(block[i])) {
          throw new IllegalArgumentException("start for predictor '" + p.parameter() + "': value "
              + i + " = " + block[i] + " is not finite");
        }
      }
      System.arraycopy(block, 0, flat, design.start(k), length);
    }
    return new Fitter(design, maxIterations, tolerance, flat, progress);
  }

  /** Where progress lines go; they appear only once a fit has run for more than a second. */
  public Fitter progress(PrintStream out) {
    if (out == null) {
      throw new IllegalArgumentException("the progress stream is null; use quiet() for none");
    }
    return new Fitter(design, maxIterations, tolerance, start, out);
  }

  /** No progress lines. */
  public Fitter quiet() {
    return new Fitter(design, maxIterations, tolerance, start, null);
  }

  /**
   * Newton's method (IRLS for GLMs) with step halving, and Levenberg damping where the Hessian
   * is not positive definite; standard errors from the Hessian at the optimum. Scalar
   * predictors only.
   *
   * @throws IllegalArgumentException if a predictor has width > 1, or the loss or gradient is
   *     not finite at the start (naming the predictor and row)
   */
  public FitResult newton(ColumnCurvature loss) {
    Objective objective = Objective.of(design, loss);
    int limit = maxIterations < 0 ? NEWTON_MAX_ITERATIONS : maxIterations;
    return new Newton(objective, settings(limit, "newton")).run();
  }

  /**
   * L-BFGS (memory 10) with a strong Wolfe line search; any predictor widths.
   *
   * @throws IllegalArgumentException if the loss or gradient is not finite at the start (naming
   *     the predictor and row)
   */
  public FitResult lbfgs(ColumnLoss loss) {
    Objective objective = Objective.of(design, loss);
    int limit = maxIterations < 0 ? LBFGS_MAX_ITERATIONS : maxIterations;
    return new Lbfgs(objective, settings(limit, "lbfgs")).run();
  }

  /**
   * The inverse Hessian of the loss at a fit's coefficients (size by size, in the order of the
   * coefficient vector): the asymptotic covariance when the loss is a summed NLL.
   *
   * @throws IllegalStateException if the Hessian there is not positive definite
   */
  public double[][] covariance(ColumnCurvature loss, FitResult fit) {
    int p = design.size();
    double[] beta = fit.allCoefficients();
    if (beta.length != p) {
      throw new IllegalArgumentException("the fit has " + beta.length
          + " coefficients but these predictors have " + p);
    }
    Objective objective = Objective.of(design, loss);
    double[] hessian = new double[p * p];
    objective.value(beta, new double[p], hessian);
    double[] factor = new double[p * p];
    if (!Cholesky.factor(hessian, p, 0.0, factor)) {
      throw new IllegalStateException("the Hessian at the fit is not positive definite (or not"
          + " finite): no covariance; is the fit converged and the model identifiable?");
    }
    double[] inverse = new double[p * p];
    Cholesky.invert(factor, p, inverse, new double[p]);
    double[][] covariance = new double[p][p];
    for (int i = 0; i < p; i++) {
      System.arraycopy(inverse, i * p, covariance[i], 0, p);
    }
    return covariance;
  }

  private Settings settings(int limit, String method) {
    double[] from = start == null ? new double[design.size()] : start.clone();
    return new Settings(from, limit, tolerance, new Progress(progress, method));
  }
}
