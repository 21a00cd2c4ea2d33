package dev.likelihood.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.likelihood.processor.Compilations.compileStrict;
import static dev.likelihood.processor.Compilations.source;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated sources of a representative set of records, byte for byte against committed
 * golden copies in {@code src/test/resources/golden/}: scalar families with weights, offsets,
 * {@code @Known} and {@code @Constant} parameters, and the vector families (CATEGORICAL,
 * GAUSSIAN_MIXTURE, MULTIVARIATE_NORMAL with scaleTril, PLACKETT_LUCE). CI runs this on JDK 17 and
 * on Temurin 25 against the same files, so passing on both proves the output is identical across
 * JDKs (literal spelling, constant folding, iteration order), not only between two runs on one
 * JDK as {@link DeterminismTest} does. The golden files also pin the text users read.
 *
 * <p>After a deliberate change of the generator, rewrite the golden files and review their diff
 * before committing it:
 *
 * <pre>
 * mvn -o -q verify -pl processor -am -Dtest=GoldenFilesTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dlikelihood.golden.update=true
 * git diff processor/src/test/resources/golden
 * </pre>
 */
class GoldenFilesTest {

  /**
   * -Dlikelihood.golden.update=true: write this run's output over the golden files (deleting
   * golden files no record generates any more) instead of comparing. Needed whenever the
   * generator changes on purpose; the test then passes, and git diff shows what changed.
   */
  private static final boolean UPDATE = Boolean.getBoolean("likelihood.golden.update");

  /** In the source tree, where an update writes; Surefire runs in the module's directory. */
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  private static final List<JavaFileObject> RECORDS = List.of(
      record("Click", """
          @Likelihood(family = Family.BERNOULLI, link = Link.LOGIT)
          record Click(@Response boolean clicked, @Param double score) {}
          """),
      record("Price", """
          @Likelihood(family = Family.NORMAL)
          record Price(@Response double price, @Param double mean,
              @Param(value = "sigma", link = Link.SOFTPLUS) double spread,
              @Offset double base, @Weight double w) {}
          """),
      record("Calls", """
          @Likelihood(family = Family.POISSON, dropConstants = true)
          record Calls(@Response long calls, @Param double eta, @Offset double logExposure,
              String region) {}
          """),
      record("Successes", """
          @Likelihood(family = Family.BINOMIAL, link = Link.PROBIT)
          record Successes(@Response int y, @Param double eta, @Known("trials") int trials,
              @Weight double w) {}
          """),
      record("Robust", """
          @Likelihood(family = Family.STUDENT_T, constants = @Constant(name = "nu", value = 4))
          record Robust(@Response double y, @Param double location, @Known("sigma") double noise) {}
          """),
      record("Claim", """
          @Likelihood(family = Family.GAMMA, constants = @Constant(name = "shape", value = 2.5))
          record Claim(@Response double amount, @Param double eta, @Weight double exposure) {}
          """),
      record("Share", """
          @Likelihood(family = Family.BETA)
          record Share(@Response double y, @Param(link = Link.CLOGLOG) double mean,
              @Param(value = "precision", link = Link.SOFTPLUS) double precision) {}
          """),
      record("Visits", """
          @Likelihood(family = Family.NEGATIVE_BINOMIAL)
          record Visits(@Response int visits, @Param double mean, @Param("size") double size,
              @Offset double logDays) {}
          """),
      record("Heading", """
          @Likelihood(family = Family.VON_MISES)
          record Heading(@Response double angle, @Param double mu, @Param("kappa") double kappa) {}
          """),
      record("Unsure", """
          @Likelihood(family = Family.UNCERTAIN_BERNOULLI)
          record Unsure(@Response boolean y, @Param double logit,
              @Param("uncertainty") double uncertainty) {}
          """),
      record("Rare", """
          @Likelihood(family = Family.FOCAL, constants = {
              @Constant(name = "gamma", value = 2), @Constant(name = "alpha", value = 0.25)})
          record Rare(@Response int y, @Param double logit, @Weight double w) {}
          """),
      record("Species", """
          @Likelihood(family = Family.CATEGORICAL,
              constants = @Constant(name = "labelSmoothing", value = 0.1))
          record Species(@Response int label, @Param double[] logits, @Weight double w) {}
          """),
      record("Mixture", """
          @Likelihood(family = Family.GAUSSIAN_MIXTURE)
          record Mixture(@Response double y, @Param double[] weights, @Param("mu") double[] mu,
              @Param("sigma") double[] sigma) {}
          """),
      record("Position", """
          @Likelihood(family = Family.MULTIVARIATE_NORMAL)
          record Position(@Response double[] y, @Param double[] mu,
              @Param("scaleTril") double[] scaleTril) {}
          """),
      record("Ranking", """
          @Likelihood(family = Family.PLACKETT_LUCE)
          record Ranking(@Response int[] ranking, @Param double[] scores) {}
          """));

