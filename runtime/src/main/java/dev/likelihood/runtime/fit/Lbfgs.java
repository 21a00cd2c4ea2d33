package dev.likelihood.runtime.fit;

import java.time.Duration;
import java.util.Locale;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, algorithm 7.4/7.5): the
 * two-loop recursion over the last {@value #MEMORY} steps, initial scaling s'y / y'y, a strong
 * Wolfe line search. The first step, and any after a reset, is steepest descent of length 1 in
 * the coefficients (step 1 / ||g||).
 *
 * <p>Converged when max|gradient| <= {@code tolerance * max(1, |loss|)}: relative to the loss
 * for a sum over many rows (its gradient grows with n like the loss does), absolute near a loss
 * of 0. When the line search fails the memory is dropped and steepest descent tried once; if
 * that fails too, the fit stops, not converged (usually the loss is flat at rounding level).
 */
final class Lbfgs {

  static final int MEMORY = 10;

  private final Objective objective;
  private final Settings settings;

  Lbfgs(Objective objective, Settings settings) {
    this.objective = objective;
    this.settings = settings;
  }

  FitResult run() {
    int p = objective.design().size();
    double[] x = settings.start().clone();
    double tolerance = settings.tolerance();
    int maxIterations = settings.maxIterations();
    Progress progress = settings.progress();
    double[] g = new double[p];
    double[] direction = new double[p];
    double[] xTrial = new double[p];
    double[] gTrial = new double[p];
    Memory memory = new Memory(MEMORY, p);
    LineSearch lineSearch = new LineSearch(objective, x, direction, xTrial, gTrial);
    double f = objective.value(x, g);
    objective.requireFiniteStart(f, g);
    int iterations = 0;
    boolean converged = false;
    String reason;
    while (true) {
      double gradientNorm = Vectors.maxAbs(g);
      if (gradientNorm <= tolerance * Math.max(1.0, Math.abs(f))) {
        converged = true;
        reason = String.format(Locale.ROOT,
            "max|gradient| = %.3g <= tolerance max(1, |loss|)", gradientNorm);
        break;
      }
      if (iterations >= maxIterations) {
        reason = "maximum of " + maxIterations + " iterations reached";
        break;
      }
      memory.direction(g, direction);
      double slope = Vectors.dot(g, direction);
      if (!(slope < 0) || memory.isEmpty()) {
        memory.clear();
        slope = steepestDescent(g, direction);
      }
      double initial = memory.isEmpty() ? 1.0 / Math.sqrt(-slope) : 1.0;
      double alpha = lineSearch.search(f, slope, initial);
      if (Double.isNaN(alpha)) {
        if (!memory.isEmpty()) {
          memory.clear();
          continue;
        }
        reason = String.format(Locale.ROOT,
            "the line search found no lower loss along steepest descent (max|gradient| = %.3g)",
            gradientNorm);
        break;
      }
      memory.push(x, xTrial, g, gTrial);
      System.arraycopy(xTrial, 0, x, 0, p);
      System.arraycopy(gTrial, 0, g, 0, p);
      f = lineSearch.value();
      iterations++;
      progress.iteration(iterations, f, Vectors.maxAbs(g));
    }
    double gradientNorm = Vectors.maxAbs(g);
    progress.finish(iterations, f, gradientNorm, reason);
    return new FitResult(objective.design(), x, null, f, iterations, objective.evaluations(),
        converged, gradientNorm, "lbfgs", Duration.ofNanos(progress.elapsedNanos()), reason);
  }

  /** direction = -g; returns the slope g . direction. */
  private static double steepestDescent(double[] g, double[] direction) {
    for (int i = 0; i < g.length; i++) {
      direction[i] = -g[i];
    }
    return Vectors.dot(g, direction);
  }

  /** The last m pairs (s, y) in a ring, and the two-loop recursion over them. */
  static final class Memory {
    private final double[][] s;
    private final double[][] y;
    private final double[] rho;
    private final double[] alpha;
    private int newest = -1;
    private int count;

    Memory(int m, int p) {
      s = new double[m][p];
      y = new double[m][p];
      rho = new double[m];
      alpha = new double[m];
    }

    boolean isEmpty() {
      return count == 0;
    }

    void clear() {
      count = 0;
    }

    /**
     * Stores s = x1 - x0, y = g1 - g0 unless s'y is not safely positive (which would break the
     * positive definiteness of the implied inverse Hessian).
     */
    void push(double[] x0, double[] x1, double[] g0, double[] g1) {
      double sy = 0.0;
      double yy = 0.0;
      for (int i = 0; i < x0.length; i++) {
        double si = x1[i] - x0[i];
        double yi = g1[i] - g0[i];
        sy += si * yi;
        yy += yi * yi;
      }
      if (!(sy > 1e-12 * yy) || !(yy > 0)) {
        return;
      }
      int slot = (newest + 1) % s.length;
      for (int i = 0; i < x0.length; i++) {
        s[slot][i] = x1[i] - x0[i];
        y[slot][i] = g1[i] - g0[i];
      }
      rho[slot] = 1.0 / sy;
      newest = slot;
      count = Math.min(count + 1, s.length);
    }

    /** direction = -H g by the two-loop recursion (-g when empty). */
    void direction(double[] g, double[] direction) {
      int p = g.length;
      for (int i = 0; i < p; i++) {
        direction[i] = g[i];
      }
      if (count == 0) {
        negate(direction);
        return;
      }
      int m = s.length;
      for (int k = 0; k < count; k++) {
        int slot = (newest - k + m) % m;
        double a = rho[slot] * Vectors.dot(s[slot], direction);
        alpha[slot] = a;
        double[] ySlot = y[slot];
        for (int i = 0; i < p; i++) {
          direction[i] -= a * ySlot[i];
        }
      }
      double gamma = 1.0 / (rho[newest] * Vectors.dot(y[newest], y[newest]));
      for (int i = 0; i < p; i++) {
        direction[i] *= gamma;
      }
      for (int k = count - 1; k >= 0; k--) {
        int slot = (newest - k + m) % m;
        double b = rho[slot] * Vectors.dot(y[slot], direction);
        double[] sSlot = s[slot];
        double correction = alpha[slot] - b;
        for (int i = 0; i < p; i++) {
          direction[i] += correction * sSlot[i];
        }
      }
      negate(direction);
    }

    private static void negate(double[] v) {
      for (int i = 0; i < v.length; i++) {
        v[i] = -v[i];
      }
    }
  }
}
