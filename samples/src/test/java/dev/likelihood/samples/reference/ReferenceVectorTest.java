package dev.likelihood.samples.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.likelihood.samples.reference.ReferenceAdapters.Adapter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated NORMAL, BERNOULLI and POISSON losses against the committed high-precision vectors
 * of {@code tools/reference/families.py} (mpmath, never the code's own formulas), one dynamic
 * test per CSV row.
 *
 * <p>SPEC's accuracy contract: a value passes if {@code |got - exact| <= 1e-12 |exact|} or
 * {@code |got - exact| <= 1e-14 S} with {@code S = max(1, |y|, |theta1|, |theta2|)}; an infinite
 * exact value must be matched exactly; NaN never passes. Each row is checked through the static
 * {@code nll} and {@code nllAndGradient} (at a non-zero offset, with the neighbouring cells
 * untouched) and through {@code INSTANCE} on a record.
 */
class ReferenceVectorTest {

  static final double RELATIVE = 1e-12;
  static final double ABSOLUTE = 1e-14;
  private static final List<String> FILES = List.of("normal", "bernoulli", "poisson");
  private static final double SENTINEL = -1234.5;
  private static final double LONG_LIMIT = 0x1p63;

  @TestFactory
  Stream<DynamicTest> normal() {
    return rowTests("normal");
  }

  @TestFactory
  Stream<DynamicTest> bernoulli() {
    return rowTests("bernoulli");
  }

  @TestFactory
  Stream<DynamicTest> poisson() {
    return rowTests("poisson");
  }

  /** boolean and int labels give what the double label does, for every probability link. */
  @TestFactory
  Stream<DynamicTest> bernoulliBooleanAndIntResponses() {
    return ReferenceRow.load("bernoulli").stream()
        .filter(row -> row.y() == 0.0 || row.y() == 1.0)
        .flatMap(
            row ->
                Stream.of("boolean", "int")
                    .map(type -> dynamicTest(type + " " + row.name(), () -> check(row, type))));
  }

  /** int and long counts give what the double count does, for every rate link. */
  @TestFactory
  Stream<DynamicTest> poissonIntAndLongResponses() {
    return ReferenceRow.load("poisson").stream()
        .filter(row -> row.y() == Math.rint(row.y()))
        .flatMap(
            row -> {
              List<DynamicTest> tests = new ArrayList<>();
              if (row.y() <= Integer.MAX_VALUE) {
                tests.add(dynamicTest("int " + row.name(), () -> check(row, "int")));
              }
              if (row.y() < LONG_LIMIT) {
                tests.add(dynamicTest("long " + row.name(), () -> check(row, "long")));
              }
              return tests.stream();
            });
  }

  /**
   * The worst error per family and tag over every row, printed (it is the number quoted for the
   * accuracy of these families) and held to the contract. The error is
   * {@code |got - exact| / max(|exact|, 0.01 S)}, which is at most 1e-12 exactly when the row
   * passes SPEC's test.
   */
  @Test
  void worstErrorPerFamilyAndTag() {
    Map<String, Worst> worst = new TreeMap<>();
    List<String> missing = new ArrayList<>();
    for (String file : FILES) {
      for (ReferenceRow row : ReferenceRow.load(file)) {
        Adapter adapter = adapterFor(row, "double");
        if (adapter == null) {
          missing.add(row.name());
          continue;
        }
        Worst w = worst.computeIfAbsent(file + " " + row.tag(), k -> new Worst());
        w.rows++;
        for (Comparison c : compare(row, adapter)) {
          double error = c.error();
          if (!(error <= w.error)) {
            w.error = error;
            w.where = row.name() + " " + c.describe();
          }
        }
      }
    }
    StringBuilder report = new StringBuilder();
    report.append(
        "Worst error |got - exact| / max(|exact|, 0.01 S) per family and tag (limit 1e-12):\n");
    worst.forEach(
        (k, w) ->
            report.append(
                String.format(
                    Locale.ROOT, "  %-22s %5d rows  %.3e  at %s%n", k, w.rows, w.error, w.where)));
    System.out.print(report);
    assertTrue(missing.isEmpty(), () -> "rows without a reference record: " + missing);
    worst.forEach(
        (k, w) ->
            assertTrue(
                w.error <= RELATIVE, () -> k + " exceeds the contract:\n" + report));
  }

  private static final class Worst {
    int rows;
    double error = 0;
    String where = "-";
  }

  private static Stream<DynamicTest> rowTests(String file) {
    return ReferenceRow.load(file).stream()
        .map(row -> dynamicTest(row.name(), () -> check(row, "double")));
  }

  private static Adapter adapterFor(ReferenceRow row, String response) {
    return ReferenceAdapters.find(row.family(), row.link1(), row.link2(), row.mode2(), response);
  }

  /** Runs every comparison of a row and reports all that fail, not just the first. */
  static void check(ReferenceRow row, String response) {
    Adapter adapter = adapterFor(row, response);
    if (adapter == null) {
      fail(
          "no reference record for "
              + ReferenceAdapters.key(row.family(), row.link1(), row.link2(), row.mode2(), response));
    }
    List<String> failures = new ArrayList<>();
    for (Comparison c : compare(row, adapter)) {
      if (!c.passes()) {
        failures.add(c.describe());
      }
    }
    if (!failures.isEmpty()) {
      fail(
          row.name()
              + " ("
              + response
              + " response), S = "
              + row.scale()
              + ":\n  "
              + String.join("\n  ", failures));
    }
  }

  /** Every value a row checks: the NLL and gradient through the static and instance paths. */
  static List<Comparison> compare(ReferenceRow row, Adapter adapter) {
    int expectedGradients = "param".equals(row.mode2()) ? 2 : 1;
    if (adapter.gradients() != expectedGradients) {
      throw new IllegalStateException(
          adapter.key() + " writes " + adapter.gradients() + " gradients, the CSV has "
              + expectedGradients);
    }
    double y = row.y();
    double e1 = row.eta1();
    double e2 = row.eta2();
    double s = row.scale();
    List<Comparison> out = new ArrayList<>();
    out.add(new Comparison("nll", adapter.nll().at(y, e1, e2), row.nll(), s));
    out.add(new Comparison("INSTANCE.nll", adapter.instanceNll().at(y, e1, e2), row.nll(), s));
    gradientComparisons(row, adapter, adapter.nllAndGradient(), "nllAndGradient", out);
    gradientComparisons(
        row, adapter, adapter.instanceNllAndGradient(), "INSTANCE.nllAndGradient", out);
    return out;
  }

  private static void gradientComparisons(
      ReferenceRow row,
      Adapter adapter,
      ReferenceAdapters.NllAndGradient method,
      String name,
      List<Comparison> out) {
    int n = adapter.gradients();
    double[] grad = new double[n + 2];
    Arrays.fill(grad, SENTINEL);
    double value = method.at(row.y(), row.eta1(), row.eta2(), grad, 1);
    double s = row.scale();
    out.add(new Comparison(name + " value", value, row.nll(), s));
    // the cells around grad[offset .. offset + n) belong to someone else
    out.add(new Comparison(name + " left grad[offset-1] alone", grad[0], SENTINEL, 1));
    out.add(new Comparison(name + " left grad[offset+n] alone", grad[n + 1], SENTINEL, 1));
    if (row.hasGradient()) {
      out.add(new Comparison(name + " grad1", grad[1], row.grad1(), s));
      if (n == 2) {
        out.add(new Comparison(name + " grad2", grad[2], row.grad2(), s));
      }
    }
  }

  /** One computed value against its exact reference. */
  record Comparison(String what, double got, double exact, double scale) {

    /** SPEC's test, literally. */
    boolean passes() {
      if (Double.isNaN(exact)) {
        throw new IllegalStateException("reference value of " + what + " is missing");
      }
      if (Double.isInfinite(exact)) {
        return got == exact;
      }
      if (!Double.isFinite(got)) {
        return false;
      }
      double err = Math.abs(got - exact);
      return err <= RELATIVE * Math.abs(exact) || err <= ABSOLUTE * scale;
    }

    /** {@code |got - exact| / max(|exact|, 0.01 S)}: at most 1e-12 exactly when it passes. */
    double error() {
      if (Double.isInfinite(exact)) {
        return got == exact ? 0 : Double.POSITIVE_INFINITY;
      }
      if (!Double.isFinite(got)) {
        return Double.POSITIVE_INFINITY;
      }
      return Math.abs(got - exact) / Math.max(Math.abs(exact), ABSOLUTE / RELATIVE * scale);
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "%s: got %s, exact %s, error %.3e",
          what,
          Double.toString(got),
          Double.toString(exact),
          error());
    }
  }
}
