package dev.likelihood.samples.tour;

import dev.likelihood.runtime.Reduction;
import dev.likelihood.runtime.fit.FitResult;
import dev.likelihood.runtime.fit.Fitter;
import dev.likelihood.runtime.fit.Predictor;
import dev.likelihood.samples.HuberReading;
import dev.likelihood.samples.HuberReadingLoss;
import dev.likelihood.samples.LaplaceReading;
import dev.likelihood.samples.LaplaceReadingLoss;
import dev.likelihood.samples.NormalReadingLoss;
import dev.likelihood.samples.StudentReading;
import dev.likelihood.samples.StudentReadingLoss;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Robust regression: one in ten readings is a wild outlier above the line. The normal's squared
 * error chases them; LAPLACE (absolute error), HUBER and STUDENT_T hold the line.
 */
public final class RobustChapter implements Chapter {

  static final int ROWS = 400;
  static final double INTERCEPT = 2.0;
  static final double SLOPE = 1.0;
  static final double NOISE = 0.5;
  static final double OUTLIER_SHARE = 0.1;

  /** The data and each family's fitted (intercept, slope), in the order printed. */
  public record Fits(double[] x, double[] y, Map<String, double[]> lines) {}

  public Fits fit() {
    Sampling sampling = new Sampling(21);
    double[] x = new double[ROWS];
    double[] y = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      x[i] = sampling.uniform(-2, 2);
      y[i] = sampling.normal(INTERCEPT + SLOPE * x[i], NOISE);
      if (sampling.bernoulli(OUTLIER_SHARE)) {
        y[i] += sampling.uniform(6, 12);
      }
    }
    double[][] design = Design.withIntercept(x);
    Map<String, double[]> lines = new LinkedHashMap<>();

    FitResult normal = Fitter.of(location(design), Predictor.intercept("sigma", ROWS))
        .quiet()
        .newton((eta, g, h) -> NormalReadingLoss.lossGradientHessian(
            Reduction.SUM, y, eta[0], eta[1], g[0], g[1], h));
    lines.put("NORMAL", normal.coefficients("location"));

    // |r| has no curvature in the location (0 almost everywhere): Newton has nothing to work
    // with, so this one is L-BFGS on the gradient alone
    FitResult laplace = Fitter.of(location(design), Predictor.intercept("scale", ROWS))
        .quiet()
        .lbfgs((eta, g) -> LaplaceReadingLoss.lossAndGradient(
            Reduction.SUM, y, eta[0], eta[1], g[0], g[1]));
    lines.put("LAPLACE", laplace.coefficients("location"));

    FitResult huber = Fitter.of(location(design))
        .quiet()
        .newton((eta, g, h) -> HuberReadingLoss.lossGradientHessian(
            Reduction.SUM, y, eta[0], g[0], h));
    lines.put("HUBER", huber.coefficients("location"));

    // the t likelihood is not convex: start where the normal ended
    FitResult student = Fitter.of(location(design), Predictor.intercept("sigma", ROWS))
        .start(normal.coefficients("location"), normal.coefficients("sigma"))
        .quiet()
        .newton((eta, g, h) -> StudentReadingLoss.lossGradientHessian(
            Reduction.SUM, y, eta[0], eta[1], g[0], g[1], h));
    lines.put("STUDENT_T (nu = 3)", student.coefficients("location"));
    return new Fits(x, y, lines);
  }

  private static Predictor location(double[][] design) {
    return Predictor.of("location", design, "(Intercept)", "x");
  }

  @Override
  public void tell(Narrator narrator, Plots plots) {
    narrator.chapter("Robust regression: LAPLACE, HUBER, STUDENT_T against NORMAL");
    narrator.declaration(LaplaceReading.class);
    narrator.declaration(HuberReading.class);
    narrator.declaration(StudentReading.class);
    Fits fits = fit();
    narrator.say("%d readings y = %.0f + %.0f x + N(0, %.1f^2), %.0f%% of them pushed up by 6 to 12:",
        ROWS, INTERCEPT, SLOPE, NOISE, 100 * OUTLIER_SHARE);
    for (Map.Entry<String, double[]> line : fits.lines().entrySet()) {
      narrator.say("%-20s intercept %7.3f  slope %7.3f   (truth %.3f, %.3f)", line.getKey(),
          line.getValue()[0], line.getValue()[1], INTERCEPT, SLOPE);
    }
    double[] huber = fits.lines().get("HUBER");
    narrator.say("predict at x = 1: HuberReadingLoss.mean = %.3f, mode = %.3f (truth %.3f)",
        HuberReadingLoss.mean(huber[0] + huber[1]), HuberReadingLoss.mode(huber[0] + huber[1]),
        INTERCEPT + SLOPE);
    double[] grid = Figure.grid(-2, 2, 101);
    Figure figure = Figure.of("Robust regression: 10% outliers", "x", "y").dots("data", fits.x(), fits.y());
    for (Map.Entry<String, double[]> line : fits.lines().entrySet()) {
      double[] fitted = new double[grid.length];
      for (int i = 0; i < grid.length; i++) {
        fitted[i] = line.getValue()[0] + line.getValue()[1] * grid[i];
      }
      figure.line(line.getKey(), grid, fitted);
    }
    narrator.wrote(plots.save(figure.legend(Figure.Legend.INSIDE_NW), "robust"));
  }
}
