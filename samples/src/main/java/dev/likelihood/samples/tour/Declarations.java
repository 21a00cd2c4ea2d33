package dev.likelihood.samples.tour;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The source text of a record's declaration, from {@code @Likelihood} to its end, as the tour
 * prints it. The build copies the records' sources onto the class path (samples/pom.xml), so the
 * tour shows exactly what was compiled rather than a copy that could drift.
 */
public final class Declarations {

  private Declarations() {}

  public static String of(Class<?> record) {
    String resource = "/declarations/" + record.getName().replace('.', '/') + ".java";
    try (InputStream in = Declarations.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "the source of " + record.getName() + " is not on the class path at " + resource);
      }
      String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int start = source.indexOf("@Likelihood");
      if (start < 0) {
        throw new IllegalArgumentException(record.getName() + " has no @Likelihood declaration");
      }
      return source.substring(start).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
  }
}
