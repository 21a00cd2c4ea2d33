package dev.likelihood.samples.tour;

import dev.likelihood.runtime.Reduction;
import dev.likelihood.runtime.fit.ColumnCurvature;
import dev.likelihood.runtime.fit.FitResult;
import dev.likelihood.runtime.fit.Fitter;
import dev.likelihood.runtime.fit.Predictor;
import dev.likelihood.samples.GradeLogitLoss;
import dev.likelihood.samples.GradeProbitLoss;

/**
 * statsmodels' Logit and Probit on Spector and Mazzeo (1980), done with the generated
 * {@code GradeLogitLoss} and {@code GradeProbitLoss} and Newton's method. Standard errors come
 * from the observed Hessian at the optimum, as statsmodels computes them.
 */
public final class SpectorFit {

  static final String[] COLUMNS = {"const", "GPA", "TUCE", "PSI"};
  static final String PARAMETER = "score";

  /** Which link. */
  public enum Link {
    LOGIT(Published.SPECTOR_LOGIT),
    PROBIT(Published.SPECTOR_PROBIT);

    final Published.Fit published;

    Link(Published.Fit published) {
      this.published = published;
    }
  }

  private final Datasets.Spector data = Datasets.spector();
  private final double[][] x = Design.withIntercept(data.gpa(), data.tuce(), data.psi());

  public FitResult fit(Link link) {
    return fit(link, Predictor.of(PARAMETER, x, COLUMNS));
  }

  /** The intercept-only model: its log-likelihood is statsmodels' LL-Null. */
  public FitResult nullFit(Link link) {
    return fit(link, Predictor.intercept(PARAMETER, data.rows()));
  }

  private FitResult fit(Link link, Predictor predictor) {
    boolean[] improved = data.improved();
    ColumnCurvature loss = link == Link.LOGIT
        ? (eta, g, h) -> GradeLogitLoss.lossGradientHessian(
            Reduction.SUM, improved, eta[0], g[0], h)
        : (eta, g, h) -> GradeProbitLoss.lossGradientHessian(
            Reduction.SUM, improved, eta[0], g[0], h);
    return Fitter.of(predictor).quiet().newton(loss);
  }

  /** Ours against statsmodels, every number. */
  public Comparison compare(Link link) {
    FitResult fit = fit(link);
    Comparison comparison = new Comparison(link.published);
    double[] beta = fit.coefficients(PARAMETER);
    double[] se = fit.standardErrors(PARAMETER);
    for (int j = 0; j < COLUMNS.length; j++) {
      Published.Coefficient c = link.published.coefficient(COLUMNS[j]);
      comparison.add(COLUMNS[j], beta[j], c.estimate());
      comparison.add(COLUMNS[j] + " std err", se[j], c.standardError());
    }
    // the fit's loss is the summed NLL: the log-likelihood with its sign flipped
    comparison.add("Log-Likelihood", -fit.loss(), link.published.statistic("Log-Likelihood"));
    comparison.add("LL-Null", -nullFit(link).loss(), link.published.statistic("LL-Null"));
    return comparison;
  }

  public double[][] design() {
    return x;
  }

  public Datasets.Spector data() {
    return data;
  }
}
