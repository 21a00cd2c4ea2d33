package dev.likelihood.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.likelihood.runtime.ReferenceTable.Row;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@link UncertainSigmoid} against the mpmath values in {@code
 * reference/bessel_ubce_primitives.csv} (each integral computed three ways by {@code
 * tools/reference/bessel_ubce_primitives.py}).
 *
 * <p>The error of a row is relative, {@code |got - exact| / max(|exact|, MIN_NORMAL)}, for all
 * three functions, the u-derivative included: it is 0 at eta = 0 for every u, but it is computed
 * from positive integrands near there, so it keeps its relative accuracy as it vanishes (the
 * rows at eta = +-1e-12 and +-1e-8 check this). Each function has its own bound, set a little
 * above what it achieves. SPEC's bound (1e-12 relative, or 1e-14 max(1, |eta|, |u|) absolute)
 * is asserted on every row as well.
 */
class UncertainSigmoidTest {

  private static final Map<String, DoubleBinaryOperator> FUNCTIONS = new LinkedHashMap<>();
  private static final Map<String, Double> TOLERANCE = new LinkedHashMap<>();

  static {
    function("logMeanSigmoid", UncertainSigmoid::logMeanSigmoid, 1e-15);
    function("dLogMeanSigmoidDEta", UncertainSigmoid::dLogMeanSigmoidDEta, 4e-15);
    function("dLogMeanSigmoidDU", UncertainSigmoid::dLogMeanSigmoidDU, 3e-15);
  }

  private static void function(String name, DoubleBinaryOperator f, double tolerance) {
    FUNCTIONS.put(name, f);
    TOLERANCE.put(name, tolerance);
  }

  private static final List<Row> ROWS =
      BesselMathTest.ROWS.stream().filter(r -> FUNCTIONS.containsKey(r.function())).toList();

  static Stream<String> functions() {
    return FUNCTIONS.keySet().stream();
  }

  private static double call(Row row) {
    return FUNCTIONS.get(row.function()).applyAsDouble(row.args()[0], row.args()[1]);
  }

  private static double scale(Row row) {
    return Math.max(1, Math.max(Math.abs(row.args()[0]), Math.abs(row.args()[1])));
  }

