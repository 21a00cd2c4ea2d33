package dev.likelihood.benchmarks;

import dev.likelihood.runtime.Reduction;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The speed-up of the generated {@code ForkJoinPool} overload over the sequential batch method:
 * POISSON-LOG {@code lossAndGradient} with MEAN over 10^7 rows, sequentially and on pools of
 * {@code threads} workers. The score is ns per row; the speed-up is the sequential score over the
 * pool's, both from one run. The setup checks that every pool returns the sequential loss to the
 * bit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(ParallelBatchBenchmark.ROWS)
public class ParallelBatchBenchmark {

  /** Rows per call, and per invocation. */
  public static final int ROWS = 10_000_000;

  /** Workers of the pool for {@link #pool}. */
  @Param({"1", "2"})
  public int threads;

  private int[] count;
  private double[] eta;
  private double[] gradEta;
  private ForkJoinPool forkJoinPool;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(20261122L);
    count = new int[ROWS];
    eta = new double[ROWS];
    gradEta = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      eta[i] = 1.0 + 0.5 * (random.nextDouble() - 0.5);
      count[i] = (int) Math.round(Math.exp(eta[i]) * (0.5 + random.nextDouble()));
    }
    forkJoinPool = new ForkJoinPool(threads);
    double sequential = sequential();
    double parallel = pool();
    if (Double.doubleToRawLongBits(sequential) != Double.doubleToRawLongBits(parallel)) {
      throw new IllegalStateException("pool of " + threads + ": " + parallel + " vs " + sequential);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    forkJoinPool.shutdown();
  }

  @Benchmark
  public double sequential() {
    return ParallelCountsLoss.lossAndGradient(Reduction.MEAN, 0, ROWS, count, eta, gradEta);
  }

  @Benchmark
  public double pool() {
    return ParallelCountsLoss.lossAndGradient(forkJoinPool, Reduction.MEAN, 0, ROWS, count, eta, gradEta);
  }
}
