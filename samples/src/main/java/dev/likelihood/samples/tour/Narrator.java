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

  /** A header for {@link #compare} rows. */
  public void compareHeader(String learned, String reference) {
    out.printf(Locale.ROOT, "  %-24s %12s %12s%n", "", learned, reference);
  }

  public void compare(String name, double learned, double reference) {
    out.printf(Locale.ROOT, "  %-24s %12.4f %12.4f%n", name, learned, reference);
  }

  public void raw(String line) {
    out.println(line);
  }

  public PrintStream stream() {
    return out;
  }
}
