package dev.likelihood.spark;

import java.io.Serializable;

/**
 * Up to a block's worth of consecutive rows of one partition, column by column (the layout's
 * block order), each column exactly {@code rows} long. Packed once and cached, so that every
 * iteration reads flat arrays instead of Spark rows.
 */
final class ColumnBlock implements Serializable {

  private static final long serialVersionUID = 1L;

  final int rows;
  final double[][] columns;

  ColumnBlock(int rows, double[][] columns) {
    this.rows = rows;
    this.columns = columns;
  }
}
