package dev.likelihood.samples.tour;

import dev.likelihood.runtime.Reduction;
import dev.likelihood.runtime.fit.FitResult;
import dev.likelihood.runtime.fit.Fitter;
import dev.likelihood.runtime.fit.Predictor;
import dev.likelihood.samples.ToolKind;
import dev.likelihood.samples.ToolKindLoss;

/**
 * Multiclass: a robot measures a tool's length and mass and tells a wrench from a screwdriver
 * from a hammer. The logits are linear in the features; softmax cross-entropy is the likelihood.
 */
public final class MulticlassChapter implements Chapter {

  static final int ROWS = 3_000;
  static final String[] TOOLS = {"wrench", "screwdriver", "hammer"};
  static final String[] COLUMNS = {"(Intercept)", "length", "mass"};
  /**
   * TRUTH[k] = (intercept, length, mass) of tool k's logit, the wrench's fixed at 0 (softmax only
   * sees differences). Features are standardised: length (cm - 25) / 8, mass (kg - 0.5) / 0.3.
   */
  static final double[][] TRUTH = {{0, 0, 0}, {0.5, -0.5, -2.5}, {-0.5, 1.5, 2.0}};

  /** Data and the fit. */
  public record Fitted(double[][] x, int[] tool, FitResult fit) {}

  public Fitted fit() {
    Sampling sampling = new Sampling(41);
    double[][] x = new double[ROWS][];
    int[] tool = new int[ROWS];
    double[] logits = new double[TOOLS.length];
    for (int i = 0; i < ROWS; i++) {
      double length = (sampling.uniform(10, 40) - 25) / 8;
      double mass = (sampling.uniform(0.05, 1.0) - 0.5) / 0.3;
      x[i] = new double[] {1, length, mass};
      for (int k = 0; k < TOOLS.length; k++) {
        logits[k] = TRUTH[k][0] + TRUTH[k][1] * length + TRUTH[k][2] * mass;
      }
      tool[i] = sampling.categorical(logits);
    }
    FitResult fit = Fitter.of(Predictor.of("logits", x, COLUMNS).withWidth(TOOLS.length))
        .quiet()
        .lbfgs((eta, g) -> ToolKindLoss.lossAndGradient(Reduction.SUM, tool, eta[0], g[0]));
    return new Fitted(x, tool, fit);
  }

  /** Coefficient {@code column} of tool {@code k}'s logit minus the wrench's: identifiable. */
  public static double relative(FitResult fit, int k, int column) {
    double[] beta = fit.coefficients("logits");
    return beta[column * TOOLS.length + k] - beta[column * TOOLS.length];
  }

  /** The logits of one tool with standardised features (length, mass). */
  static double[] logits(FitResult fit, double length, double mass) {
    double[] beta = fit.coefficients("logits");
    double[] logits = new double[TOOLS.length];
    for (int k = 0; k < TOOLS.length; k++) {
      logits[k] = beta[k] + beta[TOOLS.length + k] * length + beta[2 * TOOLS.length + k] * mass;
    }
    return logits;
  }

  @Override
  public void tell(Narrator narrator, Plots plots) {
    narrator.chapter("Multiclass: CATEGORICAL");
    narrator.declaration(ToolKind.class);
    Fitted fitted = fit();
    narrator.say("%,d tools, logits linear in standardised length and mass; L-BFGS on"
        + " ToolKindLoss.lossAndGradient (logits is a vector: %s):", ROWS, fitted.fit().method());
    for (int k = 1; k < TOOLS.length; k++) {
      for (int j = 0; j < COLUMNS.length; j++) {
        narrator.estimate(TOOLS[k] + " - wrench, " + COLUMNS[j], relative(fitted.fit(), k, j),
            TRUTH[k][j]);
      }
    }
    double length = (32 - 25) / 8.0;
    double mass = (0.7 - 0.5) / 0.3;
    double[] logits = logits(fitted.fit(), length, mass);
    double[] p = new double[TOOLS.length];
    ToolKindLoss.probabilities(logits, p);
    narrator.say("predict a 32 cm, 0.7 kg tool: probabilities() = wrench %.3f, screwdriver %.3f,"
        + " hammer %.3f; mode() = %s", p[0], p[1], p[2], TOOLS[ToolKindLoss.mode(logits)]);
    narrator.wrote(plots.save(figure(fitted.fit()), "tools"));
  }

  /** P(tool | length) at a mass of 0.5 kg: fitted against the truth. */
  private static Figure figure(FitResult fit) {
    Figure figure = Figure.of("CATEGORICAL: P(tool | length), mass 0.5 kg", "length (cm)", "probability");
    // the truth on a coarser grid, so that its dashes show between points
    double[][] fitted = probabilities(Figure.grid(10, 40, 121), length -> logits(fit, length, 0));
    double[][] truth = probabilities(Figure.grid(10, 40, 16), length -> {
      double[] logits = new double[TOOLS.length];
      for (int k = 0; k < TOOLS.length; k++) {
        logits[k] = TRUTH[k][0] + TRUTH[k][1] * length;
      }
      return logits;
    });
    for (int k = 0; k < TOOLS.length; k++) {
      figure.line(TOOLS[k], fitted[0], fitted[k + 1]);
    }
    for (int k = 0; k < TOOLS.length; k++) {
      figure.dashed(TOOLS[k] + " (truth)", truth[0], truth[k + 1], k);
    }
    return figure.legend(Figure.Legend.OUTSIDE_RIGHT);
  }

  /** Row 0: the lengths in cm; row k + 1: P(tool k) at each, by the generated probabilities(). */
  private static double[][] probabilities(double[] lengthCm,
      java.util.function.DoubleFunction<double[]> logitsAtStandardisedLength) {
    double[][] rows = new double[TOOLS.length + 1][lengthCm.length];
    rows[0] = lengthCm;
    double[] p = new double[TOOLS.length];
    for (int i = 0; i < lengthCm.length; i++) {
      ToolKindLoss.probabilities(logitsAtStandardisedLength.apply((lengthCm[i] - 25) / 8), p);
      for (int k = 0; k < TOOLS.length; k++) {
        rows[k + 1][i] = p[k];
      }
    }
    return rows;
  }
}
