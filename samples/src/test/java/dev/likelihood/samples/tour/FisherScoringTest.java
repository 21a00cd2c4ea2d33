package dev.likelihood.samples.tour;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likelihood.runtime.Reduction;
import dev.likelihood.runtime.fit.ColumnCurvature;
import dev.likelihood.runtime.fit.ColumnLoss;
import dev.likelihood.runtime.fit.FitResult;
import dev.likelihood.runtime.fit.Fitter;
import dev.likelihood.runtime.fit.Predictor;
import dev.likelihood.samples.GradeLogitLoss;
import dev.likelihood.samples.GradeProbitLoss;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * IRLS is Newton's method with the expected information in place of the observed Hessian: the
 * generated {@code fisherWeight} per row is the working weight. On Spector and Mazzeo's data it
 * must reach the same maximum as Newton on {@code lossGradientHessian}; under the canonical logit
 * link the two curvatures are equal row by row (so are the standard errors), under the probit
 * they differ away from the optimum and so do the standard errors (R's glm reports the expected
 * ones, statsmodels' Probit the observed ones).
 */
class FisherScoringTest {

  private final SpectorFit spector = new SpectorFit();
  private final boolean[] improved = spector.data().improved();

  @Test
  void logitScoringEqualsNewtonBecauseTheLinkIsCanonical() {
    FitResult newton = spector.fit(SpectorFit.Link.LOGIT);
    FitResult scoring = scoring(
        (eta, g) -> GradeLogitLoss.lossAndGradient(Reduction.SUM, improved, eta[0], g[0]),
        GradeLogitLoss::fisherWeight);
    assertTrue(scoring.converged(), scoring.stopReason());
    assertArrayEquals(newton.coefficients(SpectorFit.PARAMETER),
        scoring.coefficients(SpectorFit.PARAMETER), 1e-9);
    assertArrayEquals(newton.standardErrors(SpectorFit.PARAMETER),
        scoring.standardErrors(SpectorFit.PARAMETER), 1e-9);
  }

  @Test
  void probitScoringReachesNewtonsMaximumWithExpectedInformationErrors() {
    FitResult newton = spector.fit(SpectorFit.Link.PROBIT);
    FitResult scoring = scoring(
        (eta, g) -> GradeProbitLoss.lossAndGradient(Reduction.SUM, improved, eta[0], g[0]),
        GradeProbitLoss::fisherWeight);
    assertTrue(scoring.converged(), scoring.stopReason());
    assertArrayEquals(newton.coefficients(SpectorFit.PARAMETER),
        scoring.coefficients(SpectorFit.PARAMETER), 1e-7);
    assertEquals(newton.loss(), scoring.loss(), 1e-12 * Math.abs(newton.loss()));
    // same maximum, different curvature: the standard errors agree to a few per cent only
    double[] observed = newton.standardErrors(SpectorFit.PARAMETER);
    double[] expected = scoring.standardErrors(SpectorFit.PARAMETER);
    boolean anyDiffers = false;
    for (int j = 0; j < observed.length; j++) {
      assertEquals(observed[j], expected[j], 0.1 * observed[j], SpectorFit.COLUMNS[j]);
      anyDiffers |= Math.abs(observed[j] - expected[j]) > 1e-6 * observed[j];
    }
    assertTrue(anyDiffers, "the probit's expected and observed information should differ");
  }

  /**
   * Scoring converges linearly where the expected and observed information differ, so the
   * Newton decrement must be driven much lower than the default's 1e-8 (1 + |loss|) for the
   * coefficients to settle to 1e-7.
   */
  private FitResult scoring(ColumnLoss loss, DoubleUnaryOperator fisherWeight) {
    ColumnCurvature expectedInformation = (eta, g, h) -> {
      double value = loss.lossAndGradient(eta, g);
      for (int i = 0; i < eta[0].length; i++) {
        h[i] = fisherWeight.applyAsDouble(eta[0][i]);
      }
      return value;
    };
    return Fitter.of(Predictor.of(SpectorFit.PARAMETER, spector.design(), SpectorFit.COLUMNS))
        .tolerance(1e-15).quiet().newton(expectedInformation);
  }
}
