package dev.likelihood.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The reference CSVs of the primitives ({@code function,x1,x2,x3,expected}, written by the mpmath
 * generators in tools/reference) and the checks every primitives test makes of them.
 *
 * <p>The error of a row is {@code |got - exact| / max(|exact|, Double.MIN_NORMAL)}: relative
 * error, measured in units of the smallest normal where the exact value is subnormal or zero (a
 * subnormal has fewer significant bits, so only its absolute error is meaningful); infinities
 * must match exactly.
 */
final class ReferenceTable {

  /** One reference row: the function, its exact double arguments and the rounded exact value. */
  record Row(int line, String function, double[] args, double expected) {
    double x() {
      return args[0];
    }

    @Override
    public String toString() {
      return function + Arrays.toString(args) + " (line " + line + ")";
    }
  }

  private ReferenceTable() {}

  /** The rows of a resource such as {@code /reference/primitives.csv}. */
  static List<Row> load(String resource, String generator) {
    try (InputStream in = ReferenceTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing: run tools/reference/" + generator);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Row> rows = new ArrayList<>();
      assertEquals("function,x1,x2,x3,expected", reader.readLine());
      int line = 1;
      for (String text; (text = reader.readLine()) != null; ) {
        line++;
        String[] cells = text.split(",", -1);
        double[] args =
            Arrays.stream(cells, 1, 4)
                .filter(c -> !c.isEmpty())
                .mapToDouble(Double::parseDouble)
                .toArray();
        rows.add(new Row(line, cells[0], args, Double.parseDouble(cells[4])));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The error measure of the class comment. */
  static double error(double got, double expected) {
    if (got == expected) {
      return 0;
    }
    if (Double.isNaN(got) || Double.isInfinite(got) || Double.isInfinite(expected)) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.abs(got - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
  }

  /** Asserts that every row of the function is within its tolerance, listing the first failures. */
  static void assertMatches(
      String function, List<Row> all, ToDoubleFunction<Row> call, ToDoubleFunction<Row> tolerance) {
    List<Row> rows = all.stream().filter(r -> r.function().equals(function)).toList();
    assertFalse(rows.isEmpty(), "no reference rows for " + function);
    List<String> failures = new ArrayList<>();
    for (Row row : rows) {
      double got = call.applyAsDouble(row);
      double error = error(got, row.expected());
      double bound = tolerance.applyAsDouble(row);
      if (!(error <= bound)) {
        failures.add(
            String.format(
                Locale.ROOT,
                "%s: got %s, expected %s, relative error %.3g > %.3g",
                row, got, row.expected(), error, bound));
      }
    }
    assertTrue(
        failures.isEmpty(),
        failures.size() + " of " + rows.size() + " rows fail:\n"
            + failures.stream().limit(25).collect(Collectors.joining("\n")));
  }

  /** Asserts that no row gives NaN (every expected value in the tables is a number). */
  static void assertNeverNaN(List<Row> rows, ToDoubleFunction<Row> call) {
    List<Row> nan = rows.stream().filter(r -> Double.isNaN(call.applyAsDouble(r))).toList();
    assertTrue(nan.isEmpty(), "NaN at " + nan);
  }

  /**
   * The worst error per function, as the classes' Javadoc quotes it, asserting SPEC's bound of
   * 1e-12 on each.
   *
   * @param errorOf the error of a row, the measure of the class comment unless a function states
   *     its bound relative to something else
   */
  static String worstErrorReport(
      String title, Iterable<String> functions, List<Row> all, ToDoubleFunction<Row> errorOf) {
    StringBuilder report = new StringBuilder(title + ": worst error vs mpmath per function:\n");
    for (String function : functions) {
      Row worst = null;
      double worstError = -1;
      int count = 0;
      for (Row row : all) {
        if (row.function().equals(function)) {
          count++;
          double error = errorOf.applyAsDouble(row);
          if (error > worstError) {
            worstError = error;
            worst = row;
          }
        }
      }
      report.append(
          String.format(
              Locale.ROOT,
              "  %-22s %5d rows  worst %.3g (%.1f x 2^-53) at %s%n",
              function, count, worstError, worstError / 0x1p-53, worst));
      assertTrue(worstError <= 1e-12, function + " exceeds the project bound 1e-12");
    }
    return report.toString();
  }
}
