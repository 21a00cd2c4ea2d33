package dev.likelihood.samples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likelihood.samples.Tour;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, end to end: every chapter runs and every figure is written. */
class TourTest {

  static final List<String> FIGURES = List.of(
      "bce", "ubce", "regression-losses", "gaussian-nll", "regression", "heteroscedastic",
      "robust", "spector", "uncertain-bernoulli", "tools", "dobson", "negative-binomial", "beta",
      "von-mises", "plackett-luce", "mixture");

  @Test
  void theTourRunsEndToEndAndWritesEveryFigure(@TempDir Path directory) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream console = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      Tour.main(new String[] {directory.toString()});
    } finally {
      System.setOut(console);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);

    for (String name : FIGURES) {
      Path file = directory.resolve(name + ".png");
      assertTrue(Files.exists(file), name + ".png missing");
      assertTrue(Files.size(file) < 80_000, name + ".png is " + Files.size(file) + " bytes");
      assertEquals(640, ImageIO.read(file.toFile()).getWidth(), name);
    }
    try (var files = Files.list(directory)) {
      assertEquals(FIGURES.size(), files.count(), "figures written");
    }
    for (String chapter : new String[] {"NORMAL", "LAPLACE, HUBER, STUDENT_T", "UNCERTAIN_BERNOULLI",
        "CATEGORICAL", "NEGATIVE_BINOMIAL", "BETA", "VON_MISES", "PLACKETT_LUCE", "GAUSSIAN_MIXTURE"}) {
      assertTrue(output.contains(chapter), chapter + " missing from the tour");
    }
    assertTrue(output.contains("@Likelihood(family = Family.POISSON, link = Link.LOG)"), output);
    assertFalse(output.contains("DIFFERS"), output);
    assertTrue(output.contains("tour finished in"), output);
  }
}
