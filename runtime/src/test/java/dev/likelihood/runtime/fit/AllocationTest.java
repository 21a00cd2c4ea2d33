package dev.likelihood.runtime.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Iterations allocate nothing: the bytes a fit allocates on its thread (ThreadMXBean) do not grow
 * with the number of iterations. Fits of 20 and 200 iterations are compared after warm-up, so
 * what is allocated once per fit (work arrays, the result, its messages) cancels.
 */
class AllocationTest {

  private static final int FEW = 20;
  private static final int MANY = 200;

  /** Sum of b_k^4 over 3 rows, eta = b: Newton's error only shrinks by 2/3 an iteration. */
  private static final ColumnCurvature QUARTIC = (eta, g, h) -> {
    double sum = 0;
    for (int i = 0; i < eta[0].length; i++) {
      double b = eta[0][i];
      sum += b * b * b * b;
      g[0][i] = 4 * b * b * b;
      h[i] = 12 * b * b;
    }
    return sum;
  };

  /**
   * sum c_k (v_k - 1)^2 / 2 over a 1-row predictor of width 200, c from 1 to 1e6: L-BFGS needs
   * thousands of iterations, so every fit below runs to its limit.
   */
  private static final ColumnLoss QUADRATIC = (eta, g) -> {
    double[] v = eta[0];
    double sum = 0;
    for (int k = 0; k < v.length; k++) {
      double c = Math.pow(10, 6.0 * k / (v.length - 1));
      sum += 0.5 * c * (v[k] - 1) * (v[k] - 1);
      g[0][k] = c * (v[k] - 1);
    }
    return sum;
  };

  @Test
  void newtonIterationsAllocateNothing() {
    Fitter fitter = Fitter.of(Predictor.of("b", new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}))
        .quiet().tolerance(0).start(new double[] {1, -2, 3});
    assertFlat(n -> fitter.maxIterations(n).newton(QUARTIC));
  }

  @Test
  void lbfgsIterationsAllocateNothing() {
    Fitter fitter = Fitter.of(Predictor.intercept("v", 1).withWidth(200)).quiet().tolerance(0);
    assertFlat(n -> fitter.maxIterations(n).lbfgs(QUADRATIC));
  }

  private interface Fit {
    FitResult run(int maxIterations);
  }

  private static void assertFlat(Fit fit) {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported());
    long id = Thread.currentThread().getId();
    for (int warm = 0; warm < 30; warm++) {
      fit.run(FEW);
      fit.run(MANY);
    }
    long[] few = measure(threads, id, () -> fit.run(FEW));
    long[] many = measure(threads, id, () -> fit.run(MANY));
    assertEquals(FEW, few[1], "the short fit must use all its iterations");
    assertEquals(MANY, many[1], "the long fit must use all its iterations");
    long extra = many[0] - few[0];
    // 180 more iterations; a single boxed double each would be 2,880 bytes.
    assertTrue(extra < 256, "180 more iterations allocated " + extra + " more bytes ("
        + few[0] + " vs " + many[0] + ")");
  }

  /** The fewest bytes of 5 runs (other threads' JIT work can leak a few), and iterations. */
  private static long[] measure(com.sun.management.ThreadMXBean threads, long id,
      Supplier<FitResult> run) {
    long best = Long.MAX_VALUE;
    int iterations = 0;
    for (int repeat = 0; repeat < 5; repeat++) {
      long before = threads.getThreadAllocatedBytes(id);
      FitResult result = run.get();
      long after = threads.getThreadAllocatedBytes(id);
      best = Math.min(best, after - before);
      iterations = result.iterations();
    }
    return new long[] {best, iterations};
  }
}
