package dev.likelihood.spark;

import dev.likelihood.runtime.fit.FitResult;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The example job for spark-submit: fits the claims model (Poisson, log link, log exposure as
 * offset, rate ~ 1 + age + urban) over a Parquet data set with columns claims, age, urban and
 * logExposure, or over generated rows, by Newton (IRLS), and prints the fit with its standard
 * errors.
 *
 * <pre>
 * spark-submit --class dev.likelihood.spark.ClaimsJob ... likelihood-spark.jar s3a://bucket/claims/
 * spark-submit --class dev.likelihood.spark.ClaimsJob ... likelihood-spark.jar --synthetic 100000000 400
 * </pre>
 * The master, executors and JVM flags come from spark-submit; nothing is set here.
 */
public final class ClaimsJob {

  private ClaimsJob() {}

  public static void main(String[] args) {
    if (args.length == 0 || (args[0].equals("--synthetic") && args.length < 2)) {
      System.err.println("usage: ClaimsJob <parquet path> | --synthetic <rows> [partitions]");
      System.exit(2);
    }
    SparkSession spark = SparkSession.builder().appName("likelihood-claims").getOrCreate();
    try {
      Dataset<Row> data;
      if (args[0].equals("--synthetic")) {
        int rows = Integer.parseInt(args[1]);
        int partitions = args.length > 2 ? Integer.parseInt(args[2])
            : spark.sparkContext().defaultParallelism();
        data = SyntheticData.claims(rows, 42).toDataset(spark, partitions);
      } else {
        data = spark.read().parquet(args[0]);
      }
      try (SparkGlm glm = SparkGlm.of(data, SampleModels.CLAIMS_DATA,
          SampleModels.CLAIMS_RATE)) {
        FitResult fit = glm.newton(SampleModels.CLAIMS_CURVATURE);
        System.out.println(fit);
      }
    } finally {
      spark.stop();
    }
  }
}
