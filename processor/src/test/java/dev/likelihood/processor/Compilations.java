package dev.likelihood.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.tools.JavaFileObject;

/** Compiles test sources with a fresh {@link LikelihoodProcessor}, as a user's build would. */
final class Compilations {

  private Compilations() {}

  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new LikelihoodProcessor()).compile(sources);
  }

  /** A compilation and the source files the processor created, which survive its failure. */
  record Outcome(Compilation compilation, List<String> createdSources) {}

  /** For failing compilations, whose generated files compile-testing does not expose. */
  static Outcome compileRecording(JavaFileObject... sources) {
    RecordingProcessor processor = new RecordingProcessor(new LikelihoodProcessor());
    Compilation compilation = javac().withProcessors(processor).compile(sources);
    return new Outcome(compilation, processor.createdSources());
  }

  /** Generated code must be clean under every lint javac has: users build with -Werror too. */
  static Compilation compileStrict(JavaFileObject... sources) {
    return javac()
        .withProcessors(new LikelihoodProcessor())
        .withOptions("-Xlint:all", "-Werror")
        .compile(sources);
  }

  /** The text of a generated source file, which must exist. */
  static String generated(Compilation compilation, String qualifiedName) {
    JavaFileObject file =
        compilation
            .generatedSourceFile(qualifiedName)
            .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName
                + "; generated: " + compilation.generatedSourceFiles()));
    try {
      return file.getCharContent(false).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
