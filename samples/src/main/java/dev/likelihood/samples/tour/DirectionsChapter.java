package dev.likelihood.samples.tour;

import dev.likelihood.runtime.Reduction;
import dev.likelihood.runtime.fit.FitResult;
import dev.likelihood.runtime.fit.Fitter;
import dev.likelihood.runtime.fit.Predictor;
import dev.likelihood.samples.WindDirection;
import dev.likelihood.samples.WindDirectionLoss;

/**
 * Directions: wind directions around 3.0 radians, close to pi, so that many readings wrap around
 * to near -pi. The arithmetic mean of the angles lands on the opposite side of the compass; the
 * von Mises fit does not.
 */
public final class DirectionsChapter implements Chapter {

  static final int ROWS = 1_000;
  /** the mean direction, 3.0 radians (172 degrees), close to the wrap at pi */
  static final double MU = 3.0;
  static final double KAPPA = 4;

  /** Data and the fit. */
  public record Fitted(double[] angle, FitResult fit) {}

  public Fitted fit() {
    Sampling sampling = new Sampling(71);
    double[] angle = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      angle[i] = sampling.vonMises(MU, KAPPA);
    }
    // start at 2 radians: the NLL is periodic in mu and concave half a turn from the optimum,
    // so Newton needs a start within a quarter turn (a compass reading would do)
    FitResult fit = Fitter.of(Predictor.intercept("mu", ROWS), Predictor.intercept("logKappa", ROWS))
        .start(new double[] {2.0}, new double[] {0.0})
        .quiet()
        .newton((eta, g, h) -> WindDirectionLoss.lossGradientHessian(
            Reduction.SUM, angle, eta[0], eta[1], g[0], g[1], h));
    return new Fitted(angle, fit);
  }

  @Override
  public void tell(Narrator narrator, Plots plots) {
    narrator.chapter("Directions: VON_MISES");
    narrator.declaration(WindDirection.class);
    Fitted fitted = fit();
    double mu = fitted.fit().coefficients("mu")[0];
    double logKappa = fitted.fit().coefficients("logKappa")[0];
    double arithmetic = 0;
    for (double a : fitted.angle()) {
      arithmetic += a / ROWS;
    }
    narrator.say("%,d wind directions around %.1f rad (%.0f degrees), kappa %.0f:", ROWS, MU,
        Math.toDegrees(MU), KAPPA);
    narrator.estimate("mu (radians)", mu, fitted.fit().standardErrors("mu")[0], MU);
    narrator.estimate("log kappa", logKappa, fitted.fit().standardErrors("logKappa")[0], Math.log(KAPPA));
    narrator.say("the arithmetic mean of the angles is %.2f rad: the wrong side of the compass",
        arithmetic);
    narrator.say("predict: WindDirectionLoss.mean = %.3f rad, mode = %.3f rad",
        WindDirectionLoss.mean(mu, logKappa), WindDirectionLoss.mode(mu, logKappa));
    double[] grid = Figure.grid(-Math.PI, Math.PI, 241);
    double[] density = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      density[i] = Math.exp(-WindDirectionLoss.nll(grid[i], mu, logKappa));
    }
    narrator.wrote(plots.save(Figure.of("VON_MISES: wind directions wrap at +-pi", "angle (radians)", "density")
        .histogram("directions", fitted.angle(), -Math.PI, Math.PI, 48)
        .line("fitted density (exp(-nll))", grid, density), "von-mises"));
  }
}
