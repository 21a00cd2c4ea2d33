package dev.likelihood.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** The chunking contract of ParallelBatch: fixed boundaries from {@code from}, order of errors. */
class ParallelBatchTest {

  private static final int CHUNK = ParallelBatch.CHUNK_ROWS;

  @Test
  void chunksStartAtFromAndHaveFixedLength() {
    ConcurrentSkipListSet<List<Integer>> seen = new ConcurrentSkipListSet<>(
        (a, b) -> a.get(0).equals(b.get(0)) ? a.get(1) - b.get(1) : a.get(0) - b.get(0));
    ForkJoinPool pool = new ForkJoinPool(3);
    try {
      int from = 5;
      int to = from + 2 * CHUNK + 10;
      double sum = ParallelBatch.sum(pool, from, to, (a, b) -> {
        seen.add(List.of(a, b));
        return b - a;
      });
      assertEquals(to - from, sum);
      assertEquals(
          List.of(List.of(from, from + CHUNK), List.of(from + CHUNK, from + 2 * CHUNK),
              List.of(from + 2 * CHUNK, to)),
          List.copyOf(seen));
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void chunkEndNeverPassesTheEndOrOverflows() {
    assertEquals(CHUNK, ParallelBatch.chunkEnd(0, Integer.MAX_VALUE));
    assertEquals(Integer.MAX_VALUE, ParallelBatch.chunkEnd(Integer.MAX_VALUE - 3, Integer.MAX_VALUE));
    assertEquals(7, ParallelBatch.chunkEnd(0, 7));
  }

  /** The chunk sums are added with compensation: 1e16 + 1 + ... - 1e16 keeps every 1. */
  @Test
  void chunkSumsAreAddedWithCompensation() {
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      int chunks = 10;
      double sum = ParallelBatch.sum(pool, 0, chunks * CHUNK, (a, b) -> {
        int chunk = a / CHUNK;
        return chunk == 0 ? 1e16 : chunk == chunks - 1 ? -1e16 : 1.0;
      });
      assertEquals(chunks - 2, sum);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void theEarliestChunksExceptionIsRethrownAsItWas() {
    ForkJoinPool pool = new ForkJoinPool(4);
    try {
      IllegalArgumentException early = new IllegalArgumentException("chunk 2");
      IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
          () -> ParallelBatch.sum(pool, 0, 9 * CHUNK, (a, b) -> {
            if (a == 2 * CHUNK) {
              throw early;
            }
            if (a == 7 * CHUNK) {
              throw new IllegalArgumentException("chunk 7");
            }
            return 1.0;
          }));
      assertSame(early, thrown);
      assertThrows(IndexOutOfBoundsException.class, () -> ParallelBatch.sum(pool, 3, 2, (a, b) -> 0.0));
      assertEquals(0.0, ParallelBatch.sum(pool, 4, 4, (a, b) -> 1.0));
    } finally {
      pool.shutdown();
    }
  }
}
