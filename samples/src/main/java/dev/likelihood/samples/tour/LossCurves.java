package dev.likelihood.samples.tour;

import dev.likelihood.samples.ClickLoss;
import dev.likelihood.samples.HuberReadingLoss;
import dev.likelihood.samples.LaplaceReadingLoss;
import dev.likelihood.samples.LogCoshReadingLoss;
import dev.likelihood.samples.NormalReadingLoss;
import dev.likelihood.samples.UncertainDiagnosisLoss;
import java.nio.file.Path;
import java.util.List;

/**
 * The figures of the lectures the tour follows: the familiar losses drawn as what they are,
 * negative log-likelihoods, every point computed by a generated loss.
 */
public final class LossCurves {

  private static final int POINTS = 401;

  private LossCurves() {}

  /** Draws every loss figure; returns the files written, in order. */
  public static List<Path> draw(Plots plots) {
    return List.of(
        plots.save(binaryCrossEntropy(), "bce"),
        plots.save(uncertainBinaryCrossEntropy(), "ubce"),
        plots.save(regressionLosses(), "regression-losses"),
        plots.save(gaussianNll(), "gaussian-nll"));
  }

  /** BCE is the Bernoulli NLL, -log p for y = 1 and -log(1 - p) for y = 0. */
  static Figure binaryCrossEntropy() {
    double[] p = Figure.grid(0.001, 0.999, POINTS);
    double[] positive = new double[POINTS];
    double[] negative = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      double logit = Math.log(p[i] / (1 - p[i]));
      positive[i] = ClickLoss.nll(true, logit);
      negative[i] = ClickLoss.nll(false, logit);
    }
    return Figure.of("Binary cross-entropy = Bernoulli NLL", "predicted probability p", "loss")
        .line("y = 1: -log p", p, positive)
        .line("y = 0: -log(1 - p)", p, negative)
        .yRange(0, 5);
  }

  /**
   * UBCE: a confident wrong logit costs less when the model also says it is unsure, and being
   * unsure costs on correct predictions. Drawn for y = 1.
   */
  static Figure uncertainBinaryCrossEntropy() {
    double[] logit = Figure.grid(-8, 8, POINTS);
    Figure figure = Figure.of(
        "Uncertain Bernoulli NLL for y = 1", "predicted logit (mean of the uncertain logit)", "loss");
    double[] plain = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      plain[i] = ClickLoss.nll(true, logit[i]);
    }
    figure.line("BCE (uncertainty 0)", logit, plain);
    for (double uncertainty : new double[] {1, 2, 4}) {
      double eta = inverseSoftplus(uncertainty);
      double[] loss = new double[POINTS];
      for (int i = 0; i < POINTS; i++) {
        loss[i] = UncertainDiagnosisLoss.nll(true, logit[i], eta);
      }
      figure.line("uncertainty " + (int) uncertainty, logit, loss);
    }
    return figure.yRange(0, 8);
  }

  /**
   * MSE, MAE, Huber and log-cosh against the residual, each the NLL of a density minus its value
   * at r = 0 ("up to constants"): the choice of loss is a choice of noise distribution.
   */
  static Figure regressionLosses() {
    double[] r = Figure.grid(-4, 4, POINTS);
    double[] squared = new double[POINTS];
    double[] absolute = new double[POINTS];
    double[] huber = new double[POINTS];
    double[] logCosh = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      squared[i] = NormalReadingLoss.nll(r[i], 0, 0) - NormalReadingLoss.nll(0, 0, 0);
      absolute[i] = LaplaceReadingLoss.nll(r[i], 0, 0) - LaplaceReadingLoss.nll(0, 0, 0);
      huber[i] = HuberReadingLoss.nll(r[i], 0) - HuberReadingLoss.nll(0, 0);
      logCosh[i] = LogCoshReadingLoss.nll(r[i], 0) - LogCoshReadingLoss.nll(0, 0);
    }
    return Figure.of("Regression losses are NLLs (minus their value at r = 0)", "residual r = y - mu", "loss")
        .line("NORMAL, sigma 1: r^2 / 2 (MSE)", r, squared)
        .line("LAPLACE, scale 1: |r| (MAE)", r, absolute)
        .line("HUBER, delta 1", r, huber)
        .line("LOG_COSH: log cosh r", r, logCosh)
        .yRange(0, 5);
  }

  /** The Gaussian NLL with a learned sigma: small sigma rewards small residuals, punishes large. */
  static Figure gaussianNll() {
    double[] r = Figure.grid(-4, 4, POINTS);
    Figure figure = Figure.of("Gaussian NLL for several sigma", "residual r = y - mu", "NLL");
    for (double sigma : new double[] {0.5, 1, 2}) {
      double[] nll = new double[POINTS];
      for (int i = 0; i < POINTS; i++) {
        nll[i] = NormalReadingLoss.nll(r[i], 0, Math.log(sigma));
      }
      figure.line("sigma " + sigma, r, nll);
    }
    return figure.yRange(0, 8);
  }

  /** The eta that SOFTPLUS maps to {@code value}: log(exp(value) - 1). */
  static double inverseSoftplus(double value) {
    return Math.log(Math.expm1(value));
  }
}
