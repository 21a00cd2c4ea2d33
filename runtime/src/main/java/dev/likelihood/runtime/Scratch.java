package dev.likelihood.runtime;

import java.util.Arrays;

/**
 * Per-thread working storage for the vector kernels ({@link PlackettLuce}, {@link
 * CholeskyNormal}), so that a call allocates nothing once its thread has seen the largest size it
 * will meet.
 *
 * <p>{@link #get} hands out this thread's holder with arrays of at least the requested lengths.
 * Every allocation (the holder on a thread's first call, a longer array when a call needs more)
 * happens in the one private method {@link #grow}, which a bytecode scan for allocation on hot
 * paths can exempt; the arrays grow at least twofold, so a thread grows them O(log n) times in all.
 *
 * <p>{@link #stamps} holds membership marks that need no clearing: a kernel takes a fresh
 * generation from {@link #nextGeneration} and treats {@code stamps[k] == generation} as "k is
 * marked in this call". Generations start at 1, so the zeros of a new array mark nothing; when
 * the counter would wrap, the array is cleared once and counting restarts.
 *
 * <p>A holder is valid until the thread's next {@code get}: a kernel must not call another
 * kernel that uses scratch while it holds one (none does), and must not keep the arrays.
 */
final class Scratch {

  private static final ThreadLocal<Scratch> LOCAL = new ThreadLocal<>();

  /** At least the requested length; contents are whatever the last user left. */
  double[] doubles;

  /** At least the requested length; contents are whatever the last user left. */
  int[] ints;

  /** Membership marks against {@link #nextGeneration()}; at least the requested length. */
  int[] stamps;

  private int generation;

  private Scratch() {}

  /** This thread's holder, its arrays at least the given lengths (each &gt;= 0). */
  static Scratch get(int doubleCapacity, int intCapacity, int stampCapacity) {
    Scratch scratch = LOCAL.get();
    if (scratch == null
        || scratch.doubles.length < doubleCapacity
        || scratch.ints.length < intCapacity
        || scratch.stamps.length < stampCapacity) {
      scratch = grow(scratch, doubleCapacity, intCapacity, stampCapacity);
    }
    return scratch;
  }

  /**
   * A generation no entry of {@link #stamps} holds yet: after this call no index is marked.
   * Clears the array when the counter would wrap (once per 2^31 - 1 calls).
   */
  int nextGeneration() {
    if (generation == Integer.MAX_VALUE) {
      Arrays.fill(stamps, 0);
      generation = 0;
    }
    return ++generation;
  }

  /**
   * The only allocating code of the kernels: creates this thread's holder or replaces arrays that
   * are too short (new ones at least twice as long; a new {@code stamps} array is all zeros, which
   * no generation marks, so the counter carries on).
   */
  private static Scratch grow(
      Scratch scratch, int doubleCapacity, int intCapacity, int stampCapacity) {
    if (scratch == null) {
      scratch = new Scratch();
      scratch.doubles = new double[Math.max(doubleCapacity, 16)];
      scratch.ints = new int[Math.max(intCapacity, 16)];
      scratch.stamps = new int[Math.max(stampCapacity, 16)];
      LOCAL.set(scratch);
      return scratch;
    }
    if (scratch.doubles.length < doubleCapacity) {
      scratch.doubles = new double[Math.max(doubleCapacity, 2 * scratch.doubles.length)];
    }
    if (scratch.ints.length < intCapacity) {
      scratch.ints = new int[Math.max(intCapacity, 2 * scratch.ints.length)];
    }
    if (scratch.stamps.length < stampCapacity) {
      scratch.stamps = new int[Math.max(stampCapacity, 2 * scratch.stamps.length)];
    }
    return scratch;
  }
}
