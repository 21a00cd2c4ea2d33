package dev.likelihood.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Seeded synthetic data sets with known true coefficients, as named double columns, for the
 * tests, the throughput measurement and the example job: the same rows go into a Spark Dataset
 * and into the single-machine fitter.
 *
 * <p>Row i is drawn from its own generator seeded by (seed, i), so the executors generate their
 * partitions themselves ({@code spark.range} and a map), as a file source reads its splits:
 * a Dataset built from a driver-side list would ship its rows inside every task of every
 * iteration, and measure that instead of the fit.
 */
public final class SyntheticData {

  /** The true rate coefficients of {@link #claims}: intercept, age, urban. */
  public static final double[] CLAIMS_TRUTH = {-1.0, 0.5, 0.3};
  /** The true coefficients of {@link #readings}: mean (intercept, x, z), log sigma (intercept, x). */
  public static final double[] READINGS_TRUTH = {1.0, 2.0, -0.5, -0.5, 0.4};

  /** Draws one row's values from that row's own generator. */
  private interface RowDraw extends Serializable {
    void draw(SplittableRandom random, double[] values);
  }

  private final String[] names;
  private final int rows;
  private final long seed;
  private final RowDraw draw;
  /** The rows as local columns, drawn on first use (a Dataset alone needs none). */
  private double[][] columns;

  private SyntheticData(String[] names, int rows, long seed, RowDraw draw) {
    if (rows < 1) {
      throw new IllegalArgumentException("rows = " + rows + " but at least 1 is needed");
    }
    this.names = names;
    this.rows = rows;
    this.seed = seed;
    this.draw = draw;
  }

  /**
   * Claim counts: age ~ U(-1, 1) (standardised), urban ~ Bernoulli(0.4), exposure ~ U(0.1, 2)
   * years, claims ~ Poisson(exposure exp(-1 + 0.5 age + 0.3 urban)). Columns claims, age,
   * urban, logExposure.
   */
  public static SyntheticData claims(int rows, long seed) {
    return new SyntheticData(new String[] {"claims", "age", "urban", "logExposure"}, rows, seed,
        (random, v) -> {
          double age = random.nextDouble(-1, 1);
          double urban = random.nextDouble() < 0.4 ? 1 : 0;
          double logExposure = Math.log(random.nextDouble(0.1, 2.0));
          double[] t = CLAIMS_TRUTH;
          v[0] = poisson(random, Math.exp(logExposure + t[0] + t[1] * age + t[2] * urban));
          v[1] = age;
          v[2] = urban;
          v[3] = logExposure;
        });
  }

  /**
   * Heteroscedastic readings: x ~ U(-2, 2), z ~ N(0, 1), value ~ N(1 + 2x - 0.5z,
   * exp(-0.5 + 0.4x)^2). Columns value, x, z.
   */
  public static SyntheticData readings(int rows, long seed) {
    return new SyntheticData(new String[] {"value", "x", "z"}, rows, seed, (random, v) -> {
      double x = random.nextDouble(-2, 2);
      double z = gaussian(random);
      double[] t = READINGS_TRUTH;
      v[0] = t[0] + t[1] * x + t[2] * z + Math.exp(t[3] + t[4] * x) * gaussian(random);
      v[1] = x;
      v[2] = z;
    });
  }

  public int rows() {
    return rows;
  }

  /** A column, shared: do not write it. */
  public double[] column(String name) {
    int index = Arrays.asList(names).indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no column '" + name + "'; the columns are "
          + Arrays.toString(names));
    }
    return columns()[index];
  }

  private synchronized double[][] columns() {
    if (columns == null) {
      columns = new double[names.length][rows];
      double[] values = new double[names.length];
      for (int i = 0; i < rows; i++) {
        draw.draw(random(seed, i), values);
        for (int j = 0; j < values.length; j++) {
          columns[j][i] = values[j];
        }
      }
    }
    return columns;
  }

  /** The design matrix [1, features...], row by row, for the single-machine fitter. */
  public double[][] designWithIntercept(String... features) {
    double[][] x = new double[rows][features.length + 1];
    for (int j = 0; j < features.length; j++) {
      double[] column = column(features[j]);
      for (int i = 0; i < rows; i++) {
        x[i][j + 1] = column[i];
      }
    }
    for (double[] row : x) {
      row[0] = 1;
    }
    return x;
  }

  /**
   * The same rows as a Dataset of double columns, generated on the executors in
   * {@code partitions} contiguous ranges of row numbers.
   */
  public Dataset<Row> toDataset(SparkSession spark, int partitions) {
    List<StructField> fields = new ArrayList<>();
    for (String name : names) {
      fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
    }
    return spark.range(0, rows, 1, partitions).map(new DrawRow(names.length, seed, draw),
        Encoders.row(DataTypes.createStructType(fields)));
  }

  /** Row number to row, on an executor. */
  private static final class DrawRow implements MapFunction<Long, Row> {
    private final int width;
    private final long seed;
    private final RowDraw draw;

    DrawRow(int width, long seed, RowDraw draw) {
      this.width = width;
      this.seed = seed;
      this.draw = draw;
    }

    @Override
    public Row call(Long row) {
      double[] values = new double[width];
      draw.draw(random(seed, row), values);
      Object[] boxed = new Object[width];
      for (int j = 0; j < width; j++) {
        boxed[j] = values[j];
      }
      return RowFactory.create(boxed);
    }
  }

  /** Row i's generator: SplittableRandom mixes its seed, so neighbouring rows are unrelated. */
  private static SplittableRandom random(long seed, long row) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + row);
  }

  /** Inversion, summing the pmf from 0: exact enough for the small means here. */
  private static double poisson(SplittableRandom random, double mean) {
    double u = random.nextDouble();
    double p = Math.exp(-mean);
    double cdf = p;
    int k = 0;
    while (u > cdf && k < 1000) {
      k++;
      p *= mean / k;
      cdf += p;
    }
    return k;
  }

  /** Box-Muller, one of the pair. */
  private static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
