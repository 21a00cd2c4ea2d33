package dev.likelihood.samples.tour;

import dev.likelihood.runtime.Reduction;
import dev.likelihood.runtime.fit.FitResult;
import dev.likelihood.runtime.fit.Fitter;
import dev.likelihood.runtime.fit.Predictor;
import dev.likelihood.samples.CallVolume;
import dev.likelihood.samples.CallVolumeLoss;
import dev.likelihood.samples.StoreVisits;
import dev.likelihood.samples.StoreVisitsLoss;
import dev.likelihood.samples.TrialCount;
import dev.likelihood.samples.TrialCountLoss;

/**
 * Counts: R's Poisson GLM example on Dobson's trial, against R's printed summary; then
 * over-dispersed store visits, where a negative binomial learns the extra spread.
 */
public final class CountsChapter implements Chapter {

  static final int SHOPS = 2_000;
  static final double[] CALL_RATE = {0.5, 0.8};

  static final int ROWS = 3_000;
  static final double[] LOG_MEAN = {1.5, 0.6};
  static final double SIZE = 2.5;
  static final int MAX_COUNT = 40;

  /** Data and the fit. */
  public record Fitted(double[] x, int[] visits, FitResult fit) {}

  /**
   * Calls to shops open 1 to 8 hours: calls ~ Poisson(hours exp(0.5 + 0.8 x)). The record's
   * {@code @Offset} adds log(hours) to eta, so the coefficients describe the hourly rate.
   */
  public FitResult exposure() {
    Sampling sampling = new Sampling(52);
    double[] x = new double[SHOPS];
    int[] calls = new int[SHOPS];
    double[] logHours = new double[SHOPS];
    for (int i = 0; i < SHOPS; i++) {
      x[i] = sampling.uniform(-2, 2);
      double hours = 1 + Math.floor(sampling.uniform(0, 8));
      logHours[i] = Math.log(hours);
      calls[i] = sampling.poisson(hours * Math.exp(CALL_RATE[0] + CALL_RATE[1] * x[i]));
    }
    return Fitter.of(Predictor.of("eta", Design.withIntercept(x), "(Intercept)", "x"))
        .quiet()
        .newton((eta, g, h) -> CallVolumeLoss.lossGradientHessian(
            Reduction.SUM, calls, eta[0], logHours, g[0], h));
  }

  /** visits ~ NB2(mean = exp(1.5 + 0.6 x), size 2.5), x uniform on [-1.5, 1.5]. */
  public Fitted negativeBinomial() {
    Sampling sampling = new Sampling(51);
    double[] x = new double[ROWS];
    int[] visits = new int[ROWS];
    for (int i = 0; i < ROWS; i++) {
      x[i] = sampling.uniform(-1.5, 1.5);
      visits[i] = sampling.negativeBinomial(Math.exp(LOG_MEAN[0] + LOG_MEAN[1] * x[i]), SIZE);
    }
    FitResult fit = Fitter.of(
            Predictor.of("logMean", Design.withIntercept(x), "(Intercept)", "x"),
            Predictor.intercept("logSize", ROWS))
        .quiet()
        .newton((eta, g, h) -> StoreVisitsLoss.lossGradientHessian(
            Reduction.SUM, visits, eta[0], eta[1], g[0], g[1], h));
    return new Fitted(x, visits, fit);
  }

