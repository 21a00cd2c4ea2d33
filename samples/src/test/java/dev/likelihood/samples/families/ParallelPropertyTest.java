package dev.likelihood.samples.families;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.likelihood.runtime.ParallelBatch;
import dev.likelihood.runtime.Reduction;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code ForkJoinPool} overloads of every record in {@link FamilyCases}: over more than
 * three chunks of {@link ParallelBatch#CHUNK_ROWS} rows (sensible and wide rows mixed), MEAN over
 * the whole batch and SUM over a slice, pools of 1, 2 and 8 threads return the sequential
 * overload's loss and every gradient entry to the bit (the sign of zero included), and leave the
 * rows outside the slice untouched.
 */
class ParallelPropertyTest {

  private static final ForkJoinPool[] POOLS = {new ForkJoinPool(1), new ForkJoinPool(2), new ForkJoinPool(8)};
  private static final double SENTINEL = -7.25;

  @AfterAll
  static void shutDown() {
    for (ForkJoinPool pool : POOLS) {
      pool.shutdown();
    }
  }

  @TestFactory
  Stream<DynamicTest> poolsGiveTheSequentialBits() {
    return FamilyCases.all().stream().map(c -> DynamicTest.dynamicTest(c.name, () -> check(c)));
  }

  private static void check(LossCase c) {
    Random random = c.random("parallel");
    int n = 3 * ParallelBatch.CHUNK_ROWS + 1 + random.nextInt(ParallelBatch.CHUNK_ROWS / 4);
    int k = 1 + random.nextInt(5);
    List<Object[]> rows = c.rows(random, n / 2, false, k);
    rows.addAll(c.rows(random, n - n / 2, true, k));
    java.util.Collections.shuffle(rows, random);
    LossCase.Batch batch = c.batch(rows);
    // MEAN over all rows, SUM over a slice that cuts the first and last chunks
    int[][] ranges = {{0, n}, {1 + random.nextInt(1000), n - random.nextInt(1000)}};
    Reduction[] reductions = {Reduction.MEAN, Reduction.SUM};
    for (int r = 0; r < 2; r++) {
      int[] range = ranges[r];
      {
        Reduction reduction = reductions[r];
        String what = c.name + " " + reduction + " rows [" + range[0] + ", " + range[1] + ") of " + n
            + " (k = " + k + ", seed " + LossCase.SEED + ")";
        double sequential = c.loss(null, reduction, range[0], range[1], batch);
        double[][] expected = batch.gradients(SENTINEL);
        double sequentialBoth = c.lossAndGradient(null, reduction, range[0], range[1], batch, expected);
        assertBits(sequential, sequentialBoth, "lossAndGradient vs loss, " + what);
        for (ForkJoinPool pool : POOLS) {
          String on = what + " on " + pool.getParallelism() + " threads";
          assertBits(sequential, c.loss(pool, reduction, range[0], range[1], batch), "loss, " + on);
          double[][] got = batch.gradients(SENTINEL);
          assertBits(sequential, c.lossAndGradient(pool, reduction, range[0], range[1], batch, got), "lossAndGradient, " + on);
          for (int p = 0; p < got.length; p++) {
            for (int x = 0; x < got[p].length; x++) {
              if (Double.doubleToRawLongBits(expected[p][x]) != Double.doubleToRawLongBits(got[p][x])) {
                assertEquals(expected[p][x], got[p][x], "gradient column " + p + " entry " + x + ", " + on);
                assertEquals(Double.doubleToRawLongBits(expected[p][x]), Double.doubleToRawLongBits(got[p][x]),
                    "the sign of zero, gradient column " + p + " entry " + x + ", " + on);
              }
            }
          }
        }
      }
    }
  }

  private static void assertBits(double expected, double actual, String message) {
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
        message + ": " + expected + " vs " + actual);
  }
}
