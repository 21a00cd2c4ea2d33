package dev.likelihood.runtime.fit;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress lines for long fits: nothing during the first second, then at most one line a second,
 * and a final line if any were printed, so short fits stay silent and long ones show they move.
 */
final class Progress {

  private static final long SECOND = 1_000_000_000L;

  private final PrintStream out;
  private final String method;
  private final long started;
  private long lastLine;
  private boolean printed;

  Progress(PrintStream out, String method) {
    this.out = out;
    this.method = method;
    this.started = System.nanoTime();
    this.lastLine = started;
  }

  long elapsedNanos() {
    return System.nanoTime() - started;
  }

  /** Reports an iteration; prints only after the first second and once a second. */
  void iteration(int iteration, double loss, double gradientNorm) {
    if (out == null) {
      return;
    }
    long now = System.nanoTime();
    if (now - started > SECOND && (!printed || now - lastLine >= SECOND)) {
      out.println(String.format(Locale.ROOT, "%s iteration %d: loss %.4f, max|gradient| %.1e, %.1f s",
          method, iteration, loss, gradientNorm, (now - started) / 1e9));
      lastLine = now;
      printed = true;
    }
  }

  /** The closing line, printed only if iteration lines were. */
  void finish(int iterations, double loss, double gradientNorm, String stopReason) {
    if (out == null || !printed) {
      return;
    }
    out.println(String.format(Locale.ROOT,
        "%s finished after %d iterations: loss %.4f, max|gradient| %.1e, %.1f s (%s)", method,
        iterations, loss, gradientNorm, elapsedNanos() / 1e9, stopReason));
  }
}
