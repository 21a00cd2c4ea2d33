package dev.likelihood.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Seeded synthetic data sets with known true coefficients, as named double columns, for the
 * tests, the throughput measurement and the example job: the same rows go into a Spark Dataset
 * and into the single-machine fitter.
 */
public final class SyntheticData {

  /** The true rate coefficients of {@link #claims}: intercept, age, urban. */
  public static final double[] CLAIMS_TRUTH = {-1.0, 0.5, 0.3};
  /** The true coefficients of {@link #readings}: mean (intercept, x, z), log sigma (intercept, x). */
  public static final double[] READINGS_TRUTH = {1.0, 2.0, -0.5, -0.5, 0.4};

  private final String[] names;
  private final double[][] columns;

  private SyntheticData(String[] names, double[][] columns) {
    this.names = names;
    this.columns = columns;
  }

  /**
   * Claim counts: age ~ U(-1, 1) (standardised), urban ~ Bernoulli(0.4), exposure ~ U(0.1, 2)
   * years, claims ~ Poisson(exposure exp(-1 + 0.5 age + 0.3 urban)). Columns claims, age,
   * urban, logExposure.
   */
  public static SyntheticData claims(int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] c = new double[4][rows];
    for (int i = 0; i < rows; i++) {
      double age = random.nextDouble(-1, 1);
      double urban = random.nextDouble() < 0.4 ? 1 : 0;
      double logExposure = Math.log(random.nextDouble(0.1, 2.0));
      double mean = Math.exp(logExposure + CLAIMS_TRUTH[0] + CLAIMS_TRUTH[1] * age
          + CLAIMS_TRUTH[2] * urban);
      c[0][i] = poisson(random, mean);
      c[1][i] = age;
      c[2][i] = urban;
      c[3][i] = logExposure;
    }
    return new SyntheticData(new String[] {"claims", "age", "urban", "logExposure"}, c);
  }

  /**
   * Heteroscedastic readings: x ~ U(-2, 2), z ~ N(0, 1), value ~ N(1 + 2x - 0.5z,
   * exp(-0.5 + 0.4x)^2). Columns value, x, z.
   */
  public static SyntheticData readings(int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] c = new double[3][rows];
    double[] t = READINGS_TRUTH;
    for (int i = 0; i < rows; i++) {
      double x = random.nextDouble(-2, 2);
      double z = gaussian(random);
      c[0][i] = t[0] + t[1] * x + t[2] * z + Math.exp(t[3] + t[4] * x) * gaussian(random);
      c[1][i] = x;
      c[2][i] = z;
    }
    return new SyntheticData(new String[] {"value", "x", "z"}, c);
  }

  public int rows() {
    return columns[0].length;
  }

  /** A column, shared: do not write it. */
  public double[] column(String name) {
    int index = Arrays.asList(names).indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no column '" + name + "'; the columns are "
          + Arrays.toString(names));
    }
    return columns[index];
  }

  /** The design matrix [1, features...], row by row, for the single-machine fitter. */
  public double[][] designWithIntercept(String... features) {
    double[][] x = new double[rows()][features.length + 1];
    for (int j = 0; j < features.length; j++) {
      double[] column = column(features[j]);
      for (int i = 0; i < rows(); i++) {
        x[i][j + 1] = column[i];
      }
    }
    for (double[] row : x) {
      row[0] = 1;
    }
    return x;
  }

  /** These rows as a Dataset of double columns in {@code partitions} contiguous slices. */
  public Dataset<Row> toDataset(SparkSession spark, int partitions) {
    List<Row> rows = new ArrayList<>(rows());
    for (int i = 0; i < rows(); i++) {
      Object[] values = new Object[names.length];
      for (int j = 0; j < names.length; j++) {
        values[j] = columns[j][i];
      }
      rows.add(RowFactory.create(values));
    }
    List<StructField> fields = new ArrayList<>();
    for (String name : names) {
      fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return spark.createDataFrame(context.parallelize(rows, partitions),
        DataTypes.createStructType(fields));
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
