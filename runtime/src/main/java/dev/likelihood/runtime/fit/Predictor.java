package dev.likelihood.runtime.fit;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * One linear predictor of a model parameter: {@code eta_i = x_i . beta (+ offset_i)}, or for a
 * vector parameter of width w, {@code eta[i*w + c] = x_i . beta[., c] (+ offset[i*w + c])}.
 * Immutable; the design matrix is copied once, row-major, so that the fitter's loops are flat.
 */
public final class Predictor {

  /** The name R gives the column of ones. */
  public static final String INTERCEPT = "(Intercept)";

  private final String parameter;
  private final int rows;
  private final int columns;
  private final double[] design;
  private final String[] columnNames;
  private final double[] offset;
  private final int width;

  private Predictor(String parameter, int rows, int columns, double[] design,
      String[] columnNames, double[] offset, int width) {
    this.parameter = parameter;
    this.rows = rows;
    this.columns = columns;
    this.design = design;
    this.columnNames = columnNames;
    this.offset = offset;
    this.width = width;
  }

  /**
   * A predictor with design matrix {@code x} (rows by columns; copied) and one name per column.
   * With no names the columns are called {@code x1, x2, ...}.
   *
   * @throws IllegalArgumentException for a blank parameter, no rows or columns, ragged rows, a
   *     non-finite entry, or names that are not one per column or repeat
   */
  public static Predictor of(String parameter, double[][] x, String... columnNames) {
    requireParameter(parameter);
    if (x == null || x.length == 0 || x[0] == null || x[0].length == 0) {
      throw new IllegalArgumentException(
          "predictor '" + parameter + "': the design matrix needs at least one row and one column");
    }
    int rows = x.length;
    int columns = x[0].length;
    double[] design = new double[rows * columns];
    for (int i = 0; i < rows; i++) {
      if (x[i] == null || x[i].length != columns) {
        throw new IllegalArgumentException("predictor '" + parameter + "': row " + i + " has "
            + (x[i] == null ? "no array" : x[i].length + " columns") + " but row 0 has "
            + columns);
      }
      for (int j = 0; j < columns; j++) {
        double value = x[i][j];
        if (!Double.isFinite(value)) {
          throw new IllegalArgumentException("predictor '" + parameter + "': x[" + i + "][" + j
              + "] = " + value + " is not finite");
        }
        design[i * columns + j] = value;
      }
    }
    return new Predictor(parameter, rows, columns, design, names(parameter, columns, columnNames),
        null, 1);
  }

  /** The intercept-only predictor {@code eta_i = beta_0} over {@code rows} rows. */
  public static Predictor intercept(String parameter, int rows) {
    requireParameter(parameter);
    if (rows < 1) {
      throw new IllegalArgumentException(
          "predictor '" + parameter + "': rows = " + rows + " but at least 1 is needed");
    }
    double[] ones = new double[rows];
    Arrays.fill(ones, 1.0);
    return new Predictor(parameter, rows, 1, ones, new String[] {INTERCEPT}, null, 1);
  }

  /**
   * This predictor with a fixed offset added to eta (copied), of length rows*width; the fitter
   * checks the length against the final width.
   */
  public Predictor withOffset(double[] offset) {
    if (offset == null) {
      throw new IllegalArgumentException("predictor '" + parameter + "': the offset is null");
    }
    for (int i = 0; i < offset.length; i++) {
      if (!Double.isFinite(offset[i])) {
        throw new IllegalArgumentException("predictor '" + parameter + "': offset[" + i + "] = "
            + offset[i] + " is not finite");
      }
    }
    return new Predictor(parameter, rows, columns, design, columnNames, offset.clone(), width);
  }

  /**
   * This predictor for a vector parameter of {@code width} components, each with its own
   * coefficients: {@code eta[i*width + c] = x_i . beta[., c]}, coefficient j of component c at
   * {@code j*width + c}.
   */
  public Predictor withWidth(int width) {
    if (width < 1) {
      throw new IllegalArgumentException(
          "predictor '" + parameter + "': width = " + width + " but it must be at least 1");
    }
    return new Predictor(parameter, rows, columns, design, columnNames, offset, width);
  }

  /** The name of the parameter this predictor models. */
  public String parameter() {
    return parameter;
  }

  /** The number of rows (samples). */
  public int rows() {
    return rows;
  }

  /** The number of columns of the design matrix. */
  public int columns() {
    return columns;
  }

  /** The number of components of the parameter (1 for a scalar). */
  public int width() {
    return width;
  }

  /** The name of column {@code j}. */
  public String columnName(int j) {
    if (j < 0 || j >= columns) {
      throw new IllegalArgumentException("predictor '" + parameter + "': column " + j
          + " does not exist; there are " + columns);
    }
    return columnNames[j];
  }

  /** The index of a named column. */
  int columnIndex(String name) {
    for (int j = 0; j < columns; j++) {
      if (columnNames[j].equals(name)) {
        return j;
      }
    }
    throw new IllegalArgumentException("predictor '" + parameter + "' has no column '" + name
        + "'; its columns are " + Arrays.toString(columnNames));
  }

  /** The design matrix, row-major; shared, never written. */
  double[] design() {
    return design;
  }

  /** The offset, or null; shared, never written. */
  double[] offset() {
    return offset;
  }

  private static void requireParameter(String parameter) {
    if (parameter == null || parameter.isBlank()) {
      throw new IllegalArgumentException("a predictor needs a parameter name, got '"
          + parameter + "'");
    }
  }

  private static String[] names(String parameter, int columns, String[] given) {
    if (given == null || given.length == 0) {
      String[] names = new String[columns];
      for (int j = 0; j < columns; j++) {
        names[j] = "x" + (j + 1);
      }
      return names;
    }
    if (given.length != columns) {
      throw new IllegalArgumentException("predictor '" + parameter + "': " + given.length
          + " column names for " + columns + " columns");
    }
    Set<String> seen = new HashSet<>();
    for (String name : given) {
      if (name == null || !seen.add(name)) {
        throw new IllegalArgumentException("predictor '" + parameter + "': column name '" + name
            + "' is " + (name == null ? "null" : "repeated") + "; names must be distinct");
      }
    }
    return given.clone();
  }
}
