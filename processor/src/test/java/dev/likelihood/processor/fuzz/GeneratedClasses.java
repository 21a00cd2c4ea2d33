package dev.likelihood.processor.fuzz;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Loads the classes of a successful compilation from compile-testing's in-memory output, so the
 * generated loss can be called by reflection. Runtime and annotation classes come from the
 * test's own class path (the parent), so {@code LikelihoodLoss} is the same type on both sides.
 */
final class GeneratedClasses extends ClassLoader {

  private static final String OUTPUT = "CLASS_OUTPUT/";

  private final Map<String, byte[]> classes = new HashMap<>();

  GeneratedClasses(Compilation compilation) {
    super(GeneratedClasses.class.getClassLoader());
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      int at = path.indexOf(OUTPUT);
      if (file.getKind() != JavaFileObject.Kind.CLASS || at < 0) {
        continue;
      }
      String name = path.substring(at + OUTPUT.length(), path.length() - ".class".length()).replace('/', '.');
      try (InputStream in = file.openInputStream()) {
        classes.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }
}
