package dev.likelihood.samples.tour;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Our numbers next to published ones: each row is a quantity (a coefficient, its standard error,
 * a deviance), our value and the published printed number. A row agrees when ours lies within
 * half a unit of the last printed digit.
 */
public final class Comparison {

  /** One quantity. */
  public record Row(String quantity, double ours, PrintedNumber published) {
    public boolean agrees() {
      return Math.abs(ours - published.value()) <= published.tolerance();
    }
  }

  private final String title;
  private final String source;
  private final List<Row> rows = new ArrayList<>();

  public Comparison(Published.Fit fit) {
    this.title = fit.title();
    this.source = fit.source();
  }

  public Comparison add(String quantity, double ours, PrintedNumber published) {
    rows.add(new Row(quantity, ours, published));
    return this;
  }

  public String title() {
    return title;
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  public boolean allAgree() {
    return rows.stream().allMatch(Row::agrees);
  }

  /** Prints the side-by-side table: our value to the published digits plus two more. */
  public void print(Narrator narrator) {
    narrator.say("%s", title);
    for (String line : wrap("published: " + source, 96)) {
      narrator.say("%s", line);
    }
    narrator.raw(String.format(Locale.ROOT, "    %-28s %14s %14s  %s", "", "ours", "published", ""));
    for (Row row : rows) {
      narrator.raw(String.format(Locale.ROOT, "    %-28s %14s %14s  %s", row.quantity(),
          format(row.ours(), row.published()), row.published().text(),
          row.agrees() ? "agrees" : "DIFFERS"));
    }
  }

  /**
   * Ours with two digits beyond the published ones, so that the agreement is visible; a value
   * that rounds to zero prints as 0, not as -0.
   */
  static String format(double ours, PrintedNumber published) {
    int decimals = Math.max(0, (int) Math.round(-Math.log10(2 * published.tolerance())) + 2);
    double shown = Math.abs(ours) < 0.5 * Math.pow(10, -decimals) ? 0 : ours;
    return String.format(Locale.ROOT, "%." + decimals + "f", shown);
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
        line.append("  ");
      }
      if (line.length() > 0 && !line.toString().equals("  ")) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
