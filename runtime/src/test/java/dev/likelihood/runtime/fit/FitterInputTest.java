package dev.likelihood.runtime.fit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FitterInputTest {

  private static final double[][] X = {{1, 0.5}, {1, 1.5}, {1, 2.5}};

  @Test
  void rejectsNoPredictors() {
    assertMessage(() -> Fitter.of(), "at least one predictor");
  }

  @Test
  void rejectsMismatchedRows() {
    assertMessage(() -> Fitter.of(Predictor.of("mu", X), Predictor.intercept("sigma", 4)),
        "predictor 'sigma' has 4 rows but 'mu' has 3");
  }

  @Test
  void rejectsOffsetsOfTheWrongLength() {
    assertMessage(() -> Fitter.of(Predictor.of("mu", X).withOffset(new double[] {1, 2})),
        "predictor 'mu': the offset has 2 entries but rows*width = 3");
    // The length is checked against the final width.
    assertMessage(() -> Fitter.of(Predictor.of("logits", X).withOffset(new double[3])
        .withWidth(2)), "predictor 'logits': the offset has 3 entries but rows*width = 6");
  }

  @Test
  void rejectsWidthBelowOne() {
    assertMessage(() -> Predictor.intercept("logits", 3).withWidth(0),
        "predictor 'logits': width = 0");
  }

  @Test
  void rejectsStartsOfTheWrongShape() {
    Fitter fitter = Fitter.of(Predictor.of("mu", X), Predictor.intercept("sigma", 3));
    assertMessage(() -> fitter.start(new double[2]), "start has 1 arrays but there are 2");
    assertMessage(() -> fitter.start(new double[2], new double[2]),
        "start for predictor 'sigma' has 2 values but it needs columns*width = 1");
    assertMessage(() -> fitter.start(new double[] {0, Double.NaN}, new double[1]),
        "start for predictor 'mu': value 1 = NaN is not finite");
  }

  @Test
  void rejectsBadDesigns() {
    assertMessage(() -> Predictor.of("mu", new double[][] {{1, 2}, {3}}),
        "predictor 'mu': row 1 has 1 columns but row 0 has 2");
    assertMessage(() -> Predictor.of("mu", new double[][] {{1, Double.POSITIVE_INFINITY}}),
        "predictor 'mu': x[0][1] = Infinity is not finite");
    assertMessage(() -> Predictor.of("mu", X, "a"), "1 column names for 2 columns");
    assertMessage(() -> Predictor.of("mu", X, "a", "a"), "column name 'a' is repeated");
    assertMessage(() -> Fitter.of(Predictor.of("mu", X), Predictor.of("mu", X)),
        "two predictors model parameter 'mu'");
    assertMessage(() -> Fitter.of(Predictor.of("mu", X)).tolerance(-1), "tolerance = -1.0");
    assertMessage(() -> Fitter.of(Predictor.of("mu", X)).maxIterations(-3),
        "maxIterations = -3");
  }

  @Test
  void namesThePredictorAndRowOfANonFiniteStartingGradient() {
    Fitter fitter = Fitter.of(Predictor.of("mu", X), Predictor.intercept("sigma", 3)).quiet();
    ColumnLoss loss = (eta, g) -> {
      g[1][2] = Double.NaN;
      return 0.0;
    };
    assertMessage(() -> fitter.lbfgs(loss), "predictor 'sigma' at row 2 = NaN");
    ColumnLoss vector = (eta, g) -> {
      g[0][3] = Double.POSITIVE_INFINITY;
      return 0.0;
    };
    assertMessage(() -> Fitter.of(Predictor.of("logits", X).withWidth(2)).quiet().lbfgs(vector),
        "predictor 'logits' at row 1, component 1 = Infinity");
    assertMessage(() -> fitter.lbfgs((eta, g) -> Double.NaN), "the loss = NaN");
  }

  @Test
  void namesUnknownParametersAndColumns() {
    FitResult fit = Fitter.of(Predictor.of("mu", X, "a", "b")).quiet()
        .newton((eta, g, h) -> {
          double sum = 0;
          for (int i = 0; i < 3; i++) {
            g[0][i] = eta[0][i] - i;
            h[i] = 1;
            sum += 0.5 * (eta[0][i] - i) * (eta[0][i] - i);
          }
          return sum;
        });
    assertMessage(() -> fit.coefficients("sigma"),
        "no predictor models parameter 'sigma'; the parameters are 'mu'");
    assertMessage(() -> fit.coefficient("mu", "c"), "predictor 'mu' has no column 'c'");
  }

  private static void assertMessage(Executable executable, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
    assertTrue(e.getMessage().contains(expected),
        "expected '" + expected + "' in: " + e.getMessage());
  }
}
