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

  private static String where(String component, int row) {
    return row == NO_ROW ? "'" + component + "'" : "'" + component + "' at row " + row;
  }
}
