package dev.likelihood.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.likelihood.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Records that depend on another annotation processor's output, as AutoValue and Dagger handle
 * them: a record whose component types are not generated yet is deferred by name to the next
 * round and read once they resolve; a record that another processor generates is processed in the
 * round it appears; a type that never resolves is reported on the component in the last round
 * ([LikelihoodUnresolvedType]), never as a crash or a misleading type error.
 */
class DeferredRoundsTest {

  private static final String FEATURES = """
      package example;

      public record Features(double[] values) {}
      """;

  private static Compilation compile(GeneratingProcessor other, JavaFileObject... sources) {
    return javac()
        .withProcessors(other, new LikelihoodProcessor())
        .withOptions("-Xlint:all", "-Werror")
        .compile(sources);
  }

  @Test
  void componentTypeGeneratedLater_isDeferredUntilItResolves() {
    // Features appears in round 3 (written in round 2): the record waits two rounds
    GeneratingProcessor other = new GeneratingProcessor()
        .writing(1, "example.Unrelated", "package example;\n\nfinal class Unrelated {}\n")
        .writing(2, "example.Features", FEATURES);
    Compilation compilation = compile(other, source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double y, @Param double mu, Features features) {}
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("example.PriceLoss");
    assertWithMessage("rounds: %s", other.rootsByRound())
        .that(other.roundBringing("example.PriceLoss"))
        .isEqualTo(other.roundBringing("example.Features") + 1);
  }

  @Test
  void typeGeneratedLaterInsideAnArrayOrTypeArgument_isDeferredToo() {
    GeneratingProcessor other = new GeneratingProcessor().writing(1, "example.Features", FEATURES);
    Compilation compilation = compile(other, source("example.Price", """
        package example;

        import dev.likelihood.*;
        import java.util.List;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double y, @Param double mu, Features[] history,
            List<Features> related) {}
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("example.PriceLoss");
    assertWithMessage("rounds: %s", other.rootsByRound())
        .that(other.roundBringing("example.PriceLoss"))
        .isEqualTo(3);
  }

  @Test
  void recordGeneratedByAnotherProcessor_isProcessedInTheRoundItAppears() {
    GeneratingProcessor other = new GeneratingProcessor().writing(1, "example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.POISSON)
        record Price(@Response int y, @Param double eta) {}
        """);
    Compilation compilation = compile(other, source("example.Main", """
        package example;

        final class Main {}
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("example.PriceLoss");
    assertWithMessage("rounds: %s", other.rootsByRound())
        .that(other.roundBringing("example.PriceLoss"))
        .isEqualTo(3);
  }

  @Test
  void constantFromAClassGeneratedLater_isDeferredUntilItResolves() {
    GeneratingProcessor other = new GeneratingProcessor().writing(1, "example.Tuning", """
        package example;

        public final class Tuning {
          public static final double NU = 4;

          private Tuning() {}
        }
        """);
    Compilation compilation = compile(other, source("example.Robust", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.STUDENT_T, constants = @Constant(name = "nu", value = Tuning.NU))
        record Robust(@Response double y, @Param double mu) {}
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("example.RobustLoss");
  }

  @Test
  void componentTypeThatNeverResolves_isReportedOnTheComponentInTheLastRound() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;
        import java.util.List;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double y,
            @Param Missing[] mu,
            List<Missing> tags) {}
        """);
    Compilations.Outcome outcome = Compilations.compileRecording(file);
    Compilation compilation = outcome.compilation();
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[LikelihoodUnresolvedType] component 'mu' of record Price has a type that never"
                + " resolved (Missing[]).")
        .inFile(file)
        .onLineContaining("@Param Missing[] mu");
    assertThat(compilation)
        .hadErrorContaining(
            "[LikelihoodUnresolvedType] component 'tags' of record Price has a type that never"
                + " resolved (java.util.List<Missing>).")
        .inFile(file)
        .onLineContaining("List<Missing> tags");
    assertWithMessage("generated").that(outcome.createdSources()).isEmpty();
  }
}