  @Override
  public void tell(Narrator narrator, Plots plots) {
    narrator.chapter("Counts: POISSON, NEGATIVE_BINOMIAL");
    narrator.declaration(TrialCount.class);
    DobsonFit dobson = new DobsonFit();
    dobson.compare().print(narrator);
    double[] beta = dobson.fit().coefficients(DobsonFit.PARAMETER);
    double[] eta = Design.linear(dobson.design(), beta);
    narrator.say("predict outcome 2 under treatment 1: TrialCountLoss.mean = %.2f counts, mode %.0f",
        TrialCountLoss.mean(eta[1]), TrialCountLoss.mode(eta[1]));
    narrator.wrote(plots.save(dobsonFigure(dobson, eta), "dobson"));

    narrator.section("POISSON with an exposure: @Offset");
    narrator.declaration(CallVolume.class);
    FitResult calls = exposure();
    narrator.say("%,d shops open 1 to 8 hours, calls per hour = exp(%.1f + %.1f x):", SHOPS,
        CALL_RATE[0], CALL_RATE[1]);
    double[] rate = calls.coefficients("eta");
    double[] rateSe = calls.standardErrors("eta");
    narrator.estimate("log hourly rate intercept", rate[0], rateSe[0], CALL_RATE[0]);
    narrator.estimate("log hourly rate slope", rate[1], rateSe[1], CALL_RATE[1]);
    narrator.say("predict at x = 1 over 8 hours: CallVolumeLoss.mean(eta + log 8) = %.2f calls"
            + " (truth %.2f)", CallVolumeLoss.mean(rate[0] + rate[1] + Math.log(8)),
        8 * Math.exp(CALL_RATE[0] + CALL_RATE[1]));

    narrator.section("NEGATIVE_BINOMIAL: over-dispersed counts");
    narrator.declaration(StoreVisits.class);
    Fitted visits = negativeBinomial();
    narrator.say("%,d store-days, visits ~ NB2(mean exp(%.1f + %.1f x), size %.1f):", ROWS,
        LOG_MEAN[0], LOG_MEAN[1], SIZE);
    double[] logMean = visits.fit().coefficients("logMean");
    double[] logMeanSe = visits.fit().standardErrors("logMean");
    double logSize = visits.fit().coefficients("logSize")[0];
    narrator.estimate("log mean intercept", logMean[0], logMeanSe[0], LOG_MEAN[0]);
    narrator.estimate("log mean slope", logMean[1], logMeanSe[1], LOG_MEAN[1]);
    narrator.estimate("log size", logSize, visits.fit().standardErrors("logSize")[0], Math.log(SIZE));
    double at = logMean[0] + logMean[1];
    narrator.say("predict at x = 1: StoreVisitsLoss.mean = %.2f visits (truth %.2f), mode %.0f,"
            + " variance %.1f (a Poisson would say %.1f)", StoreVisitsLoss.mean(at, logSize),
        Math.exp(LOG_MEAN[0] + LOG_MEAN[1]), StoreVisitsLoss.mode(at, logSize),
        Math.exp(at) + Math.exp(2 * at - logSize), Math.exp(at));
    narrator.wrote(plots.save(visitsFigure(visits), "negative-binomial"));
  }

  private static Figure dobsonFigure(DobsonFit dobson, double[] eta) {
    int n = eta.length;
    double[] row = new double[n];
    double[] observed = new double[n];
    double[] fitted = new double[n];
    for (int i = 0; i < n; i++) {
      row[i] = i + 1;
      observed[i] = dobson.data().count()[i];
      fitted[i] = TrialCountLoss.mean(eta[i]);
    }
    return Figure.of("Dobson (1990): counts and the Poisson GLM's fitted means",
            "cell (outcome 1-3 within treatment 1, 2, 3)", "count")
        .dots("observed", row, observed)
        .line("fitted mean()", row, fitted);
  }

  /**
   * The visits' histogram against the fitted predictive distribution averaged over the rows,
   * P(k) = mean_i exp(-nll(k | eta_i)), and the Poisson with the same means.
   */
  private static Figure visitsFigure(Fitted data) {
    double[] logMean = data.fit().coefficients("logMean");
    double logSize = data.fit().coefficients("logSize")[0];
    double[] k = new double[MAX_COUNT + 1];
    double[] negativeBinomial = new double[MAX_COUNT + 1];
    double[] poisson = new double[MAX_COUNT + 1];
    int n = data.x().length;
    for (int count = 0; count <= MAX_COUNT; count++) {
      k[count] = count;
      for (int i = 0; i < n; i++) {
        double eta = logMean[0] + logMean[1] * data.x()[i];
        negativeBinomial[count] += Math.exp(-StoreVisitsLoss.nll(count, eta, logSize)) / n;
        poisson[count] += Math.exp(-TrialCountLoss.nll(count, eta)) / n;
      }
    }
    double[] visits = new double[n];
    for (int i = 0; i < n; i++) {
      visits[i] = data.visits()[i];
    }
    return Figure.of("NEGATIVE_BINOMIAL: visits and the fitted predictive distribution",
            "visits in a day", "probability")
        .histogram("observed", visits, -0.5, MAX_COUNT + 0.5, MAX_COUNT + 1)
        .line("fitted NB2 (exp(-nll))", k, negativeBinomial)
        .line("Poisson, same means", k, poisson);
  }
}
