package dev.likelihood.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Where everything sits: the Dataset columns a block holds (the kernel's data columns first,
 * then the feature columns not among them), which block column each coefficient multiplies (-1
 * for the intercept), and where each predictor's coefficients start in the coefficient vector.
 */
final class BlockLayout implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The column index that stands for the intercept's column of ones. */
  static final int INTERCEPT = -1;

  private final String[] columns;
  private final int dataColumns;
  private final int[][] coefficientColumn;
  private final int[] start;

  BlockLayout(List<String> data, PredictorColumns[] predictors) {
    List<String> all = new ArrayList<>(data);
    coefficientColumn = new int[predictors.length][];
    start = new int[predictors.length + 1];
    for (int k = 0; k < predictors.length; k++) {
      PredictorColumns p = predictors[k];
      String[] features = p.features();
      int[] column = new int[p.coefficients()];
      int at = 0;
      if (p.hasIntercept()) {
        column[at++] = INTERCEPT;
      }
      for (String feature : features) {
        int index = all.indexOf(feature);
        if (index < 0) {
          index = all.size();
          all.add(feature);
        }
        column[at++] = index;
      }
      coefficientColumn[k] = column;
      start[k + 1] = start[k] + column.length;
    }
    this.columns = all.toArray(new String[0]);
    this.dataColumns = data.size();
  }

  /** The Dataset columns of a block, in block order. */
  String[] columns() {
    return columns.clone();
  }

  String column(int index) {
    return columns[index];
  }

  int columnCount() {
    return columns.length;
  }

  int dataColumns() {
    return dataColumns;
  }

  /** Whether block column {@code index} multiplies a coefficient (so must be finite). */
  boolean isFeature(int index) {
    for (int[] row : coefficientColumn) {
      for (int c : row) {
        if (c == index) {
          return true;
        }
      }
    }
    return false;
  }

  int predictors() {
    return coefficientColumn.length;
  }

  /** The number of coefficients of predictor k. */
  int coefficients(int k) {
    return coefficientColumn[k].length;
  }

  /** The block column that coefficient c of predictor k multiplies, or {@link #INTERCEPT}. */
  int column(int k, int c) {
    return coefficientColumn[k][c];
  }

  /** Where predictor k's coefficients start in the coefficient vector. */
  int start(int k) {
    return start[k];
  }

  /** The number of coefficients in all. */
  int size() {
    return start[coefficientColumn.length];
  }
}
