package dev.likelihood.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likelihood.Likelihood;
import dev.likelihood.runtime.Reduction;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor jar works alone on javac's {@code -processorpath}, as a plain javac or Gradle
 * user may put it: it carries the annotation types it reads (and its relocated JavaPoet), so
 * javac cannot fail with NoClassDefFoundError for {@code dev.likelihood.Family}. The jar is the
 * one the build packaged (the reactor's, or the installed one), not the processor's classes.
 */
class ProcessorJarAloneTest {

  private static final String SOURCE = """
      package example;

      import dev.likelihood.*;

      @Likelihood(family = Family.POISSON)
      record Calls(@Response int calls, @Param double eta) {}
      """;

  @Test
  void compilesWithOnlyTheProcessorJarOnTheProcessorPath(@TempDir Path dir)
      throws IOException, InterruptedException {
    Path processorJar = processorJar();
    assertTrue(
        processorJar.toString().endsWith(".jar"),
        "expected the packaged processor jar on the test class path, got " + processorJar);
    Path source = dir.resolve("src/example/Calls.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, SOURCE);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path generated = Files.createDirectories(dir.resolve("generated"));
    String classPath =
        location(Likelihood.class) + java.io.File.pathSeparator + location(Reduction.class);

    // a separate javac process: in-process, javac's processor class loader would find the
    // annotation types through this test's own class path and hide the fault
    List<String> command =
        List.of(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
            "-processorpath", processorJar.toString(), "-classpath", classPath,
            "-d", classes.toString(), "-s", generated.toString(), "-Xlint:all", "-Werror",
            source.toString());
    Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(javac.getInputStream().readAllBytes());
    boolean compiled = javac.waitFor() == 0;

    assertTrue(compiled, "javac failed:\n" + output);
    assertEquals("", output, "javac printed diagnostics");
    assertTrue(Files.exists(generated.resolve("example/CallsLoss.java")), "no CallsLoss.java");
    assertTrue(Files.exists(classes.resolve("example/CallsLoss.class")), "no CallsLoss.class");
  }

  /**
   * The jar holding the processor class on the test class path; found by resource name, as
   * naming the class would make javac read its {@code @AutoService} (not on this class path).
   */
  private static Path processorJar() {
    java.net.URL url = ClassLoader.getSystemResource(
        "dev/likelihood/processor/LikelihoodProcessor.class");
    assertTrue(url != null, "the processor is not on the test class path");
    String jar = url.toString().replaceFirst("^jar:", "").replaceFirst("!/.*$", "");
    try {
      return Path.of(new java.net.URI(jar));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
