package dev.likelihood.runtime;

/**
 * The exceptions generated code throws for bad input. Building the message here keeps the
 * generated loops small; the checks themselves stay inline where the JIT can hoist them.
 */
public final class Checks {

  /** The row reported for a single sample, which has none. */
  public static final int NO_ROW = -1;

  private Checks() {}

  /** Throws unless a column has as many rows as the response column. */
  public static void sameLength(String column, int length, String responseColumn, int responseLength) {
    if (length != responseLength) {
      throw new IllegalArgumentException(
          "column '" + column + "' has " + length + " rows but '" + responseColumn + "' has "
              + responseLength + "; every column must have one entry per row");
    }
  }

  /** An observation outside the family's support. */
  public static IllegalArgumentException outsideSupport(
      String component, int row, double value, String support) {
    return new IllegalArgumentException(
        where(component, row) + " = " + value + " is outside the support: expected " + support);
  }

  /** An integer observation outside the family's support. */
  public static IllegalArgumentException outsideSupport(
      String component, int row, long value, String support) {
    return new IllegalArgumentException(
        where(component, row) + " = " + value + " is outside the support: expected " + support);
  }

  /** A per-sample value (a known parameter, a weight) outside its domain. */
  public static IllegalArgumentException outsideDomain(
      String component, int row, double value, String domain) {
    return new IllegalArgumentException(
        where(component, row) + " = " + value + " is invalid: expected " + domain);
  }

  /** An entry of a vector observation outside the family's support. */
  public static IllegalArgumentException entryOutsideSupport(
      String component, int row, int entry, double value, String support) {
    return new IllegalArgumentException(
        where(component, row) + ", entry " + entry + " = " + value
            + " is outside the support: expected " + support);
  }

  /** Throws unless one sample's vector has the width of the others. */
  public static void sameWidth(String component, int length, String reference, int width) {
    if (length != width) {
      throw new IllegalArgumentException(
          "'" + component + "' has " + length + " entries but '" + reference + "' has " + width
              + "; the vectors of one sample must have the same length");
    }
  }

  /** Throws unless a packed lower triangle has D(D + 1)/2 entries for D = width. */
  public static void triangleWidth(String component, int length, String reference, int width) {
    long needed = (long) width * (width + 1) / 2;
    if (length != needed) {
      throw new IllegalArgumentException(
          "'" + component + "' has " + length + " entries but needs " + needed + " = D(D + 1)/2"
              + " for the packed lower triangle of D = " + width + " (the length of '" + reference
              + "')");
    }
  }

  /**
   * The width of a flat row-major column of {@code rows} rows, checked to be a whole positive
   * number of entries per row.
   */
  public static int widthOf(String column, int length, int rows) {
    if (rows == 0) {
      return 0;
    }
    if (length == 0 || length % rows != 0) {
      throw new IllegalArgumentException(
          "column '" + column + "' has " + length + " entries, which is not a positive multiple of"
              + " the " + rows + " rows; a vector column holds one row after another");
    }
    return length / rows;
  }

  /**
   * The rows of a flat row-major column of the given width, checked to be a whole number.
   */
  public static int rowsOf(String column, int length, int width) {
    if (width < 1) {
      throw new IllegalArgumentException("the width must be >= 1, but is " + width);
    }
    if (length % width != 0) {
      throw new IllegalArgumentException(
          "column '" + column + "' has " + length + " entries, which is not a multiple of the"
              + " width " + width + "; a vector column holds one row of " + width + " after another");
    }
    return length / width;
  }

  /** Throws unless a flat vector column holds {@code rows} rows of {@code width} entries. */
  public static void columnShape(String column, int length, int rows, int width) {
    if (length != (long) rows * width) {
      throw new IllegalArgumentException(
          "column '" + column + "' has " + length + " entries but needs " + rows + " rows x "
              + width + " = " + (long) rows * width);
    }
  }

  private static String where(String component, int row) {
    return row == NO_ROW ? "'" + component + "'" : "'" + component + "' at row " + row;
  }
}
