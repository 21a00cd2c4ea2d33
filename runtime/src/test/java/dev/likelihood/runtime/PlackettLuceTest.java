package dev.likelihood.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PlackettLuce against mpmath (tools/reference/vector_kernel_primitives.py): K = 1 to 1,000, score
 * gaps of 1e3, equal scores, -Infinity unranked scores, -1 padded rankings; then the contract
 * around the numbers (bit-identical NLLs, factor, offsets, validation messages, no allocation).
 * {@link VectorTable}, the reader of that CSV, is shared with CholeskyNormalTest.
 */
class PlackettLuceTest {

  private static final List<VectorTable.Row> ROWS = VectorTable.load("plackettLuce");

  /** Offsets and sentinels: each call works inside a larger array, as batch code passes rows. */
  private static final int SCORES_FROM = 3;
  private static final int RANKING_FROM = 2;
  private static final int GRAD_FROM = 5;
  private static final double SENTINEL = -12345.5;

  /** The outcome of one call: the NLL and the gradient window, from padded arrays. */
  private record Result(double nll, double nllOnly, double[] grad) {}

  private static Result call(VectorTable.Row row, double factor) {
    double[] scores = row.x(0);
    int[] ranking = row.ranking();
    int items = scores.length;
    double[] paddedScores = new double[SCORES_FROM + items + 4];
    Arrays.fill(paddedScores, Double.NaN); // a read outside the window would poison the result
    System.arraycopy(scores, 0, paddedScores, SCORES_FROM, items);
    int[] paddedRanking = new int[RANKING_FROM + ranking.length + 3];
    Arrays.fill(paddedRanking, 999_999); // invalid: a read outside the window would throw
    System.arraycopy(ranking, 0, paddedRanking, RANKING_FROM, ranking.length);
    double[] grad = new double[GRAD_FROM + items + 4];
    Arrays.fill(grad, SENTINEL);
    double nll =
        PlackettLuce.nllAndGradient(
            paddedScores, SCORES_FROM, items, paddedRanking, RANKING_FROM, ranking.length,
            grad, GRAD_FROM, factor, "ranking", 7);
    double nllOnly =
        PlackettLuce.nll(
            paddedScores, SCORES_FROM, items, paddedRanking, RANKING_FROM, ranking.length,
            "ranking", 7);
    for (int k = 0; k < grad.length; k++) {
      if (k < GRAD_FROM || k >= GRAD_FROM + items) {
        assertEquals(SENTINEL, grad[k], row + ": wrote outside the gradient window at " + k);
      }
    }
    return new Result(nll, nllOnly, Arrays.copyOfRange(grad, GRAD_FROM, GRAD_FROM + items));
  }

  /** SPEC's scale: max(1, |s_k|) over the finite scores. */
  private static double scale(VectorTable.Row row) {
    double s = 1;
    for (double v : row.x(0)) {
      if (Double.isFinite(v)) {
        s = Math.max(s, Math.abs(v));
      }
    }
    return s;
  }

  @Test
  void everyValueWithinSpecAndNllBitIdentical() {
    assertTrue(ROWS.size() > 100, "rows " + ROWS.size());
    VectorTable.Errors errors = new VectorTable.Errors("PlackettLuce");
    boolean sawThousand = false;
    for (VectorTable.Row row : ROWS) {
      Result result = call(row, 1.0);
      double s = scale(row);
      assertEquals(
          Double.doubleToRawLongBits(result.nll()), Double.doubleToRawLongBits(result.nllOnly()),
          row + ": nll differs from nllAndGradient");
      errors.check(row, "nll", result.nll(), row.nll(), s);
      double[] expected = row.grad(0);
      assertEquals(expected.length, result.grad().length);
      for (int k = 0; k < expected.length; k++) {
        errors.check(row, "grad[" + k + "]", result.grad()[k], expected[k], s);
      }
      sawThousand |= row.x(0).length == 1000;
    }
    assertTrue(sawThousand, "no K = 1000 rows");
    errors.assertWithinSpec();
  }

