package dev.likelihood.samples.tour;

import dev.likelihood.runtime.Reduction;
import dev.likelihood.runtime.fit.FitResult;
import dev.likelihood.runtime.fit.Fitter;
import dev.likelihood.runtime.fit.Predictor;
import dev.likelihood.samples.RaceResult;
import dev.likelihood.samples.RaceResultLoss;

/** Rankings: six runners' finishing orders over many races, Plackett-Luce strengths. */
public final class RankingsChapter implements Chapter {

  static final int RACES = 2_000;
  static final double[] STRENGTH = {1.0, 0.6, 0.3, 0.0, -0.4, -1.5};

  /** Data and the fit. */
  public record Fitted(int[] finish, FitResult fit) {}

  public Fitted fit() {
    Sampling sampling = new Sampling(81);
    int k = STRENGTH.length;
    int[] finish = new int[RACES * k];
    for (int r = 0; r < RACES; r++) {
      System.arraycopy(sampling.ranking(STRENGTH), 0, finish, r * k, k);
    }
    FitResult fit = Fitter.of(Predictor.intercept("scores", RACES).withWidth(k))
        .quiet()
        .lbfgs((eta, g) -> RaceResultLoss.lossAndGradient(Reduction.SUM, k, finish, eta[0], g[0]));
    return new Fitted(finish, fit);
  }

  /** The fitted scores shifted to mean 0, as the truth is comparable only up to a shift. */
  public static double[] centred(double[] scores) {
    double mean = java.util.Arrays.stream(scores).average().orElse(0);
    return java.util.Arrays.stream(scores).map(s -> s - mean).toArray();
  }

  @Override
  public void tell(Narrator narrator, Plots plots) {
    narrator.chapter("Rankings: PLACKETT_LUCE");
    narrator.declaration(RaceResult.class);
    Fitted fitted = fit();
    double[] scores = fitted.fit().coefficients("scores");
    double[] ours = centred(scores);
    double[] truth = centred(STRENGTH);
    narrator.say("%,d races of %d runners; strengths up to a common shift (L-BFGS):", RACES,
        STRENGTH.length);
    for (int j = 0; j < STRENGTH.length; j++) {
      narrator.estimate("runner " + j, ours[j], truth[j]);
    }
    // recipe step 4: the probability that runner j wins is the likelihood of the top-1 ranking {j}
    double[] runner = new double[STRENGTH.length];
    double[] fittedWin = new double[STRENGTH.length];
    double[] trueWin = new double[STRENGTH.length];
    for (int j = 0; j < STRENGTH.length; j++) {
      runner[j] = j;
      fittedWin[j] = Math.exp(-RaceResultLoss.nll(new int[] {j}, scores));
      trueWin[j] = Math.exp(-RaceResultLoss.nll(new int[] {j}, STRENGTH));
    }
    narrator.say("predict: P(runner 0 wins) = exp(-nll({0}, scores)) = %.3f (truth %.3f)",
        fittedWin[0], trueWin[0]);
    narrator.wrote(plots.save(Figure.of("PLACKETT_LUCE: probability of winning", "runner", "P(wins)")
        .dots("fitted", runner, fittedWin)
        .dots("truth", runner, trueWin), "plackett-luce"));
  }
}
