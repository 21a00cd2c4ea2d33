package dev.likelihood.samples.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks every generated loss of this package against the mpmath vectors that
 * {@code tools/reference/families_group1.py}, {@code families_group2.py} and {@code families_vector.py} write to {@code reference/families/*.csv}, at
 * SPEC's tolerance: |got - exact| &lt;= 1e-12 |exact| or &lt;= 1e-14 S, S = max(1, |y|,
 * |theta|...) as the generator computes it. One row names a record of this package, gives its
 * annotated components in record order, and the exact NLL and gradient (one entry per
 * {@code @Param} component). The harness calls {@code <Record>Loss.nllAndGradient} and
 * {@code nll} by reflection, so adding a family needs vectors and records, no Java test code.
 *
 * <p>Row format: {@code case,record,inputs,nll,grads,scale,tag}; {@code inputs} and
 * {@code grads} are semicolon-separated; booleans are {@code true}/{@code false}; a vector is
 * written {@code [a b c]}, and its gradient entries follow one another in {@code grads}; an empty
 * {@code grads} means the gradient is not checked (the NLL is +Infinity there).
 */
class FamilyVectorTest {

  /** The CSV files, one per family. */
  static final List<String> FILES =
      List.of(
          "laplace", "student_t", "log_normal", "exponential", "gamma", "inverse_gaussian", "huber",
          "log_cosh", "hinge", "beta", "von_mises", "binomial", "negative_binomial", "focal",
          "uncertain_bernoulli", "categorical", "gaussian_mixture", "multivariate_normal",
          "plackett_luce");

  record Row(String file, int line, String id, String record, String[] inputs, double nll,
      double[] grads, double scale, String tag) {
    String name() {
      return file + ":" + line + " " + id + " [" + record + "] inputs=" + String.join(";", inputs);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyRowMatchesItsExactValue() throws IOException {
    Map<String, String> known = knownLimitations();
    return rows().stream()
        .map(row -> {
          String reason = known.get(row.file() + ":" + row.id());
          if (reason == null) {
            return DynamicTest.dynamicTest(row.name(), () -> check(row));
          }
          return DynamicTest.dynamicTest(
              row.name() + " (known limitation: " + reason + ")", () -> checkStillFails(row, reason));
        });
  }

  @Test
  void everyKnownLimitationNamesARow() throws IOException {
    java.util.Set<String> ids = new java.util.HashSet<>();
    rows().forEach(row -> ids.add(row.file() + ":" + row.id()));
    for (String key : knownLimitations().keySet()) {
      assertTrue(ids.contains(key), "known-limitations.txt names no row " + key);
    }
  }

  /** A listed limitation must still fail: when it passes, it must leave the list. */
  private static void checkStillFails(Row row, String reason) throws Exception {
    try {
      check(row);
    } catch (AssertionError expected) {
      return;
    }
    fail(row.name() + " now passes: remove it from known-limitations.txt (" + reason + ")");
  }

  static Map<String, String> knownLimitations() throws IOException {
    return knownLimitations("/reference/families/known-limitations.txt");
  }

  /** A known-limitations resource: {@code <file>:<case> | <reason>} lines, # comments. */
  static Map<String, String> knownLimitations(String resource) throws IOException {
    Map<String, String> known = new TreeMap<>();
    try (InputStream in = FamilyVectorTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        return known;
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] parts = line.split("\\|", 2);
          known.put(parts[0].trim(), parts[1].trim());
        }
      }
    }
    return known;
  }

  @Test
  void worstErrorPerFamilyAndTag() throws Exception {
    Map<String, double[]> worst = new TreeMap<>();
    Map<String, String> known = knownLimitations();
    for (Row row : rows()) {
      if (known.containsKey(row.file() + ":" + row.id())) {
        continue;
      }
      double[] got = evaluate(row);
      double error = normalisedError(got[0], row.nll(), row.scale());
      for (int k = 0; k < row.grads().length; k++) {
        error = Math.max(error, normalisedError(got[k + 1], row.grads()[k], row.scale()));
      }
      worst.merge(row.file() + " " + row.tag(), new double[] {error, 1}, (a, b) -> new double[] {Math.max(a[0], b[0]), a[1] + b[1]});
    }
    StringBuilder report = new StringBuilder("Worst |got - exact| / max(|exact|, 0.01 S), limit 1e-12:\n");
    worst.forEach((key, v) -> report.append(String.format("  %-34s %5d rows  %.3e%n", key, (int) v[1], v[0])));
    System.out.print(report);
    worst.forEach((key, v) -> assertTrue(v[0] <= 1e-12, key + "\n" + report));
  }

  private static void check(Row row) throws Exception {
    double[] got = evaluate(row);
    assertClose(row.name() + " nll", got[0], row.nll(), row.scale());
    for (int k = 0; k < row.grads().length; k++) {
      assertClose(row.name() + " grad" + (k + 1), got[k + 1], row.grads()[k], row.scale());
    }
  }

  /** {nll, grad...} from nllAndGradient; also checks that nll(...) returns the same value. */
  static double[] evaluate(Row row) throws Exception {
    Class<?> loss = Class.forName(FamilyVectorTest.class.getPackageName() + "." + row.record() + "Loss");
    Method withGradient = staticMethod(loss, "nllAndGradient", row.inputs().length + 2);
    Method valueOnly = staticMethod(loss, "nll", row.inputs().length);
    Object[] args = new Object[row.inputs().length + 2];
    Class<?>[] types = withGradient.getParameterTypes();
    for (int i = 0; i < row.inputs().length; i++) {
      args[i] = parse(row.inputs()[i], types[i]);
    }
    // One slot per input entry bounds the gradient's length (rows at Infinity list no gradient).
    int entries = Stream.of(row.inputs()).mapToInt(text -> text.startsWith("[") ? entries(text).length : 1).sum();
    double[] grad = new double[Math.max(row.grads().length, entries) + 1];
    args[row.inputs().length] = grad;
    args[row.inputs().length + 1] = 1;
    double nll = (double) withGradient.invoke(null, args);
    double nllOnly = (double) valueOnly.invoke(null, java.util.Arrays.copyOf(args, row.inputs().length));
    assertEquals(nll, nllOnly, 0.0, row.name() + ": nll(...) and nllAndGradient(...) disagree");
    double[] out = new double[row.grads().length + 1];
    out[0] = nll;
    System.arraycopy(grad, 1, out, 1, row.grads().length);
    return out;
  }

  private static Method staticMethod(Class<?> type, String name, int arity) {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == arity && Modifier.isStatic(m.getModifiers())) {
        return m;
      }
    }
    throw new IllegalStateException(type + " has no static " + name + " with " + arity + " parameters");
  }

  /** A CSV field as a value of a record component's type (scalars and vectors). */
  static Object parse(String text, Class<?> type) {
    if (type == double.class) {
      return Double.parseDouble(text);
    }
    if (type == int.class) {
      return Integer.parseInt(text);
    }
    if (type == long.class) {
      return Long.parseLong(text);
    }
    if (type == boolean.class) {
      return Boolean.parseBoolean(text);
    }
    if (type == double[].class) {
      return Stream.of(entries(text)).mapToDouble(Double::parseDouble).toArray();
    }
    if (type == int[].class) {
      return Stream.of(entries(text)).mapToInt(Integer::parseInt).toArray();
    }
    throw new IllegalArgumentException("unsupported component type " + type);
  }

  /** The entries of a vector written {@code [a b c]}. */
  private static String[] entries(String text) {
    String inner = text.substring(1, text.length() - 1).trim();
    return inner.isEmpty() ? new String[0] : inner.split(" ");
  }

  private static void assertClose(String what, double got, double exact, double scale) {
    if (Double.isNaN(exact)) {
      assertTrue(Double.isNaN(got), what + ": expected NaN, got " + got);
      return;
    }
    if (Double.isInfinite(exact)) {
      assertEquals(exact, got, 0.0, what);
      return;
    }
    if (!Double.isFinite(got)) {
      fail(what + ": got " + got + " where the exact value is " + exact);
    }
    double error = Math.abs(got - exact);
    if (error > 1e-12 * Math.abs(exact) && error > 1e-14 * scale) {
      fail(String.format("%s: got %s, exact %s, error %.3e (relative %.3e, scale %s)", what, got,
          exact, error, error / Math.abs(exact), scale));
    }
  }

  private static double normalisedError(double got, double exact, double scale) {
    if (Double.isInfinite(exact) || Double.isNaN(exact)) {
      return got == exact || (Double.isNaN(got) && Double.isNaN(exact)) ? 0 : Double.POSITIVE_INFINITY;
    }
    return Math.abs(got - exact) / Math.max(Math.abs(exact), 0.01 * scale);
  }

  static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String file : FILES) {
      try (InputStream in = FamilyVectorTest.class.getResourceAsStream("/reference/families/" + file + ".csv")) {
        if (in == null) {
          continue; // a family whose vectors are not written yet
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        assertEquals("case,record,inputs,nll,grads,scale,tag", header, file);
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
          number++;
          if (line.isBlank()) {
            continue;
          }
          String[] f = line.split(",", -1);
          double[] grads = f[4].isEmpty() ? new double[0]
              : Stream.of(f[4].split(";")).mapToDouble(Double::parseDouble).toArray();
          rows.add(new Row(file, number, f[0], f[1], f[2].split(";"), Double.parseDouble(f[3]), grads,
              Double.parseDouble(f[5]), f[6]));
        }
      }
    }
    return rows;
  }
}
