package dev.likelihood.samples.tour;

import dev.likelihood.runtime.Reduction;
import dev.likelihood.runtime.Softmax;
import dev.likelihood.runtime.fit.FitResult;
import dev.likelihood.runtime.fit.Fitter;
import dev.likelihood.runtime.fit.Predictor;
import dev.likelihood.samples.TravelTime;
import dev.likelihood.samples.TravelTimeLoss;

/**
 * Multimodal targets: a commute takes about 25 minutes, or about 45 in a jam, and jams are likelier
 * the worse the traffic index x. The mixture's weights depend on x; its two modes do not.
 */
public final class MixturesChapter implements Chapter {

  static final int ROWS = 4_000;
  static final double[] MU = {25, 45};
  static final double[] SIGMA = {3, 6};
  /** logit of a jam (component 1 against component 0) = -1.5 + 3 x */
  static final double[] JAM = {-1.5, 3.0};

  /** Data and the fit. */
  public record Fitted(double[] x, double[] minutes, FitResult fit) {}

  public Fitted fit() {
    Sampling sampling = new Sampling(91);
    double[] x = new double[ROWS];
    double[] minutes = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      x[i] = sampling.uniform(0, 1);
      int jam = sampling.bernoulli(Design.sigmoid(JAM[0] + JAM[1] * x[i])) ? 1 : 0;
      minutes[i] = sampling.normal(MU[jam], SIGMA[jam]);
    }
    // a mixture's likelihood has a mirror image for every relabelling of its components: start
    // the fast component below the slow one so that component 0 stays the free-flowing commute
    FitResult fit = Fitter.of(
            Predictor.of("weights", Design.withIntercept(x), "(Intercept)", "x").withWidth(2),
            Predictor.intercept("mu", ROWS).withWidth(2),
            Predictor.intercept("logSigma", ROWS).withWidth(2))
        .start(new double[4], new double[] {20, 50}, new double[] {Math.log(5), Math.log(5)})
        .quiet()
        .lbfgs((eta, g) -> TravelTimeLoss.lossAndGradient(
            Reduction.SUM, minutes, eta[0], eta[1], eta[2], g[0], g[1], g[2]));
    return new Fitted(x, minutes, fit);
  }

  /** The jam logit's (intercept, slope): component 1's weight logits minus component 0's. */
  public static double[] jamLogit(FitResult fit) {
    double[] w = fit.coefficients("weights");
    return new double[] {w[1] - w[0], w[3] - w[2]};
  }

  @Override
  public void tell(Narrator narrator, Plots plots) {
    narrator.chapter("Multimodal targets: GAUSSIAN_MIXTURE");
    narrator.declaration(TravelTime.class);
    Fitted fitted = fit();
    double[] mu = fitted.fit().coefficients("mu");
    double[] logSigma = fitted.fit().coefficients("logSigma");
    double[] jam = jamLogit(fitted.fit());
    narrator.say("%,d commutes: %.0f +- %.0f minutes, or %.0f +- %.0f in a jam, P(jam) ="
        + " sigmoid(%.1f + %.1f x); L-BFGS:", ROWS, MU[0], SIGMA[0], MU[1], SIGMA[1], JAM[0], JAM[1]);
    narrator.estimate("mu free-flowing", mu[0], MU[0]);
    narrator.estimate("mu jam", mu[1], MU[1]);
    narrator.estimate("sigma free-flowing", Math.exp(logSigma[0]), SIGMA[0]);
    narrator.estimate("sigma jam", Math.exp(logSigma[1]), SIGMA[1]);
    narrator.estimate("jam logit intercept", jam[0], JAM[0]);
    narrator.estimate("jam logit slope", jam[1], JAM[1]);
    double[] weights = weightsAt(fitted.fit(), 0.8);
    narrator.say("predict at x = 0.8: P(jam) %.3f, mean %.1f minutes, yet the likeliest times are"
        + " near %.0f and %.0f, not the mean", weights[1], weights[0] * mu[0] + weights[1] * mu[1],
        mu[0], mu[1]);
    narrator.wrote(plots.save(figure(fitted, 0.8), "mixture"));
  }

  /** The mixture weights (softmax of the weight logits) at traffic index x. */
  static double[] weightsAt(FitResult fit, double x) {
    double[] w = fit.coefficients("weights");
    double[] logits = {w[0] + w[2] * x, w[1] + w[3] * x};
    double[] p = new double[2];
    Softmax.probabilities(logits, 0, 2, p, 0);
    return p;
  }

  /** Commutes with x near 0.8 against the fitted density there. */
  private static Figure figure(Fitted data, double at) {
    double[] slice = java.util.stream.IntStream.range(0, data.x().length)
        .filter(i -> Math.abs(data.x()[i] - at) <= 0.1)
        .mapToDouble(i -> data.minutes()[i])
        .toArray();
    double[] w = data.fit().coefficients("weights");
    double[] logits = {w[0] + w[2] * at, w[1] + w[3] * at};
    double[] mu = data.fit().coefficients("mu");
    double[] logSigma = data.fit().coefficients("logSigma");
    double[] grid = Figure.grid(5, 75, 281);
    double[] density = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      density[i] = Math.exp(-TravelTimeLoss.nll(grid[i], logits, mu, logSigma));
    }
    return Figure.of("GAUSSIAN_MIXTURE: commute times at traffic index 0.8", "minutes", "density")
        .histogram("commutes with |x - 0.8| <= 0.1", slice, 5, 75, 35)
        .line("fitted density (exp(-nll))", grid, density);
  }
}
