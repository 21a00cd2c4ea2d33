package dev.likelihood.samples.tour;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Renders {@link Figure}s to PNG files with XChart, headless (no display is needed or used).
 * Small charts with few colours keep each PNG well under 80 KB.
 */
public final class Plots {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 400;
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
    new Color(0x9467bd), new Color(0x8c564b)
  };

  private final Path directory;

  /** @param directory where the PNGs go; created if missing */
  public Plots(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  /**
   * Draws {@code figure} into {@code directory/name.png}.
   *
   * @return the file written
   */
  public Path save(Figure figure, String name) {
    if (!name.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException(
          "plot name '" + name + "': use lower-case letters, digits and '-' only");
    }
    XYChart chart = chart(figure);
    Path file = directory.resolve(name + ".png");
    try {
      Files.createDirectories(directory);
      BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
      Graphics2D graphics = image.createGraphics();
      try {
        chart.paint(graphics, WIDTH, HEIGHT);
      } finally {
        graphics.dispose();
      }
      if (!ImageIO.write(image, "png", file.toFile())) {
        throw new IllegalStateException("no PNG writer in this JDK's ImageIO");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
    return file;
  }

  private static XYChart chart(Figure figure) {
    XYChart chart = new XYChartBuilder()
        .width(WIDTH)
        .height(HEIGHT)
        .title(figure.title())
        .xAxisTitle(figure.xLabel())
        .yAxisTitle(figure.yLabel())
        .build();
    XYStyler styler = chart.getStyler();
    styler.setLegendPosition(switch (figure.legend()) {
      case INSIDE_NE -> LegendPosition.InsideNE;
      case INSIDE_NW -> LegendPosition.InsideNW;
      case INSIDE_SE -> LegendPosition.InsideSE;
      case OUTSIDE_RIGHT -> LegendPosition.OutsideE;
    });
    styler.setXAxisTickMarkSpacingHint(70);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotGridLinesColor(new Color(0xe0e0e0));
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    styler.setSeriesColors(PALETTE);
    styler.setMarkerSize(4);
    if (!Double.isNaN(figure.yMin())) {
      styler.setYAxisMin(figure.yMin());
      styler.setYAxisMax(figure.yMax());
    }
    for (Figure.Series data : figure.series()) {
      double[][] points = inRange(data, figure);
      XYSeries series = chart.addSeries(data.name(), points[0], points[1]);
      Color color = PALETTE[data.colour() % PALETTE.length];
      switch (data.style()) {
        case LINE, DASHED -> {
          series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
          series.setMarker(SeriesMarkers.NONE);
          series.setLineStyle(data.style() == Figure.Style.LINE
              ? new BasicStroke(2f)
              : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 5f}, 0f));
          series.setLineColor(color);
        }
        case DOTS -> {
          series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
          series.setMarker(SeriesMarkers.CIRCLE);
          series.setMarkerColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 150));
        }
        case AREA -> {
          series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
          series.setMarker(SeriesMarkers.NONE);
          series.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 70));
          series.setLineColor(color);
        }
      }
    }
    return chart;
  }

  /**
   * Leaves out the points outside a fixed y range (a loss tending to infinity): XChart would draw
   * them off the plot, and flattening them onto its edge would draw a loss that is not there.
   */
  private static double[][] inRange(Figure.Series data, Figure figure) {
    if (Double.isNaN(figure.yMax())) {
      return new double[][] {data.x(), data.y()};
    }
    int kept = 0;
    double[] x = new double[data.x().length];
    double[] y = new double[data.y().length];
    for (int i = 0; i < x.length; i++) {
      if (data.y()[i] >= figure.yMin() && data.y()[i] <= figure.yMax()) {
        x[kept] = data.x()[i];
        y[kept] = data.y()[i];
        kept++;
      }
    }
    return new double[][] {Arrays.copyOf(x, kept), Arrays.copyOf(y, kept)};
  }
}
