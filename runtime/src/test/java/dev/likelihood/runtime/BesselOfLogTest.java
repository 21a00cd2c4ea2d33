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
 * Checks the von Mises normaliser in the log-concentration t ({@link BesselMath#logI0eOfExp} and
 * its two derivatives) against {@code reference/bessel_of_log_primitives.csv}, written by {@code
 * tools/reference/bessel_of_log_primitives.py}, with the error measure of {@link StableMathTest}.
 */
class BesselOfLogTest {

  private static final List<Row> ROWS =
      ReferenceTable.load("/reference/bessel_of_log_primitives.csv", "bessel_of_log_primitives.py");

  private static final Map<String, DoubleUnaryOperator> FUNCTIONS = new LinkedHashMap<>();
  private static final Map<String, Double> TOLERANCE = new LinkedHashMap<>();

  static {
    function("logI0eOfExp", BesselMath::logI0eOfExp, 5e-16);
    function("dLogI0eOfExp", BesselMath::dLogI0eOfExp, 7e-16);
    // below kappa = 25 a difference that cancels about 2 kappa times (see its Javadoc)
    function("d2LogI0eOfExp", BesselMath::d2LogI0eOfExp, 5e-13);
  }

  private static void function(String name, DoubleUnaryOperator f, double tolerance) {
    FUNCTIONS.put(name, f);
    TOLERANCE.put(name, tolerance);
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
        function, ROWS, BesselOfLogTest::call, row -> TOLERANCE.get(function));
  }

  @Test
  void neverNaNWhereTheExactValueIsANumber() {
    ReferenceTable.assertNeverNaN(ROWS, BesselOfLogTest::call);
  }

  /** Prints the worst error per function: the numbers quoted in BesselMath's Javadoc. */
  @Test
  void reportWorstErrorPerFunction() {
    System.out.print(ReferenceTable.worstErrorReport(
        "BesselMath", FUNCTIONS.keySet(), ROWS,
        row -> ReferenceTable.error(call(row), row.expected())));
  }

  @Test
  void finiteAtAConcentrationWhoseSquareOverflows() {
    // kappa = exp(690) = 1e299: kappa^2 A'(kappa) is 0 * inf in the derived form; exact 1/(8 kappa)
    double kappa = Math.exp(690);
    double value = BesselMath.d2LogI0eOfExp(690);
    assertEquals(1 / (8 * kappa), value, 1e-15 / (8 * kappa));
    // exact -1/2 - 1/(8 kappa): -0.5 to within the ulp of g's Chebyshev series
    assertEquals(-0.5, BesselMath.dLogI0eOfExp(690), 2.3e-16);
    assertEquals(-0.5, BesselMath.dLogI0eOfExp(1000), 2.3e-16);
    assertEquals(0.0, BesselMath.d2LogI0eOfExp(1000), 0.0);
    assertTrue(BesselMath.logI0eOfExp(1000) < -500, "-(log(2 pi) + t)/2 beyond exp's range");
  }
}
