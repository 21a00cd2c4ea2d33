package dev.likelihood.samples.tour;

import dev.likelihood.runtime.Reduction;
import dev.likelihood.runtime.fit.FitResult;
import dev.likelihood.runtime.fit.Fitter;
import dev.likelihood.runtime.fit.Predictor;
import dev.likelihood.samples.GradeLogit;
import dev.likelihood.samples.GradeLogitLoss;
import dev.likelihood.samples.GradeProbit;
import dev.likelihood.samples.GradeProbitLoss;
import dev.likelihood.samples.UncertainDiagnosis;
import dev.likelihood.samples.UncertainDiagnosisLoss;

/**
 * Binary classification: logistic and probit regression on real data against statsmodels, then
 * the uncertainty-aware Bernoulli on images from a sharp and a blurry camera.
 */
public final class BinaryChapter implements Chapter {

  static final int ROWS = 10_000;
  static final double[] LOGIT = {0.5, 1.5};
  /**
   * uncertainty = softplus(u0 + u1 blurry): 0.02 for the sharp camera, 2.13 for the blurry one.
   * Only the blurry camera's uncertainty is identifiable against the sharp one's: a logit blurred
   * for every image alike is indistinguishable from a flatter logit (E[sigmoid(m + u z)] is
   * nearly sigmoid(m / sqrt(1 + pi u^2 / 8))), so the sharp camera is nearly certain.
   */
  static final double[] UNCERTAINTY = {-4.0, 6.0};

  /** Data and the fit. */
  public record Uncertain(double[] x, double[] blurry, boolean[] positive, FitResult fit) {}

  /**
   * The label's logit is m = 0.5 + 1.5 x blurred by N(0, u^2) noise, u larger for the blurry
   * camera; the model learns m from x and u from the camera.
   */
  public Uncertain uncertain() {
    Sampling sampling = new Sampling(31);
    double[] x = new double[ROWS];
    double[] blurry = new double[ROWS];
    boolean[] positive = new boolean[ROWS];
    for (int i = 0; i < ROWS; i++) {
      x[i] = sampling.uniform(-3, 3);
      blurry[i] = sampling.bernoulli(0.5) ? 1 : 0;
      double u = Design.softplus(UNCERTAINTY[0] + UNCERTAINTY[1] * blurry[i]);
      double logit = sampling.normal(LOGIT[0] + LOGIT[1] * x[i], u);
      positive[i] = sampling.bernoulli(Design.sigmoid(logit));
    }
    FitResult fit = Fitter.of(
            Predictor.of("logit", Design.withIntercept(x), "(Intercept)", "x"),
            Predictor.of("uncertainty", Design.withIntercept(blurry), "(Intercept)", "blurry"))
        .quiet()
        // the processor writes no lossGradientHessian for UNCERTAIN_BERNOULLI (its second
        // derivatives need logMeanSigmoid's, not derived yet): Newton differences the generated
        // gradient instead
        .newton(new FiniteDifferenceCurvature((eta, g) -> UncertainDiagnosisLoss.lossAndGradient(
            Reduction.SUM, positive, eta[0], eta[1], g[0], g[1])));
    return new Uncertain(x, blurry, positive, fit);
  }

  @Override
  public void tell(Narrator narrator, Plots plots) {
    narrator.chapter("Binary classification: BERNOULLI (logit, probit), UNCERTAIN_BERNOULLI");
    narrator.declaration(GradeLogit.class);
    narrator.declaration(GradeProbit.class);
    SpectorFit spector = new SpectorFit();
    for (SpectorFit.Link link : SpectorFit.Link.values()) {
      spector.compare(link).print(narrator);
    }
    narrator.wrote(plots.save(spectorFigure(spector), "spector"));

    narrator.section("UNCERTAIN_BERNOULLI: a classifier that says how sure it is");
    narrator.declaration(UncertainDiagnosis.class);
    Uncertain uncertain = uncertain();
    narrator.say("%,d images; logit ~ N(%.1f + %.1f x, u^2), u = softplus(%.1f + %.1f blurry):",
        ROWS, LOGIT[0], LOGIT[1], UNCERTAINTY[0], UNCERTAINTY[1]);
    double[] logit = uncertain.fit().coefficients("logit");
    double[] logitSe = uncertain.fit().standardErrors("logit");
    double[] u = uncertain.fit().coefficients("uncertainty");
    narrator.estimate("logit intercept", logit[0], logitSe[0], LOGIT[0]);
    narrator.estimate("logit slope", logit[1], logitSe[1], LOGIT[1]);
    // on the natural scale: near 0, softplus is flat and its eta is barely determined
    narrator.estimate("uncertainty, sharp", uncertainty(u, 0), uncertainty(UNCERTAINTY, 0));
    narrator.estimate("uncertainty, blurry", uncertainty(u, 1), uncertainty(UNCERTAINTY, 1));
    narrator.say("predict at x = 1: P(positive) = UncertainDiagnosisLoss.mean = %.3f sharp,"
            + " %.3f blurry: the same logit, less sure",
        UncertainDiagnosisLoss.mean(logit[0] + logit[1], u[0]),
        UncertainDiagnosisLoss.mean(logit[0] + logit[1], u[0] + u[1]));
    narrator.wrote(plots.save(uncertainFigure(uncertain), "uncertain-bernoulli"));
  }