  @Test
  void factorScalesTheGradientOnly() {
    for (VectorTable.Row row : ROWS) {
      if (row.x(0).length > 10) {
        continue;
      }
      Result one = call(row, 1.0);
      for (double factor : new double[] {2.5, -0.75, 1e-3}) {
        Result scaled = call(row, factor);
        assertEquals(one.nll(), scaled.nll(), row + ": the NLL must not be multiplied by factor");
        for (int k = 0; k < one.grad().length; k++) {
          // Delta 0: equal values, where +0.0 and -0.0 count as equal (an exact zero stays +0.0).
          assertEquals(factor * one.grad()[k], scaled.grad()[k], 0.0, row + ": grad[" + k + "]");
        }
      }
    }
  }

  @Test
  void negativeInfinityUnrankedScoresGiveExactlyZeroGradient() {
    double inf = Double.NEGATIVE_INFINITY;
    double[] scores = {0.3, inf, -1.0, inf, 2.0, inf};
    int[] ranking = {4, 0, -1, -1};
    for (double factor : new double[] {1.0, -3.0}) {
      double[] grad = new double[6];
      double nll =
          PlackettLuce.nllAndGradient(
              scores, 0, 6, ranking, 0, 4, grad, 0, factor, "ranking", Checks.NO_ROW);
      assertTrue(Double.isFinite(nll));
      for (int k : new int[] {1, 3, 5}) {
        assertEquals(0L, Double.doubleToRawLongBits(grad[k]), "grad[" + k + "] = " + grad[k]);
      }
      for (int k : new int[] {0, 2, 4}) {
        assertTrue(Double.isFinite(grad[k]) && grad[k] != 0, "grad[" + k + "] = " + grad[k]);
      }
    }
    // Every item but the ranked one at -Infinity: the ranked item is certain, NLL exactly 0.
    double[] grad = new double[3];
    assertEquals(
        0.0,
        PlackettLuce.nllAndGradient(
            new double[] {inf, 1.5, inf}, 0, 3, new int[] {1}, 0, 1, grad, 0, 1, "r", 0));
    assertArrayEquals(new double[] {0.0, 0.0, 0.0}, grad);
  }

  @Test
  void emptyRankingGivesZero() {
    double[] grad = {9, 9, 9};
    assertEquals(
        0.0,
        PlackettLuce.nllAndGradient(
            new double[] {1, 2, 3}, 0, 3, new int[] {-1, -1}, 0, 2, grad, 0, 2.0, "r", 0));
    assertArrayEquals(new double[] {0, 0, 0}, grad);
    assertEquals(0.0, PlackettLuce.nll(new double[] {1, 2, 3}, 0, 3, new int[0], 0, 0, "r", 0));
  }

  @Test
  void nanScorePropagates() {
    double[] grad = new double[3];
    double[] scores = {0.5, Double.NaN, -0.5};
    assertTrue(Double.isNaN(PlackettLuce.nll(scores, 0, 3, new int[] {0, 2}, 0, 2, "r", 0)));
    assertTrue(
        Double.isNaN(
            PlackettLuce.nllAndGradient(
                scores, 0, 3, new int[] {1, 2}, 0, 2, grad, 0, 1.0, "r", 0)));
    assertTrue(Double.isNaN(grad[0]) && Double.isNaN(grad[2]));
  }

