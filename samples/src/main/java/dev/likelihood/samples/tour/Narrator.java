package dev.likelihood.samples.tour;

import java.io.PrintStream;
import java.util.Locale;

/** Prints the tour in one consistent layout: sections, declarations, learned against truth. */
public final class Narrator {

  private final PrintStream out;

  public Narrator(PrintStream out) {
    this.out = out;
  }

  public void chapter(String title) {
    out.println();
    out.println("==== " + title + " ====");
  }

  public void section(String title) {
    out.println();
    out.println("-- " + title);
  }

  /** The record as declared in samples/src/main/java, indented. */
  public void declaration(Class<?> record) {
    for (String line : Declarations.of(record).split("\n")) {
      out.println("    " + line);
    }
  }

  public void say(String format, Object... args) {
    out.println("  " + String.format(Locale.ROOT, format, args));
  }

  /** A learned value with its standard error next to the truth it was generated from. */
  public void estimate(String name, double learned, double standardError, double truth) {
    out.printf(Locale.ROOT, "  %-34s learned %9.4f (SE %.4f)   truth %9.4f%n", name, learned,
        standardError, truth);
  }

  /** A learned value next to its truth, for fits without standard errors (L-BFGS). */
  public void estimate(String name, double learned, double truth) {
    out.printf(Locale.ROOT, "  %-34s learned %9.4f                truth %9.4f%n", name, learned,
        truth);
  }

  public void wrote(java.nio.file.Path file) {
    out.println("  figure: " + file);
  }

  public void raw(String line) {
    out.println(line);
  }

  public PrintStream stream() {
    return out;
  }
}
