package dev.likelihood.spark;

import dev.likelihood.runtime.fit.FitResult;
import dev.likelihood.runtime.fit.Fitter;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * Measures rows per second per core of a fit: Spark in local mode against the single-machine
 * runtime fitter, same rows, same optimiser (Newton, then L-BFGS), same number of iterations
 * (tolerance 0, a fixed iteration limit), after warm-up; prints the median of several
 * repetitions. A measurement, not
 * a test: see spark/README.md for the command and the numbers.
 *
 * <p>Arguments: rows (default 1,000,000), partitions (4), iterations (10), repetitions (5),
 * master (local[2]).
 */
public final class Throughput {

  private Throughput() {}

  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int repetitions = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    String master = args.length > 4 ? args[4] : "local[2]";
    SparkSession spark = SparkSession.builder().master(master).appName("likelihood-throughput")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
    int sparkCores = spark.sparkContext().defaultParallelism();
    try {
      SyntheticData claims = SyntheticData.claims(rows, 42);
      UnaryOperator settings = f -> f.quiet().tolerance(0).maxIterations(iterations);
      Fitter local = settings.apply(Fitter.of(SampleModels.claimsPredictors(claims)));
      report("Poisson Newton, single machine, 1 core", rows, 1, repetitions,
          () -> local.newton(SampleModels.claimsCurvature(claims)));
      report("Poisson L-BFGS, single machine, 1 core", rows, 1, repetitions,
          () -> local.lbfgs(SampleModels.claimsLoss(claims)));
      try (SparkGlm glm = SparkGlm.of(claims.toDataset(spark, partitions),
          SampleModels.CLAIMS_DATA, SampleModels.CLAIMS_RATE)) {
        String where = "Spark " + master + ", " + partitions + " partitions";
        report("Poisson Newton, " + where, rows, sparkCores, repetitions,
            () -> glm.newton(SampleModels.CLAIMS_CURVATURE, settings));
        report("Poisson L-BFGS, " + where, rows, sparkCores, repetitions,
            () -> glm.lbfgs(SampleModels.CLAIMS_GRADIENT, settings));
      }
    } finally {
      spark.stop();
    }
  }

  /** f -> configured f, spelled once for both fits. */
  private interface UnaryOperator extends java.util.function.UnaryOperator<Fitter> {}

  private static void report(String what, int rows, int cores, int repetitions,
      Supplier<FitResult> fit) {
    fit.get(); // warm-up: JIT, and for Spark the cached blocks
    fit.get();
    double[] rates = new double[repetitions];
    int evaluations = 0;
    for (int r = 0; r < repetitions; r++) {
      long start = System.nanoTime();
      FitResult result = fit.get();
      double seconds = (System.nanoTime() - start) / 1e9;
      evaluations = result.evaluations();
      rates[r] = (double) rows * evaluations / seconds / cores;
    }
    Arrays.sort(rates);
    System.out.printf(Locale.ROOT, "%-50s %2d evaluations: %6.1f M rows/s per core (median of"
        + " %d; min %.1f, max %.1f)%n", what, evaluations, rates[repetitions / 2] / 1e6,
        repetitions, rates[0] / 1e6, rates[repetitions - 1] / 1e6);
  }
}
