package dev.likelihood.benchmarks;

import dev.likelihood.runtime.StableMath;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The runtime primitives the generated losses spend their time in, per call: the JDK's {@code
 * Math.log1p} against {@code StableMath.log1p} (Math.log(1 + x) with Goldberg's correction), and
 * {@code Math.exp} and {@code Math.log} for scale. Arguments in (-0.5, 1), where log1p matters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(PrimitivesBenchmark.N)
public class PrimitivesBenchmark {

  static final int N = 4096;

  private final double[] x = new double[N];

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < N; i++) {
      x[i] = random.nextDouble() * 1.5 - 0.5;
    }
  }

  @Benchmark
  public double jdkLog1p() {
    double s = 0;
    for (double v : x) {
      s += Math.log1p(v);
    }
    return s;
  }

  @Benchmark
  public double stableLog1p() {
    double s = 0;
    for (double v : x) {
      s += StableMath.log1p(v);
    }
    return s;
  }

  @Benchmark
  public double jdkLog() {
    double s = 0;
    for (double v : x) {
      s += Math.log(1.0 + v);
    }
    return s;
  }

  @Benchmark
  public double jdkExp() {
    double s = 0;
    for (double v : x) {
      s += Math.exp(v);
    }
    return s;
  }
}
