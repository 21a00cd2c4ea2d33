package dev.likelihood.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.likelihood.processor.Compilations.compile;
import static dev.likelihood.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The same input gives byte-identical output (reproducible builds, build caches): no dates, no
 * hash-ordered iteration leaking into the text.
 */
class DeterminismTest {

  private static final String SOURCE = """
      package example;

      import dev.likelihood.*;

      final class Models {
        @Likelihood(family = Family.NORMAL)
        record Price(@Response double price, @Param double mean,
                     @Param(value = "sigma", link = Link.SOFTPLUS) double spread,
                     @Offset double base, @Weight double w) {}

        @Likelihood(family = Family.POISSON, dropConstants = true)
        record Calls(@Response long calls, @Param double eta, @Offset double logExposure) {}

        @Likelihood(family = Family.BERNOULLI, link = Link.PROBIT)
        record Click(@Response int clicked, @Param double score, @Weight double w) {}
      }
      """;

  @Test
  void sameSourceTwiceGivesIdenticalBytes() {
    Map<String, byte[]> first = generatedBytes(compile(source("example.Models", SOURCE)));
    Map<String, byte[]> second = generatedBytes(compile(source("example.Models", SOURCE)));
    assertWithMessage("generated files").that(first.keySet()).hasSize(3);
    assertWithMessage("generated files").that(second.keySet()).isEqualTo(first.keySet());
    for (String name : first.keySet()) {
      assertWithMessage("bytes of %s", name).that(second.get(name)).isEqualTo(first.get(name));
    }
  }

  private static Map<String, byte[]> generatedBytes(Compilation compilation) {
    assertThat(compilation).succeededWithoutWarnings();
    Map<String, byte[]> files = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      try (InputStream in = file.openInputStream()) {
        files.put(file.toUri().getPath(), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }
}
