package dev.likelihood.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likelihood.runtime.ReferenceTable.Row;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@link BesselMath} against the mpmath values in {@code
 * reference/bessel_ubce_primitives.csv} (written by {@code
 * tools/reference/bessel_ubce_primitives.py}) and, for the normaliser in the log-concentration
 * (logI0eOfExp and its derivatives), {@code reference/bessel_of_log_primitives.csv} (written by
 * {@code tools/reference/bessel_of_log_primitives.py}), with the error measure of {@link StableMathTest}:
 * {@code |got - exact| / max(|exact|, Double.MIN_NORMAL)}. Each function has its own bound, set
 * a little above what it achieves; the project-wide bound is 1e-12.
 */
class BesselMathTest {

  /**
   * The rows of {@code reference/bessel_ubce_primitives.csv} (shared with UncertainSigmoidTest)
   * and of {@code reference/bessel_of_log_primitives.csv}.
   */
  static final List<Row> ROWS =
      Stream.concat(
              ReferenceTable.load(
                  "/reference/bessel_ubce_primitives.csv", "bessel_ubce_primitives.py").stream(),
              ReferenceTable.load(
                  "/reference/bessel_of_log_primitives.csv", "bessel_of_log_primitives.py").stream())
          .toList();

  private static final Map<String, DoubleUnaryOperator> FUNCTIONS = new LinkedHashMap<>();
  private static final Map<String, Double> TOLERANCE = new LinkedHashMap<>();

  static {
    function("logI0e", BesselMath::logI0e, 5e-16);
    function("besselRatioMinusOne", BesselMath::besselRatioMinusOne, 7e-16);
    function("besselRatio", BesselMath::besselRatio, 8e-16);
    // 1 - A/kappa - A^2 from A - 1 cancels up to 200 times below kappa = 100 (see its Javadoc)
    function("dBesselRatio", BesselMath::dBesselRatio, 5e-14);
    function("logI0eOfExp", BesselMath::logI0eOfExp, 5e-16);
    function("dLogI0eOfExp", BesselMath::dLogI0eOfExp, 7e-16);
    // below kappa = 25 a difference that cancels about 2 kappa times (see its Javadoc)
    function("d2LogI0eOfExp", BesselMath::d2LogI0eOfExp, 5e-13);
  }

  private static void function(String name, DoubleUnaryOperator f, double tolerance) {
    FUNCTIONS.put(name, f);
    TOLERANCE.put(name, tolerance);
  }

  static boolean isBesselFunction(String name) {
    return FUNCTIONS.containsKey(name);
  }

  static Stream<String> functions() {
    return FUNCTIONS.keySet().stream();
  }

