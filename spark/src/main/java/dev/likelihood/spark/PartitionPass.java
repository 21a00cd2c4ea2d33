package dev.likelihood.spark;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * One evaluation over one partition: for each cached block, eta from the broadcast
 * coefficients, the generated kernel, and the block's X^T g (and X^T H X) added into the
 * partition's compensated sums; emits those sums. The work arrays are allocated once per
 * partition and once more only for the shorter last block, not per block or row.
 */
final class PartitionPass implements FlatMapFunction<Iterator<ColumnBlock>, PartialSums> {

  private final BlockLayout layout;
  private final BlockCurvature kernel;
  private final boolean withHessian;
  private final Broadcast<double[]> coefficients;

  PartitionPass(BlockLayout layout, BlockCurvature kernel, boolean withHessian,
      Broadcast<double[]> coefficients) {
    this.layout = layout;
    this.kernel = kernel;
    this.withHessian = withHessian;
    this.coefficients = coefficients;
  }

  @Override
  public Iterator<PartialSums> call(Iterator<ColumnBlock> blocks) {
    double[] beta = coefficients.value();
    PartialSums sums = new PartialSums(layout.size(), withHessian);
    double[] blockSums = new double[sums.length()];
    int count = layout.predictors();
    double[][] eta = new double[count][];
    double[][] gradient = new double[count][];
    double[] rowHessian = null;
    double[] weight = null;
    double[] weighted = null;
    double[][] data = new double[layout.dataColumns()][];
    int capacity = -1;
    long firstRow = 0;
    while (blocks.hasNext()) {
      ColumnBlock block = blocks.next();
      int rows = block.rows;
      if (rows != capacity) {
        // Generated batch methods take whole arrays, so the work arrays match the block.
        capacity = rows;
        for (int k = 0; k < count; k++) {
          eta[k] = new double[rows];
          gradient[k] = new double[rows];
        }
        if (withHessian) {
          rowHessian = new double[rows * count * count];
          weight = new double[rows];
          weighted = new double[rows];
        }
      }
      System.arraycopy(block.columns, 0, data, 0, data.length);
      BlockAlgebra.eta(layout, beta, block, eta);
      for (double[] g : gradient) {
        Arrays.fill(g, 0.0);
      }
      if (withHessian) {
        Arrays.fill(rowHessian, 0.0);
      }
      try {
        blockSums[0] = kernel.lossGradientHessian(
            new Block(data, eta, gradient, rowHessian, rows));
      } catch (IllegalArgumentException e) {
        // The generated code numbers rows within the block; say which block that is.
        TaskContext task = TaskContext.get();
        throw new IllegalArgumentException("in partition "
            + (task == null ? "?" : task.partitionId()) + ", the block of rows [" + firstRow
            + ", " + (firstRow + rows) + "), whose row numbers follow: " + e.getMessage(), e);
      }
      firstRow += rows;
      BlockAlgebra.gradient(layout, block, gradient, blockSums);
      if (withHessian) {
        BlockAlgebra.hessian(layout, block, rowHessian, weight, weighted, blockSums);
      }
      sums.addAll(blockSums);
    }
    return Collections.singletonList(sums).iterator();
  }
}
