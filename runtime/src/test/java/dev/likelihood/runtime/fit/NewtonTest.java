package dev.likelihood.runtime.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NewtonTest {

  /**
   * Dobson (1990) p. 93, the example of R's ?glm:
   * {@code glm(counts ~ outcome + treatment, family = poisson())}. R prints
   * <pre>
   *             Estimate Std. Error
   * (Intercept) 3.045e+00  1.709e-01
   * outcome2   -4.543e-01  2.022e-01
   * outcome3   -2.930e-01  1.927e-01
   * treatment2  1.338e-15  2.000e-01
   * treatment3  1.421e-15  2.000e-01
   * </pre>
   * The treatment totals are equal (50 each), so their MLEs are exactly 0, and the fitted
   * means are row total * column total / 150: the intercept is log 21, outcome2 log(40/63),
   * outcome3 log(47/63) in closed form.
   */
  @Test
  void reproducesRsDobsonPoissonFit() {
    double[] counts = {18, 17, 15, 20, 10, 20, 25, 13, 12};
    double[][] x = new double[9][5];
    for (int i = 0; i < 9; i++) {
      int outcome = i % 3;
      int treatment = i / 3;
      x[i][0] = 1;
      x[i][1] = outcome == 1 ? 1 : 0;
      x[i][2] = outcome == 2 ? 1 : 0;
      x[i][3] = treatment == 1 ? 1 : 0;
      x[i][4] = treatment == 2 ? 1 : 0;
    }
    FitResult fit = Fitter.of(Predictor.of("rate", x, "(Intercept)", "outcome2", "outcome3",
        "treatment2", "treatment3")).quiet().newton(Losses.poisson(counts));

    assertTrue(fit.converged(), fit::toString);
    assertEquals(3.045, round(fit.coefficient("rate", "(Intercept)"), 4));
    assertEquals(-0.4543, round(fit.coefficient("rate", "outcome2"), 4));
    assertEquals(-0.2930, round(fit.coefficient("rate", "outcome3"), 4));
    assertEquals(0.0, fit.coefficient("rate", "treatment2"), 1e-8);
    assertEquals(0.0, fit.coefficient("rate", "treatment3"), 1e-8);
    double[] se = fit.standardErrors("rate");
    assertEquals(0.1709, round(se[0], 4));
    assertEquals(0.2022, round(se[1], 4));
    assertEquals(0.1927, round(se[2], 4));
    assertEquals(0.2000, round(se[3], 4));
    assertEquals(0.2000, round(se[4], 4));
    // Beyond R's printed digits, the closed form.
    assertEquals(Math.log(21), fit.coefficient("rate", "(Intercept)"), 1e-12);
    assertEquals(Math.log(40.0 / 63), fit.coefficient("rate", "outcome2"), 1e-12);
    assertEquals(Math.log(47.0 / 63), fit.coefficient("rate", "outcome3"), 1e-12);
    assertTrue(fit.toString().contains("outcome2"), fit::toString);

    // After L-BFGS the same standard errors come from Fitter.covariance.
    Fitter fitter = Fitter.of(Predictor.of("rate", x)).quiet();
    FitResult lbfgs = fitter.tolerance(1e-12).lbfgs(Losses.withoutHessian(
        Losses.poisson(counts), 9, 1));
    double[][] covariance = fitter.covariance(Losses.poisson(counts), lbfgs);
    for (int j = 0; j < 5; j++) {
      assertEquals(se[j], Math.sqrt(covariance[j][j]), 1e-9 * se[j], "column " + j);
    }
  }

  @Test
  void poissonNewtonAndLbfgsAgree() {
    Random random = new Random(1);
    int n = 400;
    double[][] x = new double[n][3];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {1, random.nextGaussian(), random.nextDouble()};
      y[i] = poissonSample(random, Math.exp(0.5 + 0.3 * x[i][1] - 0.8 * x[i][2]));
    }
    assertAgree(Fitter.of(Predictor.of("rate", x)), Losses.poisson(y), n, 1);
  }

  @Test
  void logisticNewtonAndLbfgsAgree() {
    Random random = new Random(2);
    int n = 500;
    double[][] x = new double[n][3];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {1, random.nextGaussian(), random.nextGaussian()};
      double p = 1 / (1 + Math.exp(-(-0.4 + 1.2 * x[i][1] + 0.7 * x[i][2])));
      y[i] = random.nextDouble() < p ? 1 : 0;
    }
    assertAgree(Fitter.of(Predictor.of("p", x)), Losses.logistic(y), n, 1);
  }

  @Test
  void heteroscedasticNormalNewtonAndLbfgsAgree() {
    Random random = new Random(3);
    int n = 600;
    double[][] xMean = new double[n][2];
    double[][] xScale = new double[n][2];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double t = random.nextDouble() * 4 - 2;
      xMean[i] = new double[] {1, t};
      xScale[i] = new double[] {1, t};
      y[i] = 2 - 1.5 * t + Math.exp(-0.3 + 0.4 * t) * random.nextGaussian();
    }
    Fitter fitter = Fitter.of(Predictor.of("mu", xMean, "(Intercept)", "t"),
        Predictor.of("sigma", xScale, "(Intercept)", "t"));
    FitResult newton = assertAgree(fitter, Losses.heteroscedasticNormal(y), n, 2);
    assertEquals(-1.5, newton.coefficient("mu", "t"), 0.1);
    assertEquals(0.4, newton.coefficient("sigma", "t"), 0.1);
    // Cross-predictor Hessian blocks enter the standard errors: compare with covariance().
    double[][] covariance = fitter.covariance(Losses.heteroscedasticNormal(y), newton);
    assertEquals(Math.sqrt(covariance[3][3]), newton.standardErrors("sigma")[1], 1e-12);
  }

  /**
   * Least squares on nearly collinear, badly scaled columns (cond(X'X) about 1e9), with the
   * response built as y = X beta* + r and r orthogonal to X's columns, so beta* is the exact
   * minimiser whatever the conditioning.
   */
  @Test
  void convergesOnAnIllConditionedProblem() {
    Random random = new Random(4);
    int n = 200;
    double[][] x = new double[n][4];
    for (int i = 0; i < n; i++) {
      double t = random.nextGaussian();
      x[i] = new double[] {1, t, t + 1e-3 * random.nextGaussian(), 1e3 * random.nextGaussian()};
    }
    double[] truth = {1.5, -2.0, 3.0, 0.004};
    double[] residual = orthogonalNoise(x, random);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 4; j++) {
        y[i] += x[i][j] * truth[j];
      }
      y[i] += residual[i];
    }
    Fitter fitter = Fitter.of(Predictor.of("mu", x)).quiet();
    FitResult newton = fitter.newton(Losses.leastSquares(y));
    assertTrue(newton.converged(), newton::toString);
    assertRelative(truth, newton.coefficients(0), 1e-7);
    FitResult lbfgs = fitter.tolerance(1e-13).lbfgs(Losses.withoutHessian(
        Losses.leastSquares(y), n, 1));
    assertRelative(truth, lbfgs.coefficients(0), 1e-5);
  }

  /**
   * f(b) = b^4/4 - b^2/2 from b = 0.1, where f'' = -0.97: the undamped Newton step goes to the
   * maximum at 0 (an ascent direction), so reaching the minimum at +1 needs the damping.
   */
  @Test
  void dampsWhereTheHessianIsNotPositiveDefinite() {
    ColumnCurvature doubleWell = (eta, g, h) -> {
      double b = eta[0][0];
      g[0][0] = b * b * b - b;
      h[0] = 3 * b * b - 1;
      return b * b * b * b / 4 - b * b / 2;
    };
    // A loss near 0.25 in size: the default tolerance would bound the error only by ~1e-8.
    FitResult fit = Fitter.of(Predictor.intercept("b", 1)).quiet().tolerance(1e-12)
        .start(new double[] {0.1}).newton(doubleWell);
    assertTrue(fit.converged(), fit::toString);
    assertEquals(1.0, fit.coefficients(0)[0], 1e-12);
    assertTrue(fit.stopReason().contains("damped"), fit::stopReason);
  }

  /** f(b) = b + 1/b, NaN for b <= 0: the first Newton step from 3 lands at -9. */
  @Test
  void halvesStepsIntoNonFiniteRegions() {
    ColumnCurvature f = (eta, g, h) -> {
      double b = eta[0][0];
      if (b <= 0) {
        g[0][0] = Double.NaN;
        return Double.NaN;
      }
      g[0][0] = 1 - 1 / (b * b);
      h[0] = 2 / (b * b * b);
      return b + 1 / b;
    };
    FitResult fit = Fitter.of(Predictor.intercept("b", 1)).quiet().start(new double[] {3})
        .newton(f);
    assertTrue(fit.converged(), fit::toString);
    assertEquals(1.0, fit.coefficients("b")[0], 1e-10);
  }

  @Test
  void rejectsVectorPredictors() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Fitter.of(Predictor.intercept("logits", 3).withWidth(3)).quiet()
            .newton((eta, g, h) -> 0.0));
    assertTrue(e.getMessage().contains("'logits' has width 3"), e.getMessage());
  }

  @Test
  void lbfgsHasNoStandardErrors() {
    FitResult fit = Fitter.of(Predictor.intercept("b", 1)).quiet()
        .lbfgs((eta, g) -> {
          g[0][0] = eta[0][0] - 2;
          return 0.5 * (eta[0][0] - 2) * (eta[0][0] - 2);
        });
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> fit.standardErrors("b"));
    assertTrue(e.getMessage().contains("Fitter.covariance"), e.getMessage());
  }

  /** Fits with both methods; coefficients agree to 1e-8 relative to the largest one. */
  private static FitResult assertAgree(Fitter fitter, ColumnCurvature loss, int rows,
      int predictors) {
    FitResult newton = fitter.quiet().tolerance(1e-14).newton(loss);
    FitResult lbfgs = fitter.quiet().tolerance(1e-12)
        .lbfgs(Losses.withoutHessian(loss, rows, predictors));
    assertTrue(newton.converged(), newton::toString);
    assertTrue(lbfgs.converged(), lbfgs::toString);
    for (int k = 0; k < predictors; k++) {
      assertRelative(newton.coefficients(k), lbfgs.coefficients(k), 1e-8);
    }
    assertEquals(newton.loss(), lbfgs.loss(), 1e-12 * Math.abs(newton.loss()));
    return newton;
  }

  static void assertRelative(double[] expected, double[] actual, double tolerance) {
    double scale = 0;
    for (double v : expected) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], tolerance * scale, "coefficient " + i);
    }
  }

  private static double round(double value, int significant) {
    return Double.parseDouble(String.format(java.util.Locale.ROOT, "%." + (significant - 1) + "e",
        value));
  }

  private static int poissonSample(Random random, double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }

  /** Gaussian noise with its projection on X's columns removed (Gram-Schmidt, twice). */
  private static double[] orthogonalNoise(double[][] x, Random random) {
    int n = x.length;
    int p = x[0].length;
    double[][] q = new double[p][n];
    for (int j = 0; j < p; j++) {
      for (int i = 0; i < n; i++) {
        q[j][i] = x[i][j];
      }
      for (int pass = 0; pass < 2; pass++) {
        for (int k = 0; k < j; k++) {
          project(q[j], q[k]);
        }
      }
      normalise(q[j]);
    }
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = random.nextGaussian();
    }
    for (int pass = 0; pass < 2; pass++) {
      for (int k = 0; k < p; k++) {
        project(r, q[k]);
      }
    }
    return r;
  }

  private static void project(double[] v, double[] unit) {
    double dot = Vectors.dot(v, unit);
    for (int i = 0; i < v.length; i++) {
      v[i] -= dot * unit[i];
    }
  }

  private static void normalise(double[] v) {
    double norm = Math.sqrt(Vectors.dot(v, v));
    for (int i = 0; i < v.length; i++) {
      v[i] /= norm;
    }
  }
}