  private static double call(Row row) {
    return FUNCTIONS.get(row.function()).applyAsDouble(row.x());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void matchesMpmathReference(String function) {
    ReferenceTable.assertMatches(
        function, ROWS, BesselMathTest::call, row -> TOLERANCE.get(function));
  }

  @Test
  void neverNaNWhereTheExactValueIsANumber() {
    ReferenceTable.assertNeverNaN(
        ROWS.stream().filter(r -> FUNCTIONS.containsKey(r.function())).toList(),
        BesselMathTest::call);
  }

  /** Prints the worst error per function: the numbers quoted in BesselMath's Javadoc. */
  @Test
  void reportWorstErrorPerFunction() {
    System.out.print(ReferenceTable.worstErrorReport(
        "BesselMath", FUNCTIONS.keySet(), ROWS,
        row -> ReferenceTable.error(call(row), row.expected())));
  }

  @Test
  void examples() {
    assertEquals(0.0, BesselMath.logI0e(0), 0.0);
    assertEquals(-1e-300, BesselMath.logI0e(1e-300));
    assertEquals(-9.999999975e-9, BesselMath.logI0e(1e-8), 2e-24); // -kappa + kappa^2/4
    assertEquals(0.0, BesselMath.besselRatio(0), 0.0);
    assertEquals(5e-301, BesselMath.besselRatio(1e-300));
    assertEquals(-1.0, BesselMath.besselRatioMinusOne(0));
    assertEquals(-1.0, BesselMath.besselRatioMinusOne(1e-300));
    // -1/(2 kappa) - 1/(8 kappa^2): no subtraction from 1, so all digits survive
    assertEquals(-5e-301, BesselMath.besselRatioMinusOne(1e300), 5e-301 * 4e-16);
    assertEquals(-5.000000000000001e-17, BesselMath.besselRatioMinusOne(1e16), 1e-31);
    assertEquals(1.0, BesselMath.besselRatio(1e300));
    // -log(2 pi kappa)/2 at 1e300
    double logAt1e300 = -0.5 * (Math.log(2 * Math.PI) + 300 * Math.log(10));
    assertEquals(logAt1e300, BesselMath.logI0e(1e300), 1e-15 * Math.abs(logAt1e300));
  }

  @Test
  void logConcentrationDerivativesAreFiniteWhereKappaSquaredOverflows() {
    // kappa = exp(690) = 1e299: kappa^2 A'(kappa) was 0 * inf in the derived form; exact 1/(8 kappa)
    double kappa = Math.exp(690);
    assertEquals(1 / (8 * kappa), BesselMath.d2LogI0eOfExp(690), 1e-15 / (8 * kappa));
    // exact -1/2 - 1/(8 kappa): -0.5 to within the ulp of g's Chebyshev series
    assertEquals(-0.5, BesselMath.dLogI0eOfExp(690), 2.3e-16);
    assertEquals(-0.5, BesselMath.dLogI0eOfExp(1000), 2.3e-16);
    assertEquals(0.0, BesselMath.d2LogI0eOfExp(1000), 0.0);
    // beyond exp's range: -(log(2 pi) + t)/2
    assertEquals(-0.5 * (Math.log(2 * Math.PI) + 1000), BesselMath.logI0eOfExp(1000), 1e-13);
  }

  @Test
  void limitsAndDomain() {
    double inf = Double.POSITIVE_INFINITY;
    assertEquals(-inf, BesselMath.logI0e(inf));
    assertEquals(1.0, BesselMath.besselRatio(inf));
    assertEquals(0.0, BesselMath.besselRatioMinusOne(inf), 0.0);
    for (double bad : new double[] {-1e-300, -1, -inf, Double.NaN}) {
      assertTrue(Double.isNaN(BesselMath.logI0e(bad)), "logI0e(" + bad + ")");
      assertTrue(Double.isNaN(BesselMath.besselRatio(bad)), "besselRatio(" + bad + ")");
      assertTrue(Double.isNaN(BesselMath.besselRatioMinusOne(bad)), "ratioMinusOne(" + bad + ")");
    }
    assertEquals(0.0, BesselMath.logI0e(-0.0), 0.0);
  }

  @Test
  void ratioMinusOneIsTheDerivativeOfLogI0e() {
    // Guards the pairing (not the accuracy): central differences across the three ranges.
    for (double kappa : new double[] {0.01, 0.5, 1.9, 2.1, 5, 7.9, 8.1, 30, 1e3, 1e6}) {
      double h = 1e-5 * kappa;
      double quotient = (BesselMath.logI0e(kappa + h) - BesselMath.logI0e(kappa - h)) / (2 * h);
      double derivative = BesselMath.besselRatioMinusOne(kappa);
      assertEquals(derivative, quotient, 1e-7 * Math.abs(derivative) + 1e-10, "kappa = " + kappa);
    }
  }

  @Test
  void ratioAndRatioMinusOneAgree() {
    for (double kappa = 0.01; kappa < 1e4; kappa *= 1.37) {
      assertEquals(
          BesselMath.besselRatio(kappa) - 1,
          BesselMath.besselRatioMinusOne(kappa),
          1e-15,
          "kappa = " + kappa);
    }
  }

  @Test
  void matchesTheDirectPowerSeries() {
    // An independent check of logI0e on a grid (no Chebyshev tables): I0(kappa) e^-kappa summed
    // term by term, sum_j (kappa^2/4)^j / j!^2 e^-kappa, all terms positive.
    for (double kappa = 0.125; kappa <= 30; kappa += 0.125) {
      double q = 0.25 * kappa * kappa;
      double term = Math.exp(-kappa);
      double sum = term;
      for (int j = 1; j < 200; j++) {
        term *= q / ((double) j * j);
        sum += term;
      }
      double expected = Math.log(sum);
      assertEquals(expected, BesselMath.logI0e(kappa), 4e-15 * Math.abs(expected), "kappa = " + kappa);
    }
  }
}
