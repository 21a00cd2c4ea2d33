package dev.likelihood.samples.tour;

import java.util.ArrayList;
import java.util.List;

/**
 * What a chart shows, independent of how it is drawn: a title, axis labels and series of points
 * drawn as lines, dots or a filled histogram. {@link Plots} renders it.
 */
public final class Figure {

  /** How a series is drawn. */
  public enum Style {
    LINE,
    /** a dashed line, for a truth drawn beside its fit */
    DASHED,
    DOTS,
    /** a filled outline: a histogram built with {@link #histogram} */
    AREA
  }

  /** Where the legend goes: inside a corner of the plot, or to its right. */
  public enum Legend {
    INSIDE_NE,
    INSIDE_NW,
    INSIDE_SE,
    OUTSIDE_RIGHT
  }

  /** One named series of points; {@code colour} indexes the renderer's palette. */
  public record Series(String name, double[] x, double[] y, Style style, int colour) {
    public Series {
      if (x.length != y.length) {
        throw new IllegalArgumentException(
            "series '" + name + "': " + x.length + " x values but " + y.length + " y values");
      }
    }
  }

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Series> series = new ArrayList<>();
  private Legend legend = Legend.INSIDE_NE;
  private double yMin = Double.NaN;
  private double yMax = Double.NaN;

  private Figure(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  public static Figure of(String title, String xLabel, String yLabel) {
    return new Figure(title, xLabel, yLabel);
  }

  public Figure line(String name, double[] x, double[] y) {
    return add(name, x, y, Style.LINE, series.size());
  }

  /** A dashed line in the colour of series number {@code colourOf}: a truth beside its fit. */
  public Figure dashed(String name, double[] x, double[] y, int colourOf) {
    return add(name, x, y, Style.DASHED, series.get(colourOf).colour());
  }

  public Figure dots(String name, double[] x, double[] y) {
    return add(name, x, y, Style.DOTS, series.size());
  }

  private Figure add(String name, double[] x, double[] y, Style style, int colour) {
    series.add(new Series(name, x.clone(), y.clone(), style, colour));
    return this;
  }

  public Figure legend(Legend where) {
    this.legend = where;
    return this;
  }

  public Legend legend() {
    return legend;
  }

  /**
   * A density histogram of {@code data} over [min, max) in {@code bins} equal bins, scaled so
   * that its area is the fraction of the data inside the range: comparable with a density.
   */
  public Figure histogram(String name, double[] data, double min, double max, int bins) {
    if (!(max > min) || bins < 1) {
      throw new IllegalArgumentException(
          "histogram '" + name + "': needs max > min and bins >= 1, got [" + min + ", " + max
              + ") in " + bins + " bins");
    }
    double width = (max - min) / bins;
    double[] height = new double[bins];
    for (double value : data) {
      int bin = (int) Math.floor((value - min) / width);
      if (bin >= 0 && bin < bins) {
        height[bin] += 1.0 / (data.length * width);
      }
    }
    // the outline of the bars: up the left edge, across, down the right edge of each bar
    double[] x = new double[2 * bins + 2];
    double[] y = new double[2 * bins + 2];
    x[0] = min;
    for (int b = 0; b < bins; b++) {
      x[2 * b + 1] = min + b * width;
      y[2 * b + 1] = height[b];
      x[2 * b + 2] = min + (b + 1) * width;
      y[2 * b + 2] = height[b];
    }
    x[2 * bins + 1] = max;
    series.add(new Series(name, x, y, Style.AREA, series.size()));
    return this;
  }

  /** Clips the y axis to [min, max] (a loss that tends to infinity would flatten the rest). */
  public Figure yRange(double min, double max) {
    this.yMin = min;
    this.yMax = max;
    return this;
  }

  public String title() {
    return title;
  }

  public String xLabel() {
    return xLabel;
  }

  public String yLabel() {
    return yLabel;
  }

  public List<Series> series() {
    return List.copyOf(series);
  }

  /** NaN when the range is automatic. */
  public double yMin() {
    return yMin;
  }

  /** NaN when the range is automatic. */
  public double yMax() {
    return yMax;
  }

  /** {@code n} equally spaced points from {@code from} to {@code to}, both included. */
  public static double[] grid(double from, double to, int n) {
    if (n < 2) {
      throw new IllegalArgumentException("grid: needs at least 2 points, got " + n);
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = from + (to - from) * i / (n - 1);
    }
    return x;
  }
}
