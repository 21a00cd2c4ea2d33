package dev.likelihood.runtime.fit;

import java.time.Duration;
import java.util.Locale;

/**
 * Newton's method (IRLS for a GLM) on the coefficient vector, with step halving and Levenberg
 * damping.
 *
 * <p>Each iteration factors the Hessian H by Cholesky; if it is not positive definite, H + mu I
 * with mu growing tenfold until it is (Levenberg), so the direction always descends. The step is
 * halved until the loss does not increase (a non-finite loss counts as an increase). It stops,
 * converged, when either
 * <ul>
 *   <li>the Newton decrement g^T H^-1 g / 2 (the predicted decrease of a quadratic model)
 *       is at most {@code tolerance * (1 + |loss|)} with H undamped, or
 *   <li>an undamped step changed the loss by at most {@code tolerance * (1 + |loss|)}, R's
 *       {@code glm} rule; Newton converges quadratically, so the point it reaches is already
 *       much closer than that step suggests.
 * </ul>
 * Standard errors are sqrt(diag(H^-1)) with H at the final point.
 */
final class Newton {

  /** Halvings before giving up: 2^-60 of a Newton step is below any coefficient's rounding. */
  private static final int MAX_HALVINGS = 60;

  private final Objective objective;
  private final Settings settings;

  Newton(Objective objective, Settings settings) {
    this.objective = objective;
    this.settings = settings;
  }

  FitResult run() {
    int p = objective.design().size();
    Point current = new Point(settings.start().clone(), p);
    Point trial = new Point(new double[p], p);
    double[] factor = new double[p * p];
    double[] direction = new double[p];
    current.evaluate(objective);
    objective.requireFiniteStart(current.f, current.g);
    double tolerance = settings.tolerance();
    int iterations = 0;
    int damped = 0;
    double lastChange = Double.POSITIVE_INFINITY;
    boolean lastUndamped = false;
    boolean converged = false;
    String reason = null;
    while (true) {
      double shift = factorDamped(current.h, p, factor);
      if (Double.isNaN(shift)) {
        reason = "the Hessian is not finite or could not be made positive definite by damping";
        break;
      }
      for (int i = 0; i < p; i++) {
        direction[i] = -current.g[i];
      }
      Cholesky.solve(factor, p, direction);
      double decrement = -Vectors.dot(current.g, direction) / 2;
      double scale = 1 + Math.abs(current.f);
      if (shift == 0 && decrement <= tolerance * scale) {
        converged = true;
        reason = format("Newton decrement g'H^-1g/2 = %.3g <= tolerance (1 + |loss|)", decrement);
      } else if (lastUndamped && lastChange <= tolerance * scale) {
        converged = true;
        reason = format("relative loss change %.3g <= tolerance", lastChange / scale);
      }
      if (converged) {
        // One more full step costs one evaluation and squares the remaining error, so the
        // tolerance bounds the loss, not the coefficients' accuracy.
        if (shift == 0) {
          trial.evaluateStep(objective, current, 1.0, direction);
          if (trial.isFinite() && trial.f <= current.f + Vectors.ROUNDING * scale) {
            Point swap = current;
            current = trial;
            trial = swap;
            iterations++;
          }
        }
        break;
      }
      if (iterations >= settings.maxIterations()) {
        reason = "maximum of " + settings.maxIterations() + " iterations reached";
        break;
      }
      boolean accepted = false;
      double t = 1.0;
      for (int halving = 0; halving < MAX_HALVINGS && !accepted; halving++, t *= 0.5) {
        trial.evaluateStep(objective, current, t, direction);
        // At rounding level the loss cannot rank two points; the full step is then taken.
        boolean unjudgeable = t == 1.0 && decrement <= Vectors.ROUNDING * scale;
        accepted = trial.isFinite() && (trial.f <= current.f || unjudgeable);
      }
      if (!accepted) {
        reason = format("step halving found no lower loss along the Newton direction"
            + " (decrement %.3g)", decrement);
        break;
      }
      lastChange = Math.abs(current.f - trial.f);
      lastUndamped = shift == 0;
      damped += shift == 0 ? 0 : 1;
      Point swap = current;
      current = trial;
      trial = swap;
      iterations++;
      settings.progress().iteration(iterations, current.f, Vectors.maxAbs(current.g));
    }
    if (damped > 0) {
      reason += "; " + damped + " damped step" + (damped == 1 ? "" : "s");
    }
    double gradientNorm = Vectors.maxAbs(current.g);
    Progress progress = settings.progress();
    progress.finish(iterations, current.f, gradientNorm, reason);
    return new FitResult(objective.design(), current.x, standardErrors(current.h, p, factor),
        current.f, iterations, objective.evaluations(), converged, gradientNorm, "newton",
        Duration.ofNanos(progress.elapsedNanos()), reason);
  }

  /** A point with its loss, gradient and Hessian; two of them take turns as current and trial. */
  private static final class Point {
    final double[] x;
    final double[] g;
    final double[] h;
    double f;

    Point(double[] x, int p) {
      this.x = x;
      this.g = new double[p];
      this.h = new double[p * p];
    }

    void evaluate(Objective objective) {
      f = objective.value(x, g, h);
    }

    /** Evaluates at from.x + t direction. */
    void evaluateStep(Objective objective, Point from, double t, double[] direction) {
      Vectors.step(from.x, t, direction, x);
      evaluate(objective);
    }

    boolean isFinite() {
      return Double.isFinite(f) && Vectors.allFinite(g);
    }
  }

  /**
   * Factors H, or H + mu I with the smallest tried mu that makes it positive definite; returns
   * mu (0 when undamped), or NaN if no mu does.
   */
  static double factorDamped(double[] h, int p, double[] factor) {
    if (Cholesky.factor(h, p, 0.0, factor)) {
      return 0.0;
    }
    double maxAbsDiagonal = 0.0;
    double minDiagonal = Double.POSITIVE_INFINITY;
    for (int i = 0; i < p; i++) {
      maxAbsDiagonal = Math.max(maxAbsDiagonal, Math.abs(h[i * p + i]));
      minDiagonal = Math.min(minDiagonal, h[i * p + i]);
    }
    // Start where a negative diagonal is at least cancelled, then grow tenfold.
    double shift = 1e-8 * Math.max(1.0, maxAbsDiagonal) + Math.max(0.0, -minDiagonal);
    for (int attempt = 0; attempt < 40 && Double.isFinite(shift); attempt++, shift *= 10) {
      if (Cholesky.factor(h, p, shift, factor)) {
        return shift;
      }
    }
    return Double.NaN;
  }

  /** sqrt(diag(H^-1)), or NaN entries if H is not positive definite at the final point. */
  private static double[] standardErrors(double[] h, int p, double[] factor) {
    double[] errors = new double[p];
    if (!Cholesky.factor(h, p, 0.0, factor)) {
      java.util.Arrays.fill(errors, Double.NaN);
      return errors;
    }
    double[] inverse = new double[p * p];
    Cholesky.invert(factor, p, inverse, new double[p]);
    for (int i = 0; i < p; i++) {
      errors[i] = Math.sqrt(inverse[i * p + i]);
    }
    return errors;
  }

  private static String format(String pattern, double value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