  private static JavaFileObject record(String name, String declaration) {
    return source("example." + name, "package example;\n\nimport dev.likelihood.*;\n\n" + declaration);
  }

  @Test
  void generatedSourcesMatchTheGoldenFilesByteForByte() throws IOException {
    Compilation compilation = compileStrict(RECORDS.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();
    Map<String, byte[]> generated = generatedFiles(compilation);
    assertWithMessage("one generated file per record").that(generated).hasSize(RECORDS.size());

    if (UPDATE) {
      for (String stale : goldenFiles()) {
        if (!generated.containsKey(stale)) {
          Files.delete(GOLDEN.resolve(stale));
        }
      }
      for (Map.Entry<String, byte[]> e : generated.entrySet()) {
        Path file = GOLDEN.resolve(e.getKey());
        Files.createDirectories(file.getParent());
        Files.write(file, e.getValue());
      }
      return;
    }

    assertWithMessage("golden files (regenerate with -Dlikelihood.golden.update=true)")
        .that(goldenFiles()).containsExactlyElementsIn(generated.keySet());
    for (Map.Entry<String, byte[]> e : generated.entrySet()) {
      byte[] golden = Files.readAllBytes(GOLDEN.resolve(e.getKey()));
      if (!Arrays.equals(golden, e.getValue())) {
        throw new AssertionError(e.getKey() + " differs from its golden copy on "
            + System.getProperty("java.vm.name") + " " + Runtime.version() + ", "
            + firstDifference(golden, e.getValue())
            + "\nIf the generator changed on purpose, regenerate the golden files with"
            + " -Dlikelihood.golden.update=true and review the diff.");
      }
    }
  }

  /** The first line that differs, with both versions, as "line N: golden ... / generated ...". */
  static String firstDifference(byte[] golden, byte[] generated) {
    // split with a limit of -1 so that a missing or extra final newline shows as a line too
    String[] expected = new String(golden, UTF_8).split("\n", -1);
    String[] actual = new String(generated, UTF_8).split("\n", -1);
    for (int i = 0; i < Math.max(expected.length, actual.length); i++) {
      String a = i < expected.length ? expected[i] : null;
      String b = i < actual.length ? actual[i] : null;
      if (a == null || !a.equals(b)) {
        return "first at line " + (i + 1) + ":\n  golden:    " + show(a) + "\n  generated: " + show(b);
      }
    }
    return "in bytes that the lines do not show (encoding?)";
  }

  private static String show(String line) {
    return line == null ? "<end of file>" : "\"" + line.replace("\r", "\\r") + "\"";
  }

  /** Generated files by path relative to the source output, e.g. example/ClickLoss.java. */
  private static Map<String, byte[]> generatedFiles(Compilation compilation) {
    Map<String, byte[]> files = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String path = file.toUri().getPath();
      String relative = path.substring(path.indexOf("/SOURCE_OUTPUT/") + "/SOURCE_OUTPUT/".length());
      try (InputStream in = file.openInputStream()) {
        files.put(relative, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  /** The golden files, by path relative to the golden directory, with '/' separators. */
  private static List<String> goldenFiles() throws IOException {
    if (!Files.isDirectory(GOLDEN)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(GOLDEN)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> GOLDEN.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .collect(Collectors.toList());
    }
  }
}
