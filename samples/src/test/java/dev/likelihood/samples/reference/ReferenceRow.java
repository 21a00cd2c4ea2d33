package dev.likelihood.samples.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One row of a reference CSV written by {@code tools/reference/families.py}: the inputs, the
 * natural parameters, and the exact NLL and gradient rounded to the nearest double. An empty
 * cell reads as NaN (the references themselves are never NaN).
 */
record ReferenceRow(
    String file,
    int line,
    String id,
    String family,
    String link1,
    String link2,
    String mode2,
    double y,
    double eta1,
    double eta2,
    double theta1,
    double theta2,
    double nll,
    double grad1,
    double grad2,
    String tag) {

  static final String HEADER =
      "case,link1,link2,mode2,y,eta1,eta2,theta1,theta2,nll,grad1,grad2,tag";

  /** The rows of {@code /reference/<file>.csv} on the test class path. */
  static List<ReferenceRow> load(String file) {
    String resource = "/reference/" + file + ".csv";
    try (InputStream in = ReferenceRow.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is missing; run python3 tools/reference/families.py");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = reader.readLine();
      if (!HEADER.equals(header)) {
        throw new IllegalStateException(resource + " has header " + header + ", expected " + HEADER);
      }
      List<ReferenceRow> rows = new ArrayList<>();
      String text;
      int line = 1;
      while ((text = reader.readLine()) != null) {
        line++;
        if (!text.isBlank()) {
          rows.add(parse(file, line, text));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ReferenceRow parse(String file, int line, String text) {
    String[] c = text.split(",", -1);
    if (c.length != 13) {
      throw new IllegalStateException(file + ".csv:" + line + " has " + c.length + " columns");
    }
    return new ReferenceRow(
        file,
        line,
        c[0],
        file.toUpperCase(Locale.ROOT),
        c[1],
        c[2],
        c[3],
        number(c[4]),
        number(c[5]),
        number(c[6]),
        number(c[7]),
        number(c[8]),
        number(c[9]),
        number(c[10]),
        number(c[11]),
        c[12]);
  }

  private static double number(String cell) {
    return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
  }

  /** S = max(1, |y|, |theta| of each parameter), the scale of terms that may cancel. */
  double scale() {
    double s = Math.max(1, Math.abs(y));
    if (!Double.isNaN(theta1)) {
      s = Math.max(s, Math.abs(theta1));
    }
    if (!Double.isNaN(theta2)) {
      s = Math.max(s, Math.abs(theta2));
    }
    return s;
  }

  /** False for rows whose eta lies outside a link's valid region: NLL +Infinity, no gradient. */
  boolean hasGradient() {
    return !Double.isNaN(grad1);
  }

  boolean adversarial() {
    return "adversarial".equals(tag);
  }

  /** A test name that says where the row is and what it feeds in. */
  String name() {
    StringBuilder s = new StringBuilder();
    s.append(file).append(".csv:").append(line).append(' ').append(id).append(" [");
    switch (family) {
      case "NORMAL":
        s.append("mu ").append(link1).append(", sigma ");
        s.append("param".equals(mode2) ? link2 : mode2);
        break;
      case "BERNOULLI":
        s.append("p ").append(link1);
        break;
      default:
        s.append("rate ").append(link1);
        break;
    }
    s.append("] y=").append(y).append(" eta1=").append(eta1);
    if ("param".equals(mode2)) {
      s.append(" eta2=").append(eta2);
    } else if ("known".equals(mode2)) {
      s.append(" sigma=").append(eta2);
    }
    if (adversarial()) {
      s.append(" (adversarial)");
    }
    return s.toString();
  }
}
