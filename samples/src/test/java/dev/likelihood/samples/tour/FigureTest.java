package dev.likelihood.samples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureTest {

  @Test
  void histogramAreaIsTheFractionOfDataInRange() {
    double[] data = {0.1, 0.2, 0.3, 1.5, 1.6, 2.5, 9};
    Figure.Series bars = Figure.of("t", "x", "y").histogram("h", data, 0, 3, 3).series().get(0);
    double area = 0;
    for (int i = 1; i + 1 < bars.x().length; i += 2) {
      area += (bars.x()[i + 1] - bars.x()[i]) * bars.y()[i];
    }
    assertEquals(6.0 / 7, area, 1e-12);
    assertEquals(3.0 / 7, bars.y()[1], 1e-12);
  }

  @Test
  void badShapesAreRejectedWithTheirNames() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Figure.of("t", "x", "y").line("curve", new double[2], new double[3]));
    assertTrue(e.getMessage().contains("'curve'"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Figure.of("t", "x", "y").histogram("h", new double[1], 1, 1, 3));
  }

  @Test
  void plotsWriteSmallPngs(@TempDir Path directory) throws Exception {
    Path file = new Plots(directory.resolve("new")).save(LossCurves.binaryCrossEntropy(), "bce");
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(640, image.getWidth());
    assertEquals(400, image.getHeight());
    assertTrue(Files.size(file) < 80_000, "bce.png is " + Files.size(file) + " bytes");
    assertThrows(IllegalArgumentException.class,
        () -> new Plots(directory).save(LossCurves.binaryCrossEntropy(), "../escape"));
  }
}
