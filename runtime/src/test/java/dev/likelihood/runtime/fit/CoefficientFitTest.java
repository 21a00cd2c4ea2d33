package dev.likelihood.runtime.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The coefficient-space entry points ({@link Fitter#newtonInCoefficients},
 * {@link Fitter#lbfgsInCoefficients}): the caller computes the loss in the coefficients, as the
 * Spark module does over a Dataset, and gets the same Newton and L-BFGS as the column path.
 */
class CoefficientFitTest {

  /**
   * Dobson's Poisson data (see NewtonTest) with the gradient X'(mu - y) and Hessian X' diag(mu) X
   * written out by hand in the coefficients: the closed-form MLE and R's standard errors.
   */
  @Test
  void newtonInCoefficientsReproducesDobsonsClosedForm() {
    double[] counts = {18, 17, 15, 20, 10, 20, 25, 13, 12};
    double[][] x = NewtonTest.dobsonDesign();
    FitResult fit = Fitter.of(Predictor.named("rate", "(Intercept)", "outcome2", "outcome3",
        "treatment2", "treatment3")).quiet().newtonInCoefficients((beta, g, h) -> {
          java.util.Arrays.fill(g, 0.0);
          java.util.Arrays.fill(h, 0.0);
          double loss = 0.0;
          for (int i = 0; i < counts.length; i++) {
            double eta = 0.0;
            for (int j = 0; j < 5; j++) {
              eta += x[i][j] * beta[j];
            }
            double mean = Math.exp(eta);
            loss += mean - counts[i] * eta;
            for (int j = 0; j < 5; j++) {
              g[j] += x[i][j] * (mean - counts[i]);
              for (int l = 0; l < 5; l++) {
                h[j * 5 + l] += x[i][j] * mean * x[i][l];
              }
            }
          }
          return loss;
        });
    assertTrue(fit.converged(), fit::toString);
    assertEquals("newton", fit.method());
    assertEquals(Math.log(21), fit.coefficient("rate", "(Intercept)"), 1e-12);
    assertEquals(Math.log(40.0 / 63), fit.coefficient("rate", "outcome2"), 1e-12);
    assertEquals(Math.log(47.0 / 63), fit.coefficient("rate", "outcome3"), 1e-12);
    assertEquals(0.0, fit.coefficient("rate", "treatment2"), 1e-12);
    double[] se = fit.standardErrors("rate");
    assertEquals(0.1709, se[0], 5e-5);
    assertEquals(0.2022, se[1], 5e-5);
    assertEquals(0.2000, se[3], 5e-5);
  }

  /**
   * One Newton serves both paths: given the column objective's own values in the coefficients,
   * newtonInCoefficients takes the same steps to the same bits as newton, and likewise L-BFGS.
   */
  @Test
  void coefficientPathsRepeatTheColumnPathsBitForBit() {
    Random random = new Random(5);
    int n = 400;
    double[][] xMean = new double[n][2];
    double[][] xScale = new double[n][2];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double t = random.nextDouble() * 4 - 2;
      xMean[i] = new double[] {1, t};
      xScale[i] = new double[] {1, t * t};
      y[i] = 1 + 0.5 * t + Math.exp(-0.2 + 0.3 * t * t) * random.nextGaussian();
    }
    Predictor mu = Predictor.of("mu", xMean, "(Intercept)", "t");
    Predictor sigma = Predictor.of("sigma", xScale, "(Intercept)", "t2");
    ColumnCurvature loss = Losses.heteroscedasticNormal(y);
    Fitter columns = Fitter.of(mu, sigma).quiet();
    Fitter named = Fitter.of(Predictor.named("mu", "(Intercept)", "t"),
        Predictor.named("sigma", "(Intercept)", "t2")).quiet();

    ColumnObjective inMemory = ColumnObjective.of(new Design(new Predictor[] {mu, sigma}), loss);
    FitResult expected = columns.newton(loss);
    FitResult actual = named.newtonInCoefficients(inMemory::value);
    assertTrue(expected.converged(), expected::toString);
    assertArrayEquals(expected.allCoefficients(), actual.allCoefficients());
    assertArrayEquals(expected.standardErrors("sigma"), actual.standardErrors("sigma"));
    assertEquals(expected.loss(), actual.loss());
    assertEquals(expected.iterations(), actual.iterations());
    assertEquals(expected.evaluations(), actual.evaluations());

    ColumnObjective gradientOnly = ColumnObjective.of(new Design(new Predictor[] {mu, sigma}),
        (ColumnLoss) (eta, g) -> loss.lossGradientHessian(eta, g, new double[4 * n]));
    FitResult lbfgs = columns.lbfgs((eta, g) -> loss.lossGradientHessian(eta, g,
        new double[4 * n]));
    FitResult lbfgsInCoefficients = named.lbfgsInCoefficients(gradientOnly::value);
    assertArrayEquals(lbfgs.allCoefficients(), lbfgsInCoefficients.allCoefficients());
    assertEquals(lbfgs.iterations(), lbfgsInCoefficients.iterations());
    NewtonTest.assertRelative(expected.allCoefficients(), lbfgs.allCoefficients(), 1e-6);
  }

  @Test
  void theStartAndTheIterationLimitApply() {
    Fitter fitter = Fitter.of(Predictor.named("mu", "(Intercept)")).quiet().maxIterations(0)
        .start(new double[] {3.0});
    // (b - 1)^2 / 2: with no iterations allowed the fit stays at the start.
    FitResult fit = fitter.newtonInCoefficients((b, g, h) -> {
      g[0] = b[0] - 1;
      h[0] = 1;
      return 0.5 * (b[0] - 1) * (b[0] - 1);
    });
    assertEquals(3.0, fit.coefficient("mu", "(Intercept)"));
    assertEquals(2.0, fit.loss());
  }

  @Test
  void badInputIsNamed() {
    Fitter named = Fitter.of(Predictor.named("mu", "(Intercept)", "t")).quiet();
    IllegalArgumentException noRows = assertThrows(IllegalArgumentException.class,
        () -> named.newton(Losses.leastSquares(new double[] {1})));
    assertTrue(noRows.getMessage().contains("holds no rows"), noRows::getMessage);
    assertThrows(IllegalArgumentException.class, () -> named.lbfgs((eta, g) -> 0.0));

    IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
        () -> Fitter.of(Predictor.intercept("mu", 3), Predictor.named("sigma", "(Intercept)")));
    assertTrue(mixed.getMessage().contains("Predictor.named"), mixed::getMessage);

    IllegalArgumentException start = assertThrows(IllegalArgumentException.class,
        () -> named.newtonInCoefficients((b, g, h) -> {
          g[0] = 0;
          g[1] = Double.NaN;
          return 1.0;
        }));
    assertTrue(start.getMessage().contains("coefficient 1 (mu:t) = NaN"), start::getMessage);
    assertThrows(IllegalArgumentException.class, () -> named.lbfgsInCoefficients(null));
    assertThrows(IllegalArgumentException.class, () -> Predictor.named("mu"));
    assertThrows(IllegalArgumentException.class, () -> Predictor.named("mu", "a", "a"));
    IllegalArgumentException vector = assertThrows(IllegalArgumentException.class,
        () -> Fitter.of(Predictor.named("logits", "(Intercept)").withWidth(3))
            .newtonInCoefficients((b, g, h) -> 0.0));
    assertTrue(vector.getMessage().contains("width 3"), vector::getMessage);
  }
}