  @Test
  void invalidRankingsNameComponentRowAndValue() {
    double[] scores = {0.1, 0.2, 0.3, 0.4, 0.5};
    assertEquals(
        "'ranking' at row 3 = 7 is outside the support: expected distinct item indices in [0, 5),"
            + " -1 padded",
        invalid(scores, new int[] {0, 7, 1}, 3));
    assertEquals(
        "'ranking' = -2 is outside the support: expected distinct item indices in [0, 5), -1"
            + " padded",
        invalid(scores, new int[] {-2}, Checks.NO_ROW));
    assertEquals(
        "'ranking' at row 0 = 2 is outside the support: expected distinct item indices in [0, 5),"
            + " -1 padded; item 2 is ranked twice (again at slot 3)",
        invalid(scores, new int[] {2, 0, 4, 2}, 0));
    assertEquals(
        "'ranking' at row 12 = 3 is outside the support: expected distinct item indices in [0,"
            + " 5), -1 padded; it follows the -1 padding that starts at slot 1",
        invalid(scores, new int[] {4, -1, -1, 3}, 12));
    assertEquals(
        "'ranking' at row 4 has 6 ranking slots but there are 5 items: expected between 0 and 5"
            + " slots",
        invalid(scores, new int[] {0, 1, 2, 3, 4, -1}, 4));
    // The gradient entry point validates the same way.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PlackettLuce.nllAndGradient(
                    scores, 0, 5, new int[] {5}, 0, 1, new double[5], 0, 1.0, "order", 9));
    assertEquals(
        "'order' at row 9 = 5 is outside the support: expected distinct item indices in [0, 5),"
            + " -1 padded",
        e.getMessage());
  }

  private static String invalid(double[] scores, int[] ranking, int row) {
    return assertThrows(
            IllegalArgumentException.class,
            () ->
                PlackettLuce.nll(
                    scores, 0, scores.length, ranking, 0, ranking.length, "ranking", row))
        .getMessage();
  }

  @Test
  void stampsSurviveTheGenerationCounterWrapping() throws ReflectiveOperationException {
    double[] scores = {0.3, -0.2, 1.1, 0.0};
    int[] ranking = {2, 0, 3};
    double expected = PlackettLuce.nll(scores, 0, 4, ranking, 0, 3, "r", 0);
    Scratch scratch = Scratch.get(0, 0, 4);
    Field generation = Scratch.class.getDeclaredField("generation");
    generation.setAccessible(true);
    generation.setInt(scratch, Integer.MAX_VALUE - 1);
    // Marks left from long ago that equal the generations after the wrap: they must be cleared.
    Arrays.fill(scratch.stamps, 1);
    for (int call = 0; call < 4; call++) {
      assertEquals(expected, PlackettLuce.nll(scores, 0, 4, ranking, 0, 3, "r", 0), "call " + call);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> PlackettLuce.nll(scores, 0, 4, new int[] {1, 1}, 0, 2, "r", 0));
  }

  @Test
  void steadyStateCallsDoNotAllocate() {
    VectorTable.Row row =
        ROWS.stream().filter(r -> r.x(0).length == 1000).findFirst().orElseThrow();
    double[] scores = row.x(0);
    int[] ranking = row.ranking();
    double[] grad = new double[scores.length];
    for (int i = 0; i < 2000; i++) { // grow the scratch and let the JIT settle
      PlackettLuce.nllAndGradient(
          scores, 0, scores.length, ranking, 0, ranking.length, grad, 0, 1.0, "r", 0);
    }
    long allocated =
        VectorTable.allocatedBytes(
            () -> {
              for (int i = 0; i < 200; i++) {
                PlackettLuce.nllAndGradient(
                    scores, 0, scores.length, ranking, 0, ranking.length, grad, 0, 1.0, "r", 0);
                PlackettLuce.nll(scores, 0, scores.length, ranking, 0, ranking.length, "r", 0);
              }
            });
    assertTrue(allocated < 1024, "400 calls allocated " + allocated + " bytes");
  }

  // -------------------------------------------------------------------------------------------

  /**
   * The vector reference CSV ({@code kernel,case,tag,ranking,x1,x2,x3,nll,grad1,grad2}, vectors
   * space-separated in a cell) and SPEC's error check: a value passes when it is within 1e-12
   * relative of the exact one or within 1e-14 S absolute; an infinite exact value must be matched
   * exactly and NaN never passes.
   */
  static final class VectorTable {

    private static final String RESOURCE = "/reference/vector_kernel_primitives.csv";

    record Row(
        int line, String kernel, String name, String tag, int[] ranking, double[][] xs,
        double nll, double[][] grads) {
      double[] x(int i) {
        return xs[i];
      }

      double[] grad(int i) {
        return grads[i];
      }

      @Override
      public String toString() {
        return kernel + " " + name + " (line " + line + ")";
      }
    }

    private VectorTable() {}

    static List<Row> load(String kernel) {
      try (InputStream in = VectorTable.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              RESOURCE + " is missing: run tools/reference/vector_kernel_primitives.py");
        }
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        assertEquals("kernel,case,tag,ranking,x1,x2,x3,nll,grad1,grad2", reader.readLine());
        List<Row> rows = new ArrayList<>();
        int line = 1;
        for (String text; (text = reader.readLine()) != null; ) {
          line++;
          String[] c = text.split(",", -1);
          assertEquals(10, c.length, "line " + line);
          if (!c[0].equals(kernel)) {
            continue;
          }
          int[] ranking =
              c[3].isEmpty()
                  ? new int[0]
                  : Arrays.stream(c[3].split(" ")).mapToInt(Integer::parseInt).toArray();
          double[][] xs = {doubles(c[4]), doubles(c[5]), doubles(c[6])};
          double[][] grads = {doubles(c[8]), doubles(c[9])};
          rows.add(new Row(line, c[0], c[1], c[2], ranking, xs, Double.parseDouble(c[7]), grads));
        }
        assertFalse(rows.isEmpty(), "no rows for " + kernel);
        return rows;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static double[] doubles(String cell) {
      return cell.isEmpty()
          ? new double[0]
          : Arrays.stream(cell.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /** Bytes this thread allocates while running the task (HotSpot's thread allocation counter). */
    static long allocatedBytes(Runnable task) {
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long id = Thread.currentThread().getId();
      threads.getThreadAllocatedBytes(id); // warm the counter's own path
      long before = threads.getThreadAllocatedBytes(id);
      task.run();
      return threads.getThreadAllocatedBytes(id) - before;
    }

    /**
     * Collects SPEC failures and the worst errors per quantity ({@code nll}, {@code grad}, ...):
     * relative (|got - exact| / |exact|, in units of the smallest normal below it, as
     * ReferenceTable) and, for values that miss 1e-12 relative, absolute in units of S.
     */
    static final class Errors {
      private final String title;
      private final List<String> failures = new ArrayList<>();
      private final Map<String, Worst> worst = new LinkedHashMap<>();
      private int values;

      /** A quantity's worst relative error, and worst |error| / S where it missed 1e-12. */
      private static final class Worst {
        double relative;
        String relativeAt = "-";
        double absoluteOverS;
        String absoluteAt = "-";
      }

      Errors(String title) {
        this.title = title;
      }

      void check(Row row, String what, double got, double exact, double s) {
        values++;
        int bracket = what.indexOf('[');
        String quantity = bracket < 0 ? what : what.substring(0, bracket);
        Worst w = worst.computeIfAbsent(quantity, q -> new Worst());
        boolean pass;
        if (Double.isInfinite(exact) || Double.isNaN(got)) {
          pass = got == exact;
        } else {
          double relative = ReferenceTable.error(got, exact);
          if (relative > w.relative) {
            w.relative = relative;
            w.relativeAt = row + " " + what;
          }
          pass = relative <= 1e-12;
          if (!pass) {
            double absolute = Math.abs(got - exact) / s;
            if (absolute > w.absoluteOverS) {
              w.absoluteOverS = absolute;
              w.absoluteAt = row + " " + what;
            }
            pass = absolute <= 1e-14;
          }
        }
        if (!pass) {
          failures.add(
              String.format(
                  Locale.ROOT, "%s %s: got %s, exact %s (S = %s)", row, what, got, exact, s));
        }
      }

      void assertWithinSpec() {
        StringBuilder report = new StringBuilder(title + ": " + values + " values vs mpmath\n");
        worst.forEach(
            (quantity, w) ->
                report.append(
                    String.format(
                        Locale.ROOT,
                        "  %-9s worst relative %.3g (%.1f x 2^-53) at %s; worst |error| / S where"
                            + " relative > 1e-12: %.3g at %s%n",
                        quantity, w.relative, w.relative / 0x1p-53, w.relativeAt,
                        w.absoluteOverS, w.absoluteAt)));
        System.out.print(report);
        assertTrue(
            failures.isEmpty(),
            failures.size() + " values outside SPEC:\n"
                + String.join("\n", failures.subList(0, Math.min(25, failures.size()))));
      }
    }
  }
}
