package dev.likelihood.spark;

import dev.likelihood.runtime.fit.FitResult;
import dev.likelihood.runtime.fit.Fitter;
import dev.likelihood.runtime.fit.Predictor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * Fits a GLM with a generated loss over a Spark Dataset: the rows stay on the executors, packed
 * once into cached column blocks; each evaluation broadcasts the coefficients, runs the
 * generated batch kernel block by block in every partition, {@code treeAggregate}s the
 * partitions' sums of loss, X^T g (and X^T H X) and hands them to the runtime's Newton or
 * L-BFGS on the driver ({@link Fitter#newtonInCoefficients}, {@link Fitter#lbfgsInCoefficients}),
 * the same optimisers as the single-machine {@link Fitter}.
 *
 * <pre>{@code
 * try (SparkGlm glm = SparkGlm.of(claims, List.of("claims", "logExposure"),
 *     PredictorColumns.of("rate", "age", "urban"))) {
 *   FitResult fit = glm.newton(b -> ClaimsLoss.lossGradientHessian(Reduction.SUM,
 *       b.data(0), b.eta(0), b.data(1), b.gradient(0), b.hessian()));
 * }
 * }</pre>
 *
 * <p>Close it to release the cached blocks. One fit at a time per instance.
 */
public final class SparkGlm implements AutoCloseable {

  /** The default rows per block: the generated code's chunk size, small enough for L1/L2. */
  public static final int DEFAULT_BLOCK_ROWS = 4096;
  /** The default depth of Spark's aggregation tree. */
  public static final int DEFAULT_TREE_DEPTH = 2;

  private final JavaSparkContext context;
  private final BlockLayout layout;
  private final Predictor[] named;
  private final JavaRDD<ColumnBlock> blocks;
  private final int treeDepth;

  private SparkGlm(JavaSparkContext context, BlockLayout layout, Predictor[] named,
      JavaRDD<ColumnBlock> blocks, int treeDepth) {
    this.context = context;
    this.layout = layout;
    this.named = named;
    this.blocks = blocks;
    this.treeDepth = treeDepth;
  }

  /** {@link #of(Dataset, int, List, PredictorColumns...)} with blocks of 4,096 rows. */
  public static SparkGlm of(Dataset<Row> data, List<String> dataColumns,
      PredictorColumns... predictors) {
    return of(data, DEFAULT_BLOCK_ROWS, dataColumns, predictors);
  }

  /**
   * Prepares a fit: the kernel reads {@code dataColumns} (as {@link Block#data}, in this order),
   * the predictors' eta are computed from their feature columns. All columns are cast to double.
   * The blocks are cached in memory (spilling to disk) when first used.
   *
   * @throws IllegalArgumentException with no predictors or data columns, a repeated predictor
   *     parameter or data column, a column that is not in the Dataset, or blockRows < 1
   */
  public static SparkGlm of(Dataset<Row> data, int blockRows, List<String> dataColumns,
      PredictorColumns... predictors) {
    if (data == null) {
      throw new IllegalArgumentException("the Dataset is null");
    }
    if (blockRows < 1) {
      throw new IllegalArgumentException("blockRows = " + blockRows + " but it must be >= 1");
    }
    if (dataColumns == null || dataColumns.isEmpty()) {
      throw new IllegalArgumentException("give the data columns the kernel reads (at least the"
          + " response)");
    }
    if (predictors == null || predictors.length == 0) {
      throw new IllegalArgumentException("a fit needs at least one predictor");
    }
    List<String> available = Arrays.asList(data.columns());
    List<String> distinct = new ArrayList<>();
    for (String column : dataColumns) {
      requireColumn(available, column, "data column");
      if (distinct.contains(column)) {
        throw new IllegalArgumentException("data column '" + column + "' is listed twice");
      }
      distinct.add(column);
    }
    Predictor[] named = new Predictor[predictors.length];
    for (int k = 0; k < predictors.length; k++) {
      if (predictors[k] == null) {
        throw new IllegalArgumentException("predictor " + k + " is null");
      }
      for (String feature : predictors[k].features()) {
        requireColumn(available, feature, "feature column of '" + predictors[k].parameter() + "'");
      }
      named[k] = predictors[k].named();
    }
    // Fitter.of checks the predictors against each other (e.g. a repeated parameter).
    Fitter.of(named);
    BlockLayout layout = new BlockLayout(distinct, predictors.clone());
    Column[] selected = new Column[layout.columnCount()];
    for (int j = 0; j < selected.length; j++) {
      selected[j] = functions.col(layout.column(j)).cast("double");
    }
    JavaRDD<ColumnBlock> blocks = data.select(selected).javaRDD()
        .mapPartitions(new BlockPacker(layout, blockRows))
        .persist(StorageLevel.MEMORY_AND_DISK());
    JavaSparkContext context = JavaSparkContext.fromSparkContext(
        data.sparkSession().sparkContext());
    return new SparkGlm(context, layout, named, blocks, DEFAULT_TREE_DEPTH);
  }

  /** This fit with another depth of the aggregation tree (2 suits up to thousands of partitions). */
  public SparkGlm treeDepth(int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("treeDepth = " + depth + " but it must be >= 1");
    }
    return new SparkGlm(context, layout, named, blocks, depth);
  }

  /** Newton (IRLS) with the fitter's defaults. */
  public FitResult newton(BlockCurvature kernel) {
    return newton(kernel, UnaryOperator.identity());
  }

  /**
   * Newton (IRLS) on the driver over the aggregated gradient and Hessian: one Spark job per
   * evaluation. {@code settings} configures the fitter (start, tolerance, iterations, progress)
   * as for a single-machine fit, e.g. {@code f -> f.tolerance(1e-10).quiet()}.
   */
  public FitResult newton(BlockCurvature kernel, UnaryOperator<Fitter> settings) {
    requireKernel(kernel);
    return settings.apply(Fitter.of(named)).newtonInCoefficients(
        (beta, gradient, hessian) -> lossGradientHessian(kernel, beta, gradient, hessian));
  }

  /** L-BFGS with the fitter's defaults. */
  public FitResult lbfgs(BlockLoss kernel) {
    return lbfgs(kernel, UnaryOperator.identity());
  }

  /** L-BFGS on the driver over the aggregated gradient: one Spark job per evaluation. */
  public FitResult lbfgs(BlockLoss kernel, UnaryOperator<Fitter> settings) {
    requireKernel(kernel);
    return settings.apply(Fitter.of(named)).lbfgsInCoefficients(
        (beta, gradient) -> lossAndGradient(kernel, beta, gradient));
  }

  /**
   * One evaluation over the whole Dataset: the summed loss at {@code coefficients}, its
   * gradient in them and the Hessian (size by size, row-major).
   */
  public double lossGradientHessian(BlockCurvature kernel, double[] coefficients,
      double[] gradient, double[] hessian) {
    requireKernel(kernel);
    requireLength("hessian", hessian, layout.size() * layout.size());
    return aggregate(kernel, true, coefficients, gradient, hessian);
  }

  /** One evaluation over the whole Dataset: the summed loss and its gradient. */
  public double lossAndGradient(BlockLoss kernel, double[] coefficients, double[] gradient) {
    requireKernel(kernel);
    return aggregate(block -> kernel.lossAndGradient(block), false, coefficients, gradient,
        null);
  }

  /** The number of coefficients, in the order of the predictors' blocks. */
  public int size() {
    return layout.size();
  }

  /** Releases the cached blocks. */
  @Override
  public void close() {
    blocks.unpersist(false);
  }

  private double aggregate(BlockCurvature kernel, boolean withHessian, double[] coefficients,
      double[] gradient, double[] hessian) {
    requireLength("coefficients", coefficients, layout.size());
    requireLength("gradient", gradient, layout.size());
    Broadcast<double[]> broadcast = context.broadcast(coefficients.clone());
    try {
      PartialSums total = blocks
          .mapPartitions(new PartitionPass(layout, kernel, withHessian, broadcast))
          .treeAggregate(new PartialSums(layout.size(), withHessian), PartialSums::merge,
              PartialSums::merge, treeDepth);
      return total.totals(gradient, hessian);
    } catch (Exception e) {
      // Scala throws the checked SparkException undeclared; anything else is rethrown as is.
      IllegalArgumentException input = TaskFailures.inputError(e);
      if (input != null) {
        throw input;
      }
      throw e;
    } finally {
      broadcast.destroy();
    }
  }

  private static void requireColumn(List<String> available, String column, String role) {
    if (column == null || !available.contains(column)) {
      throw new IllegalArgumentException(role + " '" + column + "' is not in the Dataset; its"
          + " columns are " + available);
    }
  }

  private static void requireKernel(Object kernel) {
    if (kernel == null) {
      throw new IllegalArgumentException("the kernel is null");
    }
  }

  private static void requireLength(String name, double[] array, int length) {
    if (array == null || array.length != length) {
      throw new IllegalArgumentException(name + " has " + (array == null ? "no array"
          : array.length + " entries") + " but the fit has " + length);
    }
  }
}
