package dev.likelihood.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.likelihood.processor.Compilations.compileRecording;
import static dev.likelihood.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** SPEC.md, "Bad input": nothing is generated for an invalid record, and only for it. */
class InvalidRecordTest {

  @Test
  void invalidRecordGeneratesNothing() {
    // Several problems at once: each is reported, and still no file appears.
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double y,
            @Param double mu,
            @Param("sgima") double spread,
            @Weight int w) {}
        """);
    Compilations.Outcome outcome = compileRecording(file);
    Compilation compilation = outcome.compilation();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[LikelihoodUnknownParameter]")
        .inFile(file).onLineContaining("@Param(\"sgima\") double spread");
    assertThat(compilation).hadErrorContaining("[LikelihoodComponentType]")
        .inFile(file).onLineContaining("@Weight int w");
    assertWithMessage("generated files").that(outcome.createdSources()).isEmpty();
  }

  @Test
  void badRecordDoesNotStopAValidSibling() {
    JavaFileObject bad = source("example.Bad", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.POISSON)
        record Bad(
            @Response boolean y,
            @Param double eta) {}
        """);
    JavaFileObject good = source("example.Good", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.POISSON)
        record Good(@Response int y, @Param double eta) {}
        """);
    JavaFileObject sameFile = source("example.Pair", """
        package example;

        import dev.likelihood.*;

        final class Pair {
          @Likelihood(family = Family.NORMAL)
          record Broken(@Response double y, @Param double mu,
              @Response double z) {}

          @Likelihood(family = Family.NORMAL)
          record Fine(@Response double y, @Param double mu) {}
        }
        """);
    Compilations.Outcome outcome = compileRecording(bad, good, sameFile);
    Compilation compilation = outcome.compilation();
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[LikelihoodResponseType]")
        .inFile(bad).onLineContaining("@Response boolean y");
    assertThat(compilation).hadErrorContaining("[LikelihoodDuplicateResponse]")
        .inFile(sameFile).onLineContaining("@Response double z");
    assertThat(compilation).hadErrorCount(2);
    assertWithMessage("generated files")
        .that(outcome.createdSources())
        .containsExactly("example.GoodLoss", "example.Pair_FineLoss");
  }
}
