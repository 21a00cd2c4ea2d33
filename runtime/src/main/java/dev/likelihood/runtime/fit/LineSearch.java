package dev.likelihood.runtime.fit;

/**
 * A strong Wolfe line search along a direction d from x: Nocedal and Wright, Numerical
 * Optimization (2nd ed.), algorithms 3.5 (bracketing) and 3.6 (zoom), with safeguarded cubic
 * interpolation (their eq. 3.59) and bisection when the cubic is undefined.
 *
 * <p>Near an optimum the loss changes by less than its rounding, and a strict decrease test
 * would stop the search while the gradient can still improve; so the decrease conditions allow
 * a slack of {@link Vectors#ROUNDING} (1 + |f0|), and the curvature condition, which uses the
 * gradient alone, does the judging there.
 *
 * <p>A trial point whose loss or gradient is not finite is treated as too far: it becomes the
 * upper end of the bracket and the step shrinks. Works in the arrays it is given; the accepted
 * point is left in {@code xTrial} and {@code gTrial}, with its loss in {@link #value()}.
 */
final class LineSearch {

  /** Sufficient decrease (Armijo) constant. */
  private static final double C1 = 1e-4;
  /** Curvature constant; 0.9 is the usual choice for quasi-Newton directions. */
  private static final double C2 = 0.9;
  private static final int MAX_BRACKETING = 40;
  private static final int MAX_ZOOM = 40;
  private static final double EXPANSION = 4.0;

  private final Objective objective;
  private final double[] x;
  private final double[] direction;
  private final double[] xTrial;
  private final double[] gTrial;
  private double value;
  private double slope;
  private boolean finite;
  private double slack;

  LineSearch(Objective objective, double[] x, double[] direction, double[] xTrial,
      double[] gTrial) {
    this.objective = objective;
    this.x = x;
    this.direction = direction;
    this.xTrial = xTrial;
    this.gTrial = gTrial;
  }

  /** The loss at the accepted point. */
  double value() {
    return value;
  }

  /**
   * Searches from loss {@code f0} with slope {@code slope0} < 0 along the direction, first trying
   * {@code initial}; returns the accepted step, or NaN if no step decreased the loss.
   */
  double search(double f0, double slope0, double initial) {
    slack = Vectors.ROUNDING * (1 + Math.abs(f0));
    double previous = 0.0;
    double fPrevious = f0;
    double slopePrevious = slope0;
    double alpha = initial;
    for (int i = 0; i < MAX_BRACKETING; i++) {
      evaluate(alpha);
      if (!finite || value > f0 + C1 * alpha * slope0 + slack
          || (i > 0 && value > fPrevious + slack)) {
        return zoom(f0, slope0, previous, fPrevious, slopePrevious, alpha, value, slope);
      }
      if (Math.abs(slope) <= -C2 * slope0) {
        return alpha;
      }
      if (slope >= 0) {
        return zoom(f0, slope0, alpha, value, slope, previous, fPrevious, slopePrevious);
      }
      previous = alpha;
      fPrevious = value;
      slopePrevious = slope;
      alpha *= EXPANSION;
    }
    // Still descending after many expansions: the last point, which the trial arrays hold,
    // satisfies sufficient decrease.
    return previous;
  }

  /** Algorithm 3.6: lo satisfies sufficient decrease, [lo, hi] contains acceptable steps. */
  private double zoom(double f0, double slope0, double lo, double fLo, double slopeLo,
      double hi, double fHi, double slopeHi) {
    for (int j = 0; j < MAX_ZOOM; j++) {
      double alpha = interpolate(lo, fLo, slopeLo, hi, fHi, slopeHi);
      if (alpha == lo || alpha == hi) {
        break;
      }
      evaluate(alpha);
      if (!finite || value > f0 + C1 * alpha * slope0 + slack || value > fLo + slack) {
        hi = alpha;
        fHi = value;
        slopeHi = slope;
      } else {
        if (Math.abs(slope) <= -C2 * slope0) {
          return alpha;
        }
        if (slope * (hi - lo) >= 0) {
          hi = lo;
          fHi = fLo;
          slopeHi = slopeLo;
        }
        lo = alpha;
        fLo = value;
        slopeLo = slope;
      }
    }
    // The interval collapsed without the curvature condition: a step with sufficient decrease
    // is still progress, and keeps the quasi-Newton update safe (it checks s'y > 0 itself).
    return lo > 0 ? settle(lo) : Double.NaN;
  }

  /** Re-evaluates at an earlier accepted step so that the trial arrays hold it. */
  private double settle(double alpha) {
    evaluate(alpha);
    return finite ? alpha : Double.NaN;
  }

  /**
   * The minimiser of the cubic through both ends (values and slopes), kept at least a tenth of
   * the interval away from either end; the midpoint when an end is not finite or the cubic has
   * no minimiser.
   */
  private static double interpolate(double lo, double fLo, double slopeLo, double hi,
      double fHi, double slopeHi) {
    double midpoint = lo + 0.5 * (hi - lo);
    if (!(Double.isFinite(fHi) && Double.isFinite(slopeHi))) {
      return midpoint;
    }
    double d1 = slopeLo + slopeHi - 3 * (fLo - fHi) / (lo - hi);
    double radicand = d1 * d1 - slopeLo * slopeHi;
    if (!(radicand >= 0)) {
      return midpoint;
    }
    double d2 = Math.copySign(Math.sqrt(radicand), hi - lo);
    double alpha = hi - (hi - lo) * (slopeHi + d2 - d1) / (slopeHi - slopeLo + 2 * d2);
    double low = Math.min(lo, hi);
    double width = Math.abs(hi - lo);
    if (!Double.isFinite(alpha)) {
      return midpoint;
    }
    return Math.min(Math.max(alpha, low + 0.1 * width), low + 0.9 * width);
  }

  private void evaluate(double alpha) {
    Vectors.step(x, alpha, direction, xTrial);
    value = objective.value(xTrial, gTrial);
    finite = Double.isFinite(value) && Vectors.allFinite(gTrial);
    slope = finite ? Vectors.dot(gTrial, direction) : Double.NaN;
  }
}
