package dev.likelihood.samples.families;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.likelihood.runtime.ParallelBatch;
import dev.likelihood.runtime.Reduction;
import dev.likelihood.samples.WeightedCountLoss;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code ForkJoinPool} overloads: for pools of 1, 2 and 8 threads the loss and
 * every gradient entry are bit-identical to each other and to the sequential overload (the same
 * fixed chunks, summed in the same order), over batches of several chunks, for a weighted scalar
 * record, a weighted CATEGORICAL, a Cholesky MVN (packed triangle, width given) and a ranking.
 */
class ParallelBatchTest {

  private static final ForkJoinPool[] POOLS = {new ForkJoinPool(1), new ForkJoinPool(2), new ForkJoinPool(8)};

  private final Random random = new Random(20261122);

  @AfterAll
  static void shutDown() {
    for (ForkJoinPool pool : POOLS) {
      pool.shutdown();
    }
  }

  /** One batch call: the loss, with its gradient columns (already allocated) filled. */
  private interface Call {
    double run(ForkJoinPool poolOrNull, Reduction reduction, double[][] gradients);
  }

  /**
   * Runs the call sequentially and on every pool, with both reductions, and compares the bits.
   * The gradient columns start filled with a sentinel, so rows outside [from, to) must keep it.
   */
  private static void assertBitIdentical(Call call, int... gradientLengths) {
    for (Reduction reduction : Reduction.values()) {
      double[][] expected = sentinels(gradientLengths);
      double sequential = call.run(null, reduction, expected);
      for (ForkJoinPool pool : POOLS) {
        double[][] got = sentinels(gradientLengths);
        double parallel = call.run(pool, reduction, got);
        String what = reduction + " on " + pool.getParallelism() + " threads";
        assertEquals(Double.doubleToRawLongBits(sequential), Double.doubleToRawLongBits(parallel),
            what + ": " + sequential + " vs " + parallel);
        for (int k = 0; k < got.length; k++) {
          assertArrayEquals(expected[k], got[k], what + ", gradient column " + k);
        }
      }
    }
  }

  private static double[][] sentinels(int... lengths) {
    double[][] columns = new double[lengths.length][];
    for (int k = 0; k < lengths.length; k++) {
      columns[k] = new double[lengths[k]];
      Arrays.fill(columns[k], -7.25);
    }
    return columns;
  }

  private double[] gaussians(int n, double sd) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = sd * random.nextGaussian();
    }
    return v;
  }

  @Test
  void weightedCountsOverThirteenChunks() {
    int n = 12 * ParallelBatch.CHUNK_ROWS + 123;
    long[] count = new long[n];
    double[] eta = gaussians(n, 2);
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      count[i] = random.nextInt(50);
      w[i] = random.nextDouble() * 3;
    }
    int from = 1000;
    int to = n - 17;
    assertBitIdentical((pool, reduction, g) -> pool == null
            ? WeightedCountLoss.lossAndGradient(reduction, from, to, count, eta, w, g[0])
            : WeightedCountLoss.lossAndGradient(pool, reduction, from, to, count, eta, w, g[0]),
        n);
    double sequential = WeightedCountLoss.loss(Reduction.MEAN, from, to, count, eta, w);
    for (ForkJoinPool pool : POOLS) {
      assertEquals(sequential, WeightedCountLoss.loss(pool, Reduction.MEAN, from, to, count, eta, w));
    }
  }

  @Test
  void weightedCategoricalRows() {
    int k = 7;
    int n = 3 * ParallelBatch.CHUNK_ROWS + 5;
    int[] label = new int[n];
    double[] weight = new double[n];
    for (int i = 0; i < n; i++) {
      label[i] = random.nextInt(k);
      weight[i] = random.nextDouble();
    }
    double[] logits = gaussians(n * k, 3);
    assertBitIdentical((pool, reduction, g) -> pool == null
            ? CategoricalWeightedLoss.lossAndGradient(reduction, 0, n, label, logits, weight, g[0])
            : CategoricalWeightedLoss.lossAndGradient(pool, reduction, 0, n, label, logits, weight, g[0]),
        n * k);
  }

  @Test
  void choleskyRowsWithTheWidthGiven() {
    int d = 4;
    int n = 2 * ParallelBatch.CHUNK_ROWS + 1;
    double[] y = gaussians(n * d, 1);
    double[] mu = gaussians(n * d, 1);
    double[] tril = gaussians(n * d * (d + 1) / 2, 0.3);
    assertBitIdentical((pool, reduction, g) -> pool == null
            ? MvnCholeskyLoss.lossAndGradient(reduction, d, 3, n, y, mu, tril, g[0], g[1])
            : MvnCholeskyLoss.lossAndGradient(pool, reduction, d, 3, n, y, mu, tril, g[0], g[1]),
        n * d, n * d * (d + 1) / 2);
  }

  @Test
  void rankingRows() {
    int k = 6;
    int n = 2 * ParallelBatch.CHUNK_ROWS + 99;
    int[] ranking = new int[n * k];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        ranking[i * k + j] = (j + i) % k;
      }
    }
    double[] scores = gaussians(n * k, 1);
    assertBitIdentical((pool, reduction, g) -> pool == null
            ? RankingLoss.lossAndGradient(reduction, k, 0, n, ranking, scores, g[0])
            : RankingLoss.lossAndGradient(pool, reduction, k, 0, n, ranking, scores, g[0]),
        n * k);
  }

  /** Bad rows in the 3rd and 7th chunks: every pool reports the first, as the sequential loop. */
  @Test
  void theEarliestBadRowIsReportedWhateverThePool() {
    int n = 8 * ParallelBatch.CHUNK_ROWS;
    long[] count = new long[n];
    double[] eta = new double[n];
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    int first = 2 * ParallelBatch.CHUNK_ROWS + 17;
    count[first] = -3;
    count[6 * ParallelBatch.CHUNK_ROWS + 1] = -4;
    String expected =
        assertThrows(IllegalArgumentException.class,
            () -> WeightedCountLoss.lossAndGradient(Reduction.SUM, count, eta, w, new double[n])).getMessage();
    assertEquals(true, expected.contains(String.valueOf(first)), expected);
    for (ForkJoinPool pool : POOLS) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> WeightedCountLoss.lossAndGradient(pool, Reduction.SUM, 0, n, count, eta, w, new double[n]));
      assertEquals(expected, e.getMessage());
    }
  }

  @Test
  void emptyRangeAndNullPool() {
    double[] none = new double[0];
    assertEquals(0.0, WeightedCountLoss.loss(POOLS[1], Reduction.SUM, 0, 0, new long[0], none, none));
    assertEquals(Double.NaN, WeightedCountLoss.loss(POOLS[1], Reduction.MEAN, 0, 0, new long[0], none, none));
    assertThrows(NullPointerException.class,
        () -> WeightedCountLoss.loss(null, Reduction.SUM, 0, 0, new long[0], none, none));
  }
}
