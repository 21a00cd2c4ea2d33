package dev.likelihood.spark;

import dev.likelihood.runtime.Reduction;
import dev.likelihood.runtime.fit.ColumnCurvature;
import dev.likelihood.runtime.fit.ColumnLoss;
import dev.likelihood.runtime.fit.Predictor;
import java.util.List;

/**
 * The two sample models wired both ways: the Spark fit's columns, predictors and block kernels,
 * and the single-machine fitter's predictors and column losses, each calling the same generated
 * batch method.
 */
public final class SampleModels {

  private SampleModels() {}

  /** The data columns the claims kernel reads: {@code b.data(0)} and {@code b.data(1)}. */
  public static final List<String> CLAIMS_DATA = List.of("claims", "logExposure");
  /** The claims rate predictor: intercept, age, urban. */
  public static final PredictorColumns CLAIMS_RATE = PredictorColumns.of("rate", "age", "urban");

  /** The claims kernel for Newton on Spark: the generated per-row Hessian too. */
  public static final BlockCurvature CLAIMS_CURVATURE = b -> ClaimsLoss.lossGradientHessian(
      Reduction.SUM, b.data(0), b.eta(0), b.data(1), b.gradient(0), b.hessian());

  /** The claims kernel for L-BFGS on Spark. */
  public static final BlockLoss CLAIMS_GRADIENT = b -> ClaimsLoss.lossAndGradient(Reduction.SUM,
      b.data(0), b.eta(0), b.data(1), b.gradient(0));

  /** The data column the readings kernel reads. */
  public static final List<String> READINGS_DATA = List.of("value");
  /** The readings mean predictor: intercept, x, z. */
  public static final PredictorColumns READINGS_MEAN = PredictorColumns.of("mean", "x", "z");
  /** The readings log-sigma predictor: intercept, x. */
  public static final PredictorColumns READINGS_SIGMA = PredictorColumns.of("sigma", "x");

  /** The readings kernel for Newton on Spark: the generated 2 x 2 per-row Hessian too. */
  public static final BlockCurvature READINGS_CURVATURE = b -> ReadingLoss.lossGradientHessian(
      Reduction.SUM, b.data(0), b.eta(0), b.eta(1), b.gradient(0), b.gradient(1), b.hessian());

  /** The readings kernel for L-BFGS on Spark. */
  public static final BlockLoss READINGS_GRADIENT = b -> ReadingLoss.lossAndGradient(
      Reduction.SUM, b.data(0), b.eta(0), b.eta(1), b.gradient(0), b.gradient(1));

  /** The single-machine predictors of the claims model over these rows. */
  public static Predictor[] claimsPredictors(SyntheticData data) {
    return new Predictor[] {Predictor.of("rate", data.designWithIntercept("age", "urban"),
        Predictor.INTERCEPT, "age", "urban")};
  }

  /** The single-machine column loss of the claims model over these rows. */
  public static ColumnLoss claimsLoss(SyntheticData data) {
    double[] claims = data.column("claims");
    double[] logExposure = data.column("logExposure");
    return (eta, g) -> ClaimsLoss.lossAndGradient(Reduction.SUM, claims, eta[0], logExposure,
        g[0]);
  }

  /** The single-machine column loss of the claims model with its per-row Hessian. */
  public static ColumnCurvature claimsCurvature(SyntheticData data) {
    double[] claims = data.column("claims");
    double[] logExposure = data.column("logExposure");
    return (eta, g, h) -> ClaimsLoss.lossGradientHessian(Reduction.SUM, claims, eta[0],
        logExposure, g[0], h);
  }

  /** The single-machine predictors of the readings model over these rows. */
  public static Predictor[] readingsPredictors(SyntheticData data) {
    return new Predictor[] {
        Predictor.of("mean", data.designWithIntercept("x", "z"), Predictor.INTERCEPT, "x", "z"),
        Predictor.of("sigma", data.designWithIntercept("x"), Predictor.INTERCEPT, "x")};
  }

  /** The single-machine column loss of the readings model over these rows. */
  public static ColumnLoss readingsLoss(SyntheticData data) {
    double[] value = data.column("value");
    return (eta, g) -> ReadingLoss.lossAndGradient(Reduction.SUM, value, eta[0], eta[1], g[0],
        g[1]);
  }

  /** The single-machine column loss of the readings model with its per-row Hessian. */
  public static ColumnCurvature readingsCurvature(SyntheticData data) {
    double[] value = data.column("value");
    return (eta, g, h) -> ReadingLoss.lossGradientHessian(Reduction.SUM, value, eta[0], eta[1],
        g[0], g[1], h);
  }
}
