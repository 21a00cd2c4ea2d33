package dev.likelihood.processor.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import dev.likelihood.processor.fuzz.Oracle.Expectation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, robustness: random declarations, each compiled with the processor and held against
 * an oracle that knows what it drew (see {@link Oracle}). A fixed seed in CI; more with
 * {@code -Dlikelihood.fuzz.count=20000 -Dlikelihood.fuzz.seed=...}, and one declaration again
 * with {@code -Dlikelihood.fuzz.only=INDEX}. A failure prints the seed, the index and the source.
 */
class FuzzTest {

  private static final long SEED = Long.getLong("likelihood.fuzz.seed", 20260601L);
  private static final int COUNT = Integer.getInteger("likelihood.fuzz.count", 1000);
  private static final String ONLY = System.getProperty("likelihood.fuzz.only", "");
  private static final int REPORTED = 8;
  private static final java.nio.file.Path REPORT = java.nio.file.Path.of("target", "fuzz-failures.txt");
  /** Declarations per compilation: javac's fixed cost per run dominates small compilations. */
  private static final int BATCH = Integer.getInteger("likelihood.fuzz.batch", 10);

  /**
   * Each index has its own generator, so one declaration can be drawn again alone. The seed is
   * mixed first: java.util.Random's first draws from neighbouring seeds are nearly equal.
   */
  static Random random(long seed, int index) {
    return new Random(new SplittableRandom(seed).split().nextLong() ^ new SplittableRandom(index).nextLong());
  }

  @Test
  void randomDeclarations() {
    long started = System.nanoTime();
    try {
      java.nio.file.Files.deleteIfExists(REPORT); // a stale report would mislead
    } catch (java.io.IOException e) {
      System.out.println("FuzzTest: could not delete " + REPORT + ": " + e);
    }
    List<String> failures = new ArrayList<>();
    Map<String, Integer> kinds = new TreeMap<>();
    int from = ONLY.isEmpty() ? 0 : Integer.parseInt(ONLY);
    int to = ONLY.isEmpty() ? COUNT : from + 1;
    List<DeclarationCheck.Item> strict = new ArrayList<>();
    List<DeclarationCheck.Item> invalid = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Random r = random(SEED, i);
      Declaration d = new DeclarationGenerator(r).draw(i);
      Expectation e = Oracle.expect(d);
      kinds.merge(label(d, e), 1, Integer::sum);
      DeclarationCheck.Item item = new DeclarationCheck.Item(i, d, d.render(), e, r);
      if (!item.batchable()) {
        run(List.of(item), failures);
        continue;
      }
      List<DeclarationCheck.Item> batch = item.strict() ? strict : invalid;
      batch.add(item);
      if (batch.size() == BATCH || i == to - 1) {
        run(batch, failures);
        batch.clear();
      }
    }
    run(strict, failures);
    run(invalid, failures);
    double seconds = (System.nanoTime() - started) / 1e9;
    StringBuilder summary = new StringBuilder(String.format(
        "FuzzTest: %d declarations, seed %d, %.1f s on JDK %d%n", to - from, SEED, seconds, Runtime.version().feature()));
    kinds.forEach((k, n) -> summary.append(String.format("  %5d  %s%n", n, k)));
    System.out.print(summary);
    if (!failures.isEmpty()) {
      writeReport(failures);
      fail(failures.size() + " of " + (to - from) + " declarations disagree with the oracle (seed " + SEED + "); the first "
          + Math.min(REPORTED, failures.size()) + ":\n\n" + String.join("\n\n", failures.subList(0, Math.min(REPORTED, failures.size()))));
    }
  }

  private static void run(List<DeclarationCheck.Item> items, List<String> failures) {
    if (items.isEmpty()) {
      return;
    }
    List<String> problems;
    try {
      problems = DeclarationCheck.check(items);
    } catch (Throwable t) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      problems = items.stream().map(i -> "threw " + trace).toList();
    }
    for (int k = 0; k < items.size(); k++) {
      DeclarationCheck.Item item = items.get(k);
      if (problems.get(k) != null) {
        failures.add("seed " + SEED + ", index " + item.index() + " (" + item.d().kind
            + "; reproduce with -Dlikelihood.fuzz.seed=" + SEED + " -Dlikelihood.fuzz.only=" + item.index()
            + ")\n  " + problems.get(k) + "\n" + item.rendered().text());
      }
    }
  }

  /** Every failure in full, for a long run whose failures do not fit in the test report. */
  private static void writeReport(List<String> failures) {
    try {
      java.nio.file.Path file = REPORT;
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.writeString(file, String.join("\n\n", failures));
      System.out.println("FuzzTest: all " + failures.size() + " failures in " + file.toAbsolutePath());
    } catch (java.io.IOException e) {
      System.out.println("FuzzTest: could not write the failure report: " + e);
    }
  }

  /** valid / valid with a warning / invalid, with what the generator drew. */
  private static String label(Declaration d, Expectation e) {
    String kind = d.kind.replaceAll(" [A-Z_]+$| of \\w+$| on \\w+$|: \\w+ maybe| [a-z]+ removed|changed to \\w+", "");
    kind = kind.replaceAll("parameter \\w+", "parameter").replaceAll("constant \\w+", "constant")
        .replaceAll("link \\w+", "link").replaceAll("className .*", "className").replaceAll("known \\w+", "known");
    if (!e.exact || e.javacErrors) {
      return "nonsense    " + kind;
    }
    if (e.valid()) {
      return (e.warnings.isEmpty() ? "valid       " : "valid+warn  ") + kind;
    }
    return "invalid     " + kind;
  }
}