  /** The absolute error over S; infinite where an infinity or NaN is not matched exactly. */
  private static double scaledAbsoluteError(Row row, double got) {
    if (got == row.expected()) {
      return 0;
    }
    if (Double.isNaN(got) || Double.isInfinite(got) || Double.isInfinite(row.expected())) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.abs(got - row.expected()) / scale(row);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void matchesMpmathReference(String function) {
    ReferenceTable.assertMatches(
        function, ROWS, UncertainSigmoidTest::call, row -> TOLERANCE.get(function));
  }

  @Test
  void everyReferenceRowNamesAKnownFunction() {
    TreeSet<String> unknown = new TreeSet<>();
    BesselMathTest.ROWS.forEach(r -> {
      if (!FUNCTIONS.containsKey(r.function()) && !BesselMathTest.isBesselFunction(r.function())) {
        unknown.add(r.function());
      }
    });
    assertTrue(unknown.isEmpty(), "rows for untested functions: " + unknown);
  }

  @Test
  void neverNaNWhereTheExactValueIsANumber() {
    ReferenceTable.assertNeverNaN(ROWS, UncertainSigmoidTest::call);
  }

  /**
   * Prints the worst relative error per function, and the worst absolute error over S = max(1,
   * |eta|, |u|): the numbers quoted in UncertainSigmoid's Javadoc. Asserts SPEC's bound on every
   * row.
   */
  @Test
  void reportWorstErrorPerFunction() {
    StringBuilder report =
        new StringBuilder("UncertainSigmoid: worst error vs mpmath per function:\n");
    for (String function : FUNCTIONS.keySet()) {
      Row worst = null;
      double worstError = -1;
      Row worstAbs = null;
      double worstAbsError = -1;
      int count = 0;
      for (Row row : ROWS) {
        if (!row.function().equals(function)) {
          continue;
        }
        count++;
        double got = call(row);
        double error = ReferenceTable.error(got, row.expected());
        double absolute = scaledAbsoluteError(row, got);
        assertTrue(
            error <= 1e-12 || absolute <= 1e-14,
            function + " exceeds SPEC's bound at " + row + ": got " + got);
        if (error > worstError) {
          worstError = error;
          worst = row;
        }
        if (absolute > worstAbsError) {
          worstAbsError = absolute;
          worstAbs = row;
        }
      }
      report.append(
          String.format(
              Locale.ROOT,
              "  %-20s %5d rows  worst relative %.3g (%.1f x 2^-53) at %s;"
                  + " worst |error| / S %.3g at %s%n",
              function, count, worstError, worstError / 0x1p-53, worst, worstAbsError, worstAbs));
    }
    System.out.print(report);
  }

  @Test
  void hardCornersOfTheBrief() {
    // eta = -800, small u: the mean is e^-800 (below the double range), log M = eta + u^2/2
    assertEquals(-800.0, UncertainSigmoid.logMeanSigmoid(-800, 1e-8));
    assertEquals(1.0, UncertainSigmoid.dLogMeanSigmoidDEta(-800, 1e-8));
    assertEquals(1e-8, UncertainSigmoid.dLogMeanSigmoidDU(-800, 1e-8), 1e-23);
    assertEquals(-799.875, UncertainSigmoid.logMeanSigmoid(-800, 0.5), 1e-15 * 800);
    // eta = +800: log M = -M(-800) underflows to -0, the derivatives to 0
    assertEquals(0.0, UncertainSigmoid.logMeanSigmoid(800, 1e-8), 0.0);
    assertEquals(0.0, UncertainSigmoid.dLogMeanSigmoidDEta(800, 1e-8), 0.0);
    // eta = -30, u = 20: the mass sits at the kink, far from z = 0 (mpmath, 30 digits)
    assertEquals(-2.6940823276967447, UncertainSigmoid.logMeanSigmoid(-30, 20), 3e-15 * 2.7);
    assertEquals(0.09627711715004633, UncertainSigmoid.dLogMeanSigmoidDEta(-30, 20), 5e-15 * 0.1);
    assertEquals(0.14323906832005812, UncertainSigmoid.dLogMeanSigmoidDU(-30, 20), 5e-15 * 0.15);
    // eta = 0: the mean is 1/2 for every u, the u-derivative 0
    for (double u : new double[] {1e-8, 0.3, 0.5, 0.7, 3, 1e4, 1e300}) {
      assertEquals(-Math.log(2), UncertainSigmoid.logMeanSigmoid(0, u), 4e-16, "u = " + u);
      assertEquals(0.0, UncertainSigmoid.dLogMeanSigmoidDU(0, u), 0.0, "u = " + u);
    }
  }

  @Test
  void reducesToTheBernoulliLikelihoodAsUVanishes() {
    for (double eta : new double[] {-800, -40, -5, -0.5, 0, 0.3, 4, 37, 800}) {
      for (double u : new double[] {0, 1e-300, 1e-20}) {
        double logSigmoid = StableMath.logSigmoid(eta);
        assertEquals(logSigmoid, UncertainSigmoid.logMeanSigmoid(eta, u),
            4e-16 * Math.abs(logSigmoid), "eta " + eta + ", u " + u);
        double sigmoid = StableMath.sigmoid(-eta);
        assertEquals(sigmoid, UncertainSigmoid.dLogMeanSigmoidDEta(eta, u), 4e-16 * sigmoid,
            "eta " + eta + ", u " + u);
        assertEquals(0.0, UncertainSigmoid.dLogMeanSigmoidDU(eta, u), 1e-19,
            "eta " + eta + ", u " + u);
      }
    }
  }

  @Test
  void theTwoLabelsHaveProbabilitiesSummingToOne() {
    // P(y = 1) = M(eta, u), P(y = 0) = M(-eta, u); computed from the same mirror image.
    for (double eta : new double[] {-20, -3, -0.7, 0.2, 1, 6}) {
      for (double u : new double[] {1e-3, 0.4, 0.6, 2.5, 30, 1e4}) {
        double sum =
            Math.exp(UncertainSigmoid.logMeanSigmoid(eta, u))
                + Math.exp(UncertainSigmoid.logMeanSigmoid(-eta, u));
        assertEquals(1.0, sum, 1e-15, "eta " + eta + ", u " + u);
      }
    }
  }

  @Test
  void symmetryInU() {
    for (double eta : new double[] {-5, 0.5, 30}) {
      for (double u : new double[] {0.2, 3}) {
        assertEquals(UncertainSigmoid.logMeanSigmoid(eta, u),
            UncertainSigmoid.logMeanSigmoid(eta, -u));
        assertEquals(UncertainSigmoid.dLogMeanSigmoidDEta(eta, u),
            UncertainSigmoid.dLogMeanSigmoidDEta(eta, -u));
        assertEquals(-UncertainSigmoid.dLogMeanSigmoidDU(eta, u),
            UncertainSigmoid.dLogMeanSigmoidDU(eta, -u));
      }
    }
  }

  @Test
  void limitsAndNaN() {
    double inf = Double.POSITIVE_INFINITY;
    assertEquals(-inf, UncertainSigmoid.logMeanSigmoid(-inf, 2));
    assertEquals(0.0, UncertainSigmoid.logMeanSigmoid(inf, 2), 0.0);
    assertEquals(1.0, UncertainSigmoid.dLogMeanSigmoidDEta(-inf, 2));
    assertEquals(0.0, UncertainSigmoid.dLogMeanSigmoidDEta(inf, 2));
    assertEquals(-Math.log(2), UncertainSigmoid.logMeanSigmoid(3, inf));
    assertEquals(0.0, UncertainSigmoid.dLogMeanSigmoidDEta(3, inf));
    assertEquals(0.0, UncertainSigmoid.dLogMeanSigmoidDU(3, inf));
    assertTrue(Double.isNaN(UncertainSigmoid.logMeanSigmoid(Double.NaN, 1)));
    assertTrue(Double.isNaN(UncertainSigmoid.logMeanSigmoid(1, Double.NaN)));
    assertTrue(Double.isNaN(UncertainSigmoid.dLogMeanSigmoidDEta(Double.NaN, 1)));
    assertTrue(Double.isNaN(UncertainSigmoid.dLogMeanSigmoidDU(1, Double.NaN)));
  }

  @Test
  @Timeout(30)
  void extremeArgumentsGiveNumbersInRange() {
    double max = Double.MAX_VALUE;
    double tiny = Double.MIN_VALUE;
    double[] etas = {-max, -1e300, -1e10, -800, -745, -40, -1, -1e-8, -tiny, 0, tiny, 1e-8, 1, 40,
        745, 800, 1e10, 1e300, max};
    double[] us = {tiny, 1e-300, 1e-20, 1e-8, 0.5, Math.nextUp(0.5), 4, Math.nextUp(4.0), 10, 1e4,
        1e10, 1e300, max};
    for (double eta : etas) {
      for (double u : us) {
        String at = "eta " + eta + ", u " + u;
        double log = UncertainSigmoid.logMeanSigmoid(eta, u);
        double dEta = UncertainSigmoid.dLogMeanSigmoidDEta(eta, u);
        double dU = UncertainSigmoid.dLogMeanSigmoidDU(eta, u);
        assertTrue(log <= 0 && log > Double.NEGATIVE_INFINITY || eta == -max && log < -1e307, at);
        assertTrue(dEta >= 0 && dEta <= 1, at + ": d/d eta " + dEta);
        assertTrue(eta <= 0 ? dU >= 0 : dU <= 0, at + ": d/du " + dU);
        assertTrue(Double.isFinite(dU), at + ": d/du " + dU);
      }
    }
  }

  @Test
  void derivativesMatchDifferenceQuotients() {
    // Guards the pairing of the value with its derivatives (not their accuracy), in every
    // regime: Gauss-Hermite, the kink integrals, the Gauss kink rule and the series.
    double[] etas = {-40, -6, -1.3, -0.2, 0.15, 0.9, 4, 25};
    double[] us = {0.05, 0.45, 0.55, 1.2, 3.5, 4.5, 12, 60};
    for (double eta : etas) {
      for (double u : us) {
        double h = 1e-5 * Math.max(1, Math.abs(eta));
        double dEta =
            (UncertainSigmoid.logMeanSigmoid(eta + h, u) - UncertainSigmoid.logMeanSigmoid(eta - h, u))
                / (2 * h);
        double k = 1e-5 * u;
        double dU =
            (UncertainSigmoid.logMeanSigmoid(eta, u + k) - UncertainSigmoid.logMeanSigmoid(eta, u - k))
                / (2 * k);
        double scale = Math.max(1, Math.abs(UncertainSigmoid.logMeanSigmoid(eta, u)));
        assertEquals(dEta, UncertainSigmoid.dLogMeanSigmoidDEta(eta, u), 1e-7 * scale,
            "d/d eta at eta " + eta + ", u " + u);
        assertEquals(dU, UncertainSigmoid.dLogMeanSigmoidDU(eta, u), 1e-7 * scale / Math.min(1, u),
            "d/du at eta " + eta + ", u " + u);
      }
    }
  }

  /** Points in every regime: Gauss-Hermite (straddling the kink or not), series, kink rules. */
  private static final double[] ORDER_ETAS = {
    -800, -40, -6, -1.3, -0.2, -1e-8, 0.15, 0.9, 4, 25, 641,
  };
  private static final double[] ORDER_US = {
    1e-160, 0.05, 0.45, 0.55, 1.2, 3.5, 4.5, 12, 60, 1e4, -0.7,
  };

  private static final DoubleBinaryOperator[] THREE = {
    UncertainSigmoid::logMeanSigmoid,
    UncertainSigmoid::dLogMeanSigmoidDEta,
    UncertainSigmoid::dLogMeanSigmoidDU,
  };

  /**
   * Function f alone at (eta, u): after a call at other arguments, so that nothing this thread
   * computed before at (eta, u) can be reused.
   */
  private static long alone(int f, double eta, double u) {
    UncertainSigmoid.logMeanSigmoid(eta + 1, 2 * u + 1);
    return Double.doubleToRawLongBits(THREE[f].applyAsDouble(eta, u));
  }

  /** The bits of the three functions at (eta, u), called in the given order. */
  private static long[] inOrder(double eta, double u, int... order) {
    long[] bits = new long[3];
    for (int f : order) {
      bits[f] = Double.doubleToRawLongBits(THREE[f].applyAsDouble(eta, u));
    }
    return bits;
  }

  @Test
  void theThreeFunctionsGiveTheSameBitsInAnyOrderOfCalls() {
    // They share one evaluation per thread (the last arguments'): which of them is called first,
    // and whether the others were, must not change a bit of any result; nor may calls at the
    // mirror image -eta (the same evaluation) or at other arguments in between.
    int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    for (double eta : ORDER_ETAS) {
      for (double u : ORDER_US) {
        String at = "eta " + eta + ", u " + u;
        long[] alone = {alone(0, eta, u), alone(1, eta, u), alone(2, eta, u)};
        for (int[] order : orders) {
          UncertainSigmoid.logMeanSigmoid(eta - 1, u); // other arguments first
          long[] got = inOrder(eta, u, order);
          for (int f = 0; f < 3; f++) {
            assertEquals(
                alone[f], got[f], at + ", function " + f + ", order " + Arrays.toString(order));
          }
        }
        // interleaved with the mirror image and with other arguments
        UncertainSigmoid.dLogMeanSigmoidDU(eta, u);
        UncertainSigmoid.logMeanSigmoid(-eta, u);
        long logMean = Double.doubleToRawLongBits(UncertainSigmoid.logMeanSigmoid(eta, u));
        UncertainSigmoid.dLogMeanSigmoidDEta(eta, 3 * u);
        long dEta = Double.doubleToRawLongBits(UncertainSigmoid.dLogMeanSigmoidDEta(eta, u));
        UncertainSigmoid.dLogMeanSigmoidDU(-eta, u);
        long dU = Double.doubleToRawLongBits(UncertainSigmoid.dLogMeanSigmoidDU(eta, u));
        assertEquals(alone[0], logMean, at + ", interleaved logMeanSigmoid");
        assertEquals(alone[1], dEta, at + ", interleaved dLogMeanSigmoidDEta");
        assertEquals(alone[2], dU, at + ", interleaved dLogMeanSigmoidDU");
      }
    }
  }

  @Test
  @Timeout(60)
  void twoThreadsCallingAtOnceGetTheSameBitsAsOne() throws Exception {
    // Each thread keeps its own last evaluation: two threads alternating between arguments must
    // not see each other's.
    Map<String, long[]> expected = new LinkedHashMap<>();
    for (double eta : ORDER_ETAS) {
      for (double u : ORDER_US) {
        expected.put(
            eta + " " + u, new long[] {alone(0, eta, u), alone(1, eta, u), alone(2, eta, u)});
      }
    }
    CyclicBarrier start = new CyclicBarrier(2);
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    Thread[] threads = new Thread[2];
    for (int t = 0; t < 2; t++) {
      boolean reversed = t == 1;
      threads[t] = new Thread(() -> {
        try {
          start.await();
          for (int round = 0; round < 30; round++) {
            for (int i = 0; i < ORDER_ETAS.length; i++) {
              double eta = ORDER_ETAS[reversed ? ORDER_ETAS.length - 1 - i : i];
              for (double u : ORDER_US) {
                long[] got = reversed ? inOrder(eta, u, 2, 1, 0) : inOrder(eta, u, 0, 1, 2);
                if (!Arrays.equals(got, expected.get(eta + " " + u))) {
                  failures.add("eta " + eta + ", u " + u + (reversed ? " (reversed)" : ""));
                }
              }
            }
          }
        } catch (Exception e) {
          failures.add(e.toString());
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertTrue(
        failures.isEmpty(),
        failures.size() + " calls differ from one thread's bits, first: "
            + failures.stream().limit(5).toList());
  }

  @Test
  void allocatesNothing() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(threads.isThreadAllocatedMemorySupported());
    threads.setThreadAllocatedMemoryEnabled(true);
    double sink = 0;
    long least = Long.MAX_VALUE;
    for (int round = 0; round < 4; round++) { // the first round loads and warms up
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 2000; i++) {
        double eta = -30 + 0.03 * i;
        double u = Math.exp(-6 + 0.006 * i);
        sink += UncertainSigmoid.logMeanSigmoid(eta, u)
            + UncertainSigmoid.dLogMeanSigmoidDEta(eta, u)
            + UncertainSigmoid.dLogMeanSigmoidDU(eta, u)
            + BesselMath.logI0e(u) + BesselMath.besselRatioMinusOne(u) + BesselMath.besselRatio(u);
      }
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      if (round > 0) {
        least = Math.min(least, allocated);
      }
    }
    // One object per call would be at least 16 x 12,000 bytes; the JVM's own bookkeeping
    // (compilation, class loading) shows up as a few kilobytes at most.
    assertTrue(least < 12_000, "allocated " + least + " bytes in 12,000 calls");
    assertTrue(Double.isFinite(sink));
  }
}
