package dev.likelihood.samples.tour;

import dev.likelihood.runtime.Reduction;
import dev.likelihood.runtime.fit.FitResult;
import dev.likelihood.runtime.fit.Fitter;
import dev.likelihood.runtime.fit.Predictor;
import dev.likelihood.samples.NormalReading;
import dev.likelihood.samples.NormalReadingLoss;
import dev.likelihood.samples.Price;
import dev.likelihood.samples.PriceLoss;

/**
 * Regression: a normal with a learned constant sigma (least squares, plus the noise level), then
 * heteroscedastic regression where sigma depends on x too.
 */
public final class RegressionChapter implements Chapter {

  static final int ROWS = 2_000;
  static final double INTERCEPT = 1.5;
  static final double SLOPE = 0.8;
  static final double SIGMA = 0.5;

  static final int PRICE_ROWS = 5_000;
  static final double[] PRICE_MEAN = {3.0, 2.0};
  static final double[] PRICE_SPREAD = {-0.5, 0.75};

  /** Data and the fit. */
  public record Fitted(double[] x, double[] y, FitResult fit) {}

  /** y = 1.5 + 0.8 x + N(0, 0.5^2), x uniform on [-2, 2]. */
  public Fitted normal() {
    Sampling sampling = new Sampling(11);
    double[] x = new double[ROWS];
    double[] y = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      x[i] = sampling.uniform(-2, 2);
      y[i] = sampling.normal(INTERCEPT + SLOPE * x[i], SIGMA);
    }
    FitResult fit = Fitter.of(
            Predictor.of("mean", Design.withIntercept(x), "(Intercept)", "x"),
            Predictor.intercept("sigma", ROWS))
        .quiet()
        .newton((eta, g, h) -> NormalReadingLoss.lossGradientHessian(
            Reduction.SUM, y, eta[0], eta[1], g[0], g[1], h));
    return new Fitted(x, y, fit);
  }

  /** price = 3 + 2 x + softplus(-0.5 + 0.75 x) N(0, 1). */
  public Fitted heteroscedastic() {
    Sampling sampling = new Sampling(12);
    double[] x = new double[PRICE_ROWS];
    double[] price = new double[PRICE_ROWS];
    for (int i = 0; i < PRICE_ROWS; i++) {
      x[i] = sampling.uniform(-2, 2);
      double sigma = Design.softplus(PRICE_SPREAD[0] + PRICE_SPREAD[1] * x[i]);
      price[i] = sampling.normal(PRICE_MEAN[0] + PRICE_MEAN[1] * x[i], sigma);
    }
    double[][] design = Design.withIntercept(x);
    FitResult fit = Fitter.of(
            Predictor.of("mean", design, "(Intercept)", "x"),
            Predictor.of("spread", design, "(Intercept)", "x"))
        .quiet()
        .newton((eta, g, h) -> PriceLoss.lossGradientHessian(
            Reduction.SUM, price, eta[0], eta[1], g[0], g[1], h));
    return new Fitted(x, price, fit);
  }

  @Override
  public void tell(Narrator narrator, Plots plots) {
    narrator.chapter("Regression: NORMAL");
    narrator.declaration(NormalReading.class);
    Fitted normal = normal();
    narrator.say("%,d readings y = %.1f + %.1f x + N(0, %.1f^2); Newton on"
        + " NormalReadingLoss.lossGradientHessian (%s):", ROWS, INTERCEPT, SLOPE, SIGMA,
        normal.fit().method());
    double[] mean = normal.fit().coefficients("mean");
    double[] meanSe = normal.fit().standardErrors("mean");
    double logSigma = normal.fit().coefficients("sigma")[0];
    narrator.estimate("intercept", mean[0], meanSe[0], INTERCEPT);
    narrator.estimate("slope", mean[1], meanSe[1], SLOPE);
    narrator.estimate("log sigma", logSigma, normal.fit().standardErrors("sigma")[0],
        Math.log(SIGMA));
    narrator.say("predict at x = 1: NormalReadingLoss.mean(eta) = %.3f (truth %.3f), sigma %.3f",
        NormalReadingLoss.mean(mean[0] + mean[1], logSigma), INTERCEPT + SLOPE, Math.exp(logSigma));
    narrator.wrote(plots.save(band("Regression: NORMAL fit", normal, mean,
        new double[] {logSigma, 0}, false), "regression"));

    narrator.section("Heteroscedastic regression: NORMAL with a learned sigma(x)");
    narrator.declaration(Price.class);
    Fitted price = heteroscedastic();
    narrator.say("%,d prices, mean %.1f + %.1f x, sigma = softplus(%.2f + %.2f x):", PRICE_ROWS,
        PRICE_MEAN[0], PRICE_MEAN[1], PRICE_SPREAD[0], PRICE_SPREAD[1]);
    double[] m = price.fit().coefficients("mean");
    double[] s = price.fit().coefficients("spread");
    double[] mSe = price.fit().standardErrors("mean");
    double[] sSe = price.fit().standardErrors("spread");
    narrator.estimate("mean intercept", m[0], mSe[0], PRICE_MEAN[0]);
    narrator.estimate("mean slope", m[1], mSe[1], PRICE_MEAN[1]);
    narrator.estimate("spread intercept", s[0], sSe[0], PRICE_SPREAD[0]);
    narrator.estimate("spread slope", s[1], sSe[1], PRICE_SPREAD[1]);
    narrator.say("predict at x = 1: price ~ Normal(PriceLoss.mean = %.3f, sigma %.3f) (truth %.3f, %.3f)",
        PriceLoss.mean(m[0] + m[1], s[0] + s[1]), Design.softplus(s[0] + s[1]),
        PRICE_MEAN[0] + PRICE_MEAN[1], Design.softplus(PRICE_SPREAD[0] + PRICE_SPREAD[1]));
    narrator.wrote(plots.save(band("Heteroscedastic regression: mean +- 2 sigma(x)", price, m, s, true),
        "heteroscedastic"));
  }

  /**
   * Data, the fitted mean and mean +- 2 sigma. {@code spread} is (intercept, slope) of the sigma
   * predictor, through SOFTPLUS when {@code softplus}, else through LOG with slope 0.
   */
  private static Figure band(String title, Fitted data, double[] mean, double[] spread, boolean softplus) {
    double[] grid = Figure.grid(-2, 2, 101);
    double[] centre = new double[grid.length];
    double[] upper = new double[grid.length];
    double[] lower = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      double eta = spread[0] + spread[1] * grid[i];
      double sigma = softplus ? Design.softplus(eta) : Math.exp(eta);
      centre[i] = mean[0] + mean[1] * grid[i];
      upper[i] = centre[i] + 2 * sigma;
      lower[i] = centre[i] - 2 * sigma;
    }
    int shown = Math.min(800, data.x().length);
    return Figure.of(title, "x", "y")
        .dots("data (" + shown + " shown)", java.util.Arrays.copyOf(data.x(), shown),
            java.util.Arrays.copyOf(data.y(), shown))
        .line("fitted mean", grid, centre)
        .line("mean + 2 sigma", grid, upper)
        .line("mean - 2 sigma", grid, lower)
        .legend(Figure.Legend.INSIDE_NW);
  }
}
