package dev.likelihood.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * Packs one partition's rows (the layout's columns, already cast to double) into column blocks
 * of {@code blockRows} rows, the last one shorter. A null anywhere, or a non-finite feature,
 * throws IllegalArgumentException naming the column, the partition and the row in it: a missing
 * value must be dealt with before the fit, not turned into NaN coefficients.
 */
final class BlockPacker implements FlatMapFunction<Iterator<Row>, ColumnBlock> {

  private final BlockLayout layout;
  private final int blockRows;

  BlockPacker(BlockLayout layout, int blockRows) {
    this.layout = layout;
    this.blockRows = blockRows;
  }

  @Override
  public Iterator<ColumnBlock> call(Iterator<Row> rows) {
    int width = layout.columnCount();
    boolean[] feature = new boolean[width];
    for (int j = 0; j < width; j++) {
      feature[j] = layout.isFeature(j);
    }
    List<ColumnBlock> blocks = new ArrayList<>();
    double[][] columns = new double[width][blockRows];
    int filled = 0;
    long rowInPartition = 0;
    while (rows.hasNext()) {
      Row row = rows.next();
      for (int j = 0; j < width; j++) {
        if (row.isNullAt(j)) {
          throw bad(j, rowInPartition, "is null (or not a number)");
        }
        double value = row.getDouble(j);
        if (feature[j] && !Double.isFinite(value)) {
          throw bad(j, rowInPartition, "= " + value + ", but a feature must be finite");
        }
        columns[j][filled] = value;
      }
      filled++;
      rowInPartition++;
      if (filled == blockRows) {
        blocks.add(new ColumnBlock(filled, columns));
        columns = new double[width][blockRows];
        filled = 0;
      }
    }
    if (filled > 0) {
      for (int j = 0; j < width; j++) {
        columns[j] = Arrays.copyOf(columns[j], filled);
      }
      blocks.add(new ColumnBlock(filled, columns));
    }
    return blocks.iterator();
  }

  private IllegalArgumentException bad(int column, long row, String what) {
    TaskContext task = TaskContext.get();
    String partition = task == null ? "?" : Integer.toString(task.partitionId());
    return new IllegalArgumentException("column '" + layout.column(column) + "' " + what
        + " at row " + row + " of partition " + partition);
  }
}