  /** The uncertainty of camera {@code blurry} (0 or 1) under coefficients {@code u}. */
  static double uncertainty(double[] u, int blurry) {
    return Design.softplus(u[0] + u[1] * blurry);
  }

  /** P(improved) against GPA at the mean TUCE, for PSI = 0 and 1, with the 32 students. */
  private static Figure spectorFigure(SpectorFit spector) {
    Datasets.Spector data = spector.data();
    double tuce = 0;
    for (double t : data.tuce()) {
      tuce += t / data.rows();
    }
    double[] logit = spector.fit(SpectorFit.Link.LOGIT).coefficients(SpectorFit.PARAMETER);
    double[] probit = spector.fit(SpectorFit.Link.PROBIT).coefficients(SpectorFit.PARAMETER);
    double[] gpa = Figure.grid(2, 4, 101);
    Figure figure = Figure.of(
        "Spector and Mazzeo (1980): P(grade improved), TUCE at its mean", "GPA", "P(improved)");
    for (int psi = 0; psi <= 1; psi++) {
      double[] pLogit = new double[gpa.length];
      double[] pProbit = new double[gpa.length];
      for (int i = 0; i < gpa.length; i++) {
        pLogit[i] = GradeLogitLoss.mean(logit[0] + logit[1] * gpa[i] + logit[2] * tuce + logit[3] * psi);
        pProbit[i] = GradeProbitLoss.mean(
            probit[0] + probit[1] * gpa[i] + probit[2] * tuce + probit[3] * psi);
      }
      figure.line("logit, PSI = " + psi, gpa, pLogit).line("probit, PSI = " + psi, gpa, pProbit);
    }
    double[] observed = new double[data.rows()];
    for (int i = 0; i < data.rows(); i++) {
      observed[i] = data.improved()[i] ? 1 : 0;
    }
    return figure.dots("students", data.gpa(), observed).legend(Figure.Legend.INSIDE_NW);
  }

  /** Observed frequency of positives in bins of x against the fitted P(positive), per camera. */
  private static Figure uncertainFigure(Uncertain data) {
    double[] logit = data.fit().coefficients("logit");
    double[] u = data.fit().coefficients("uncertainty");
    double[] grid = Figure.grid(-3, 3, 101);
    Figure figure = Figure.of("UNCERTAIN_BERNOULLI: the same logit, two cameras", "x", "P(positive)");
    int bins = 24;
    for (int camera = 0; camera <= 1; camera++) {
      double[] fitted = new double[grid.length];
      for (int i = 0; i < grid.length; i++) {
        fitted[i] = UncertainDiagnosisLoss.mean(logit[0] + logit[1] * grid[i], u[0] + u[1] * camera);
      }
      double[] hits = new double[bins];
      double[] counts = new double[bins];
      for (int i = 0; i < data.x().length; i++) {
        if (data.blurry()[i] == camera) {
          int bin = Math.min(bins - 1, (int) ((data.x()[i] + 3) / 6 * bins));
          counts[bin]++;
          hits[bin] += data.positive()[i] ? 1 : 0;
        }
      }
      double[] centre = new double[bins];
      double[] frequency = new double[bins];
      for (int b = 0; b < bins; b++) {
        centre[b] = -3 + (b + 0.5) * 6 / bins;
        frequency[b] = hits[b] / Math.max(counts[b], 1);
      }
      String name = camera == 0 ? "sharp" : "blurry";
      figure.line(name + ": fitted mean()", grid, fitted).dots(name + ": observed", centre, frequency);
    }
    return figure.legend(Figure.Legend.INSIDE_NW);
  }
}
