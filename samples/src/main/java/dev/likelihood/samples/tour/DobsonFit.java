package dev.likelihood.samples.tour;

import dev.likelihood.runtime.Reduction;
import dev.likelihood.runtime.fit.FitResult;
import dev.likelihood.runtime.fit.Fitter;
import dev.likelihood.runtime.fit.Predictor;
import dev.likelihood.samples.TrialCountLoss;

/**
 * R's {@code glm(counts ~ outcome + treatment, family = poisson())} on Dobson (1990), done with
 * the generated {@code TrialCountLoss} and Newton's method, compared with what R prints.
 */
public final class DobsonFit {

  static final String[] COLUMNS = {"(Intercept)", "outcome2", "outcome3", "treatment2", "treatment3"};
  static final String PARAMETER = "logRate";

  private final Datasets.Dobson data = Datasets.dobson();
  private final double[][] x = Design.withIntercept(
      Design.indicator(data.outcome(), 2), Design.indicator(data.outcome(), 3),
      Design.indicator(data.treatment(), 2), Design.indicator(data.treatment(), 3));

  /** The full model. */
  public FitResult fit() {
    return fit(Predictor.of(PARAMETER, x, COLUMNS));
  }

  /** The intercept-only model, whose deviance is R's null deviance. */
  public FitResult nullFit() {
    return fit(Predictor.intercept(PARAMETER, data.rows()));
  }

  private FitResult fit(Predictor predictor) {
    int[] count = data.count();
    return Fitter.of(predictor)
        .quiet()
        .newton((eta, g, h) -> TrialCountLoss.lossGradientHessian(
            Reduction.SUM, count, eta[0], g[0], h));
  }

  /**
   * The Poisson deviance, 2 (NLL(model) - NLL(saturated)): the saturated model puts each mean at
   * its count (every count here is positive, so eta = log y is finite).
   */
  public double deviance(double[] eta) {
    int[] count = data.count();
    double[] saturated = new double[count.length];
    for (int i = 0; i < count.length; i++) {
      saturated[i] = Math.log(count[i]);
    }
    return 2 * (TrialCountLoss.loss(Reduction.SUM, count, eta)
        - TrialCountLoss.loss(Reduction.SUM, count, saturated));
  }

  /** Ours against R's printed summary, every number. */
  public Comparison compare() {
    FitResult fit = fit();
    FitResult nullFit = nullFit();
    Published.Fit published = Published.DOBSON_POISSON;
    Comparison comparison = new Comparison(published);
    double[] beta = fit.coefficients(PARAMETER);
    double[] se = fit.standardErrors(PARAMETER);
    for (int j = 0; j < COLUMNS.length; j++) {
      Published.Coefficient c = published.coefficient(COLUMNS[j]);
      comparison.add(COLUMNS[j], beta[j], c.estimate());
      comparison.add(COLUMNS[j] + " std. error", se[j], c.standardError());
    }
    double[] eta = Design.linear(x, beta);
    double[] nullEta = Design.constant(data.rows(), nullFit.coefficients(PARAMETER)[0]);
    comparison.add("null deviance (8 df)", deviance(nullEta),
        published.statistic("null deviance (8 df)"));
    comparison.add("residual deviance (4 df)", deviance(eta),
        published.statistic("residual deviance (4 df)"));
    // R's AIC: -2 log-likelihood (with the log y! terms, as the generated NLL has) + 2 k
    double aic = 2 * TrialCountLoss.loss(Reduction.SUM, data.count(), eta) + 2 * COLUMNS.length;
    comparison.add("AIC", aic, published.statistic("AIC"));
    return comparison;
  }

  public double[][] design() {
    return x;
  }

  public Datasets.Dobson data() {
    return data;
  }
}
