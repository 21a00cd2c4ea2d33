package dev.likelihood.samples.tour;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the bundled real data sets (src/main/resources/data, described in its README). */
public final class Datasets {

  /** Dobson (1990, p. 93): counts by outcome and treatment, levels numbered from 1. */
  public record Dobson(int[] count, int[] outcome, int[] treatment) {
    public int rows() {
      return count.length;
    }
  }

  /** Spector and Mazzeo (1980): 32 students. */
  public record Spector(double[] gpa, double[] tuce, double[] psi, boolean[] improved) {
    public int rows() {
      return gpa.length;
    }
  }

  private Datasets() {}

  public static Dobson dobson() {
    List<double[]> rows = read("dobson.csv", "count,outcome,treatment");
    int n = rows.size();
    int[] count = new int[n];
    int[] outcome = new int[n];
    int[] treatment = new int[n];
    for (int i = 0; i < n; i++) {
      count[i] = (int) rows.get(i)[0];
      outcome[i] = (int) rows.get(i)[1];
      treatment[i] = (int) rows.get(i)[2];
    }
    return new Dobson(count, outcome, treatment);
  }

  public static Spector spector() {
    List<double[]> rows = read("spector.csv", "obs,gpa,tuce,psi,grade");
    int n = rows.size();
    double[] gpa = new double[n];
    double[] tuce = new double[n];
    double[] psi = new double[n];
    boolean[] improved = new boolean[n];
    for (int i = 0; i < n; i++) {
      double[] row = rows.get(i);
      gpa[i] = row[1];
      tuce[i] = row[2];
      psi[i] = row[3];
      improved[i] = row[4] == 1;
    }
    return new Spector(gpa, tuce, psi, improved);
  }

  /** Reads a numeric CSV with the expected header; every row must have the header's width. */
  static List<double[]> read(String name, String header) {
    String resource = "/data/" + name;
    try (InputStream in = Datasets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("data set " + resource + " is not on the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String first = reader.readLine();
      if (!header.equals(first)) {
        throw new IllegalArgumentException(
            resource + ": header is '" + first + "', expected '" + header + "'");
      }
      int width = header.split(",").length;
      List<double[]> rows = new ArrayList<>();
      String line;
      int lineNumber = 1;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.split(",");
        if (fields.length != width) {
          throw new IllegalArgumentException(resource + " line " + lineNumber + ": "
              + fields.length + " fields, expected " + width + ": '" + line + "'");
        }
        try {
          rows.add(Arrays.stream(fields).mapToDouble(f -> Double.parseDouble(f.trim())).toArray());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              resource + " line " + lineNumber + ": not a number in '" + line + "'", e);
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
  }
}
