package dev.likelihood.runtime;

import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Runs a batch's rows in fixed chunks, on a {@link ForkJoinPool} or in the calling thread, so
 * that the result does not depend on the parallelism.
 *
 * <p>Rows {@code [from, to)} are cut into chunks of {@link #CHUNK_ROWS} rows counted from {@code
 * from} (the last one shorter): the boundaries depend on {@code from} and {@code to} only. Each
 * chunk's compensated sum is computed independently, and the chunk sums are added in chunk order
 * with Neumaier's compensation. The generated sequential batch methods do exactly this in one
 * thread, so a loss computed with a pool of 1, 2 or 64 threads, or without one, is the same double
 * to the last bit, and so is every gradient entry (each row's gradient is written by one chunk).
 *
 * <p>The parallel path allocates O(to - from / CHUNK_ROWS) small objects per call (tasks and the
 * array of chunk sums); the sequential path allocates nothing.
 */
public final class ParallelBatch {

  /**
   * Rows per chunk. Part of the result's definition: changing it changes the rounding of every
   * batch sum longer than one chunk. 4,096 rows of the cheapest family take about 10 µs, enough
   * to pay for a task; 10^7 rows make 2,442 chunks, enough to balance any pool.
   */
  public static final int CHUNK_ROWS = 4096;

  /** The compensated sum over rows {@code [from, to)} of one chunk, writing its rows' gradients. */
  @FunctionalInterface
  public interface Rows {
    double sum(int from, int to);
  }

  private ParallelBatch() {}

  /** The end of the chunk that starts at {@code start}, for a batch ending at {@code to}. */
  public static int chunkEnd(int start, int to) {
    return to - start > CHUNK_ROWS ? start + CHUNK_ROWS : to;
  }

  /**
   * The sum over rows {@code [from, to)}: the chunks' sums computed on {@code pool} and added in
   * chunk order. An exception thrown by a chunk is rethrown as it was (the one of the earliest
   * failing chunk, the same the sequential loop would throw), after every chunk has finished.
   */
  public static double sum(ForkJoinPool pool, int from, int to, Rows rows) {
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(rows, "rows");
    if (to < from) {
      throw new IndexOutOfBoundsException("from " + from + " > to " + to);
    }
    int chunks = (int) ((to - (long) from + CHUNK_ROWS - 1) / CHUNK_ROWS);
    Chunks task = new Chunks(rows, from, to, 0, chunks, new double[chunks], new RuntimeException[chunks]);
    pool.invoke(task);
    for (RuntimeException failure : task.failures) {
      if (failure != null) {
        throw failure;
      }
    }
    return CompensatedSum.of(task.sums, 0, chunks);
  }

  /** Chunks {@code [first, last)}, split in halves until one is left. */
  private static final class Chunks extends RecursiveAction {

    private static final long serialVersionUID = 1L;

    private final transient Rows rows;
    private final int from;
    private final int to;
    private final int first;
    private final int last;
    private final double[] sums;
    private final RuntimeException[] failures;

    Chunks(Rows rows, int from, int to, int first, int last, double[] sums, RuntimeException[] failures) {
      this.rows = rows;
      this.from = from;
      this.to = to;
      this.first = first;
      this.last = last;
      this.sums = sums;
      this.failures = failures;
    }

    @Override
    protected void compute() {
      if (last - first > 1) {
        int middle = (first + last) >>> 1;
        invokeAll(
            new Chunks(rows, from, to, first, middle, sums, failures),
            new Chunks(rows, from, to, middle, last, sums, failures));
        return;
      }
      if (first == last) {
        return; // an empty batch
      }
      int start = from + first * CHUNK_ROWS;
      try {
        sums[first] = rows.sum(start, chunkEnd(start, to));
      } catch (RuntimeException e) {
        failures[first] = e; // kept, not thrown: join would wrap it and the caller reorders them
      }
    }
  }
}
