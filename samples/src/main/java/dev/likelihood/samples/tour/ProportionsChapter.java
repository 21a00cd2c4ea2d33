package dev.likelihood.samples.tour;

import dev.likelihood.runtime.Reduction;
import dev.likelihood.runtime.fit.FitResult;
import dev.likelihood.runtime.fit.Fitter;
import dev.likelihood.runtime.fit.Predictor;
import dev.likelihood.samples.VoteShare;
import dev.likelihood.samples.VoteShareLoss;

/** Proportions: vote shares in (0, 1), Beta regression with a logit mean and a precision. */
public final class ProportionsChapter implements Chapter {

  static final int ROWS = 2_000;
  static final double[] LOGIT_MEAN = {-0.5, 1.2};
  static final double PRECISION = 20;

  /** Data and the fit. */
  public record Fitted(double[] x, double[] share, FitResult fit) {}

  /** share ~ Beta(mean sigmoid(-0.5 + 1.2 x), precision 20), x (urban share) on [-1, 1]. */
  public Fitted fit() {
    Sampling sampling = new Sampling(61);
    double[] x = new double[ROWS];
    double[] share = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      x[i] = sampling.uniform(-1, 1);
      double mean = Design.sigmoid(LOGIT_MEAN[0] + LOGIT_MEAN[1] * x[i]);
      share[i] = sampling.beta(mean * PRECISION, (1 - mean) * PRECISION);
    }
    FitResult fit = Fitter.of(
            Predictor.of("logitMean", Design.withIntercept(x), "(Intercept)", "x"),
            Predictor.intercept("logPrecision", ROWS))
        .quiet()
        .newton((eta, g, h) -> VoteShareLoss.lossGradientHessian(
            Reduction.SUM, share, eta[0], eta[1], g[0], g[1], h));
    return new Fitted(x, share, fit);
  }

  @Override
  public void tell(Narrator narrator, Plots plots) {
    narrator.chapter("Proportions: BETA");
    narrator.declaration(VoteShare.class);
    Fitted fitted = fit();
    narrator.say("%,d districts, share ~ Beta(mean sigmoid(%.1f + %.1f x), precision %.0f):", ROWS,
        LOGIT_MEAN[0], LOGIT_MEAN[1], PRECISION);
    double[] mean = fitted.fit().coefficients("logitMean");
    double[] meanSe = fitted.fit().standardErrors("logitMean");
    double logPrecision = fitted.fit().coefficients("logPrecision")[0];
    narrator.estimate("logit mean intercept", mean[0], meanSe[0], LOGIT_MEAN[0]);
    narrator.estimate("logit mean slope", mean[1], meanSe[1], LOGIT_MEAN[1]);
    narrator.estimate("log precision", logPrecision,
        fitted.fit().standardErrors("logPrecision")[0], Math.log(PRECISION));
    narrator.say("predict at x = 0.5: VoteShareLoss.mean = %.3f (truth %.3f), mode %.3f",
        VoteShareLoss.mean(mean[0] + 0.5 * mean[1], logPrecision),
        Design.sigmoid(LOGIT_MEAN[0] + 0.5 * LOGIT_MEAN[1]),
        VoteShareLoss.mode(mean[0] + 0.5 * mean[1], logPrecision));
    narrator.wrote(plots.save(figure(fitted, mean, logPrecision), "beta"));
  }

  /** Shares of the districts with x in [0.4, 0.6] against the fitted density at x = 0.5. */
  private static Figure figure(Fitted data, double[] mean, double logPrecision) {
    double[] slice = java.util.stream.IntStream.range(0, data.x().length)
        .filter(i -> Math.abs(data.x()[i] - 0.5) <= 0.1)
        .mapToDouble(i -> data.share()[i])
        .toArray();
    double[] grid = Figure.grid(0.005, 0.995, 199);
    double[] density = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      density[i] = Math.exp(-VoteShareLoss.nll(grid[i], mean[0] + 0.5 * mean[1], logPrecision));
    }
    return Figure.of("BETA: vote shares where x is near 0.5", "share", "density")
        .histogram("districts with |x - 0.5| <= 0.1", slice, 0, 1, 25)
        .line("fitted density at x = 0.5 (exp(-nll))", grid, density);
  }
}
