package dev.likelihood.samples.ecj;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.likelihood.Likelihood;
import dev.likelihood.runtime.Reduction;
import dev.likelihood.samples.ecj.ComponentRoles.Model;
import dev.likelihood.samples.ecj.ComponentRoles.Role;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler.CompilationTask;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/**
 * The Eclipse compiler (ecj, which Eclipse users build with) runs the processor on the samples'
 * own sources, as MapStruct tests both compilers: all of src/main/java (its records and the tour
 * that uses their losses) and the records of src/test/java, every family's. The test checks that
 * <ul>
 *   <li>ecj compiles them with the processor without an error, and with no warning in generated
 *       code (ecj's defaults flag more than javac's lint, dead code for one);
 *   <li>the processor writes the same files, byte for byte, as it did under javac in this
 *       module's normal build (no dependence on the compiler's element order or type printing);
 *   <li>the ecj-built {@code FooLoss} classes, loaded in a fresh class loader, give the same
 *       results bit for bit as the javac-built ones on this test's class path, at a few inputs:
 *       nll, nllAndGradient (value and gradient), the batch loss and lossAndGradient (SUM, MEAN,
 *       a row range, the parallel overload), the instance methods, mean, mode and probabilities.
 *       A bad input must fail the same way in both.
 * </ul>
 * The record's roles come from {@link ComponentRoles}, a processor that runs beside ours.
 */
class EcjCompilationTest {

  private static final Path MAIN = Path.of("src/main/java");
  private static final Path TEST = Path.of("src/test/java");
  /** Where this module's javac build put the processor's output. */
  private static final List<Path> JAVAC_GENERATED =
      List.of(Path.of("target/generated-sources/annotations"),
          Path.of("target/generated-test-sources/test-annotations"));
  /** The width of every vector: classes, mixture components, dimensions, ranked items. */
  private static final int K = 3;
  private static final int ROWS = 3;

  @Test
  void ecjBuildsTheSamplesAndItsLossesMatchJavacsBitForBit(@TempDir Path out) throws Exception {
    Path classes = Files.createDirectories(out.resolve("classes"));
    Path generated = Files.createDirectories(out.resolve("generated"));
    ComponentRoles roles = new ComponentRoles();
    compileWithEcj(classes, generated, roles);

    Map<String, Path> generatedFiles = javaFiles(generated);
    assertTrue(generatedFiles.size() > 70, "ecj generated only " + generatedFiles.keySet());
    assertEquals(roles.models.size(), generatedFiles.size(), "one loss per record");
    assertSameGeneratedSources(generated, generatedFiles);

    int compared = 0;
    int values = 0;
    try (URLClassLoader ecjBuilt =
        new ChildFirst(url(classes), EcjCompilationTest.class.getClassLoader())) {
      for (String lossName : generatedFiles.keySet()) {
        Class<?> javacLoss = Class.forName(lossName);
        Class<?> ecjLoss = ecjBuilt.loadClass(lossName);
        assertEquals(ecjBuilt, ecjLoss.getClassLoader(), lossName + " must be ecj's");
        Class<?> record = recordOf(javacLoss);
        Model model = roles.models.get(record.getName());
        assertTrue(model != null, "ecj's round did not see " + record.getName());
        List<String> expected = exercise(javacLoss, record, model);
        List<String> actual = exercise(ecjLoss, ecjBuilt.loadClass(record.getName()), model);
        assertSameLines(lossName, expected, actual);
        compared += expected.size();
        values += (int) expected.stream().filter(line -> !line.contains("threw")).count();
      }
    }
    // most calls must give numbers, not only the same exception for bad input
    assertTrue(values > 0.9 * compared, values + " of " + compared + " calls gave values");
  }

  private static List<JavaFileObject> sourcesAsFiles(StandardJavaFileManager files) {
    return toList(files.getJavaFileObjectsFromPaths(sources()));
  }

  private static <T> List<T> toList(Iterable<? extends T> items) {
    List<T> list = new ArrayList<>();
    items.forEach(list::add);
    return list;
  }

  /**
   * All of src/main/java and the test sources that declare records rather than tests, except the
   * reference-vector records: those are mostly NORMAL, BERNOULLI and POISSON under every link,
   * which the families' records already cover, and would double the compile time.
   */
  private static List<Path> sources() {
    List<Path> sources = new ArrayList<>(javaFiles(MAIN).values());
    for (Path file : javaFiles(TEST).values()) {
      String text = read(file);
      if (!file.getFileName().toString().endsWith("Test.java") && text.contains("@Likelihood(")
          && !file.startsWith(TEST.resolve("dev/likelihood/samples/reference"))) {
        sources.add(file);
      }
    }
    return sources;
  }

  private static void compileWithEcj(Path classes, Path generated, ComponentRoles roles)
      throws IOException {
    EclipseCompiler ecj = new EclipseCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = ecj.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      // Set on the file manager: ecj run in-process also looks up types on this JVM's class path
      // otherwise, where it would find javac's ClickLoss.class and refuse to create ClickLoss.java
      // ("Source file already exists": eclipse-jdt/eclipse.jdt.core#1482)
      // XChart: the tour's plots are main sources too
      files.setLocationFromPaths(StandardLocation.CLASS_PATH,
          List.of(path(Likelihood.class), path(Reduction.class), path(XYChart.class)));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      List<String> options = List.of("--release", "17");
      CompilationTask task = ecj.getTask(
          Writer.nullWriter(), files, diagnostics, options, null, sourcesAsFiles(files));
      // ComponentRoles first: the Likelihood processor claims @Likelihood
      task.setProcessors(List.of(roles, likelihoodProcessor()));
      boolean ok = task.call();
      List<String> problems = new ArrayList<>();
      for (javax.tools.Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        boolean inGenerated = d.getSource() != null
            && Path.of(d.getSource().toUri()).startsWith(generated.toAbsolutePath());
        if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR || inGenerated) {
          problems.add(d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName())
              + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
        }
      }
      assertTrue(ok && problems.isEmpty(), "ecj: " + String.join("\n", problems));
    }
  }

  /**
   * The processor from the class path, by name: naming its class in this source would make javac
   * read its class file, whose {@code @AutoService} annotation is not on this class path (a
   * warning, so an error under -Werror).
   */
  private static Processor likelihoodProcessor() {
    try {
      return (Processor) Class.forName("dev.likelihood.processor.LikelihoodProcessor")
          .getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** ecj's processor output is javac's, byte for byte. */
  private static void assertSameGeneratedSources(Path generated, Map<String, Path> files)
      throws IOException {
    for (Map.Entry<String, Path> e : files.entrySet()) {
      Path relative = generated.relativize(e.getValue());
      Path javac = JAVAC_GENERATED.stream().map(dir -> dir.resolve(relative)).filter(Files::exists)
          .findFirst().orElseThrow(() -> new AssertionError("javac did not generate " + relative));
      assertSameLines(e.getKey(), Files.readAllLines(javac, UTF_8),
          Files.readAllLines(e.getValue(), UTF_8));
      assertTrue(Arrays.equals(Files.readAllBytes(javac), Files.readAllBytes(e.getValue())),
          relative + ": same lines, different bytes");
    }
  }

  private static void assertSameLines(String what, List<String> javac, List<String> ecj) {
    for (int i = 0; i < Math.max(javac.size(), ecj.size()); i++) {
      String a = i < javac.size() ? javac.get(i) : "<end>";
      String b = i < ecj.size() ? ecj.get(i) : "<end>";
      if (!a.equals(b)) {
        fail(what + ", line " + (i + 1) + " differs:\n javac: " + a + "\n ecj:   " + b);
      }
    }
  }

  /** The record R of a class implementing LikelihoodLoss&lt;R&gt;. */
  private static Class<?> recordOf(Class<?> loss) {
    for (Type t : loss.getGenericInterfaces()) {
      if (t instanceof ParameterizedType p
          && ((Class<?>) p.getRawType()).getSimpleName().equals("LikelihoodLoss")) {
        return (Class<?>) p.getActualTypeArguments()[0];
      }
    }
    throw new AssertionError(loss + " implements no LikelihoodLoss<R>");
  }

  // ---- calling a loss class -------------------------------------------------------------------

  /** Calls every entry point of {@code loss} at fixed inputs; one line per result. */
  private static List<String> exercise(Class<?> loss, Class<?> record, Model model) throws Exception {
    List<Role> comps = model.components();
    Random random = new Random(20260101L ^ record.getName().hashCode());
    Object[][] rows = new Object[ROWS][];
    for (int r = 0; r < ROWS; r++) {
      rows[r] = new Object[comps.size()];
      for (int c = 0; c < comps.size(); c++) {
        rows[r][c] = value(comps.get(c), model.family(), random);
      }
    }
    List<String> lines = new ArrayList<>();
    ClassLoader loader = loss.getClassLoader();
    Class<?> reduction = Class.forName(Reduction.class.getName(), true, loader);
    Object sum = enumConstant(reduction, "SUM");
    Object mean = enumConstant(reduction, "MEAN");
    int gradientLength = comps.stream().filter(c -> c.role().equals("Param")).mapToInt(c -> width(c)).sum();
    Object instance = loss.getField("INSTANCE").get(null);

    for (int r = 0; r < ROWS; r++) {
      Object[] row = rows[r];
      lines.add("nll row " + r + ": " + call(loss, null, "nll", row));
      double[] grad = filled(gradientLength + 2, 7.0);
      lines.add("nllAndGradient row " + r + ": "
          + call(loss, null, "nllAndGradient", append(row, grad, 1)) + " " + show(grad));
      if (model.allAnnotated()) {
        java.lang.reflect.Constructor<?> constructor = record.getDeclaredConstructors()[0];
        constructor.setAccessible(true); // records of the tests are package-private
        Object sample = constructor.newInstance(row);
        lines.add("INSTANCE.nll row " + r + ": " + call(loss, instance, "nll", sample));
        double[] g = new double[gradientLength];
        lines.add("INSTANCE.nllAndGradient row " + r + ": "
            + call(loss, instance, "nllAndGradient", sample, g, 0) + " " + show(g));
      }
      List<Object> predictors = new ArrayList<>();
      for (int c = 0; c < comps.size(); c++) {
        if (comps.get(c).role().equals("Param") || comps.get(c).role().equals("Known")) {
          predictors.add(row[c]);
        }
      }
      for (String statistic : List.of("mean", "mode")) {
        if (hasMethod(loss, statistic)) {
          lines.add(statistic + " row " + r + ": " + call(loss, null, statistic, predictors.toArray()));
        }
      }
      if (hasMethod(loss, "probabilities")) {
        double[] p = new double[K];
        lines.add("probabilities row " + r + ": "
            + call(loss, null, "probabilities", predictors.get(0), p) + " " + show(p));
      }
    }

    Object[] columns = new Object[comps.size()];
    for (int c = 0; c < comps.size(); c++) {
      columns[c] = column(comps.get(c), rows, c);
    }
    // the vector families whose width the columns do not tell take it after the reduction
    boolean takesWidth = Arrays.stream(loss.getMethods())
        .anyMatch(m -> m.getName().equals("loss") && m.getParameterCount() == comps.size() + 2);
    Object[] widthArg = takesWidth ? new Object[] {K} : new Object[0];
    lines.add("loss SUM: " + call(loss, null, "loss", concat(new Object[] {sum}, widthArg, columns)));
    lines.add("loss MEAN [1, 3): "
        + call(loss, null, "loss", concat(new Object[] {mean}, widthArg, new Object[] {1, ROWS}, columns)));
    for (Object reductionValue : List.of(sum, mean)) {
      Object[] gradients = gradients(comps, 0.5);
      lines.add("lossAndGradient " + reductionValue + ": "
          + call(loss, null, "lossAndGradient",
              concat(new Object[] {reductionValue}, widthArg, columns, gradients))
          + " " + show(gradients));
    }
    Object[] gradients = gradients(comps, 0.5);
    lines.add("lossAndGradient MEAN [0, 2): "
        + call(loss, null, "lossAndGradient",
            concat(new Object[] {mean}, widthArg, new Object[] {0, 2}, columns, gradients))
        + " " + show(gradients));
    gradients = gradients(comps, 0.5);
    lines.add("lossAndGradient(pool) MEAN [0, 3): "
        + call(loss, null, "lossAndGradient", concat(new Object[] {ForkJoinPool.commonPool(), mean},
            widthArg, new Object[] {0, ROWS}, columns, gradients))
        + " " + show(gradients));
    return lines;
  }

  /** One component's value in one sample, inside the family's support for the response. */
  private static Object value(Role c, String family, Random random) {
    boolean response = c.role().equals("Response");
    switch (c.type()) {
      case "boolean":
        return random.nextBoolean();
      case "int":
        if (!response) {
          return 4; // binomial trials, the only int that is not a response
        }
        return family.equals("HINGE") ? (random.nextBoolean() ? 1 : -1) : random.nextInt(2);
      case "long":
        return (long) random.nextInt(6);
      case "double":
        switch (c.role()) {
          case "Param":
            return uniform(random, -1.5, 1.5);
          case "Offset":
            return uniform(random, -0.5, 0.5);
          default: // a response in (0, 1) is in every double family's support; known scales > 0
            return response ? uniform(random, 0.05, 0.95) : uniform(random, 0.1, 2);
        }
      case "double[]":
        double[] v = new double[width(c)];
        for (int i = 0; i < v.length; i++) {
          v[i] = response ? uniform(random, 0.05, 1) : uniform(random, -1.5, 1.5);
        }
        if (response && family.equals("CATEGORICAL")) { // a target distribution
          double total = Arrays.stream(v).sum();
          for (int i = 0; i < v.length; i++) {
            v[i] /= total;
          }
        }
        return v;
      case "int[]": // a ranking: a permutation of the items
        List<Integer> items = new ArrayList<>(List.of(0, 1, 2));
        java.util.Collections.shuffle(items, random);
        return items.stream().mapToInt(Integer::intValue).toArray();
      default:
        throw new AssertionError("no test value for " + c);
    }
  }

  private static int width(Role c) {
    if (!c.type().endsWith("[]")) {
      return 1;
    }
    return c.parameter().equals("scaleTril") ? K * (K + 1) / 2 : K;
  }

  private static double uniform(Random random, double from, double to) {
    return from + (to - from) * random.nextDouble();
  }

  /** Component c of every row as a batch column: flat and row-major for vectors. */
  private static Object column(Role role, Object[][] rows, int c) {
    switch (role.type()) {
      case "boolean": {
        boolean[] col = new boolean[rows.length];
        for (int r = 0; r < rows.length; r++) {
          col[r] = (Boolean) rows[r][c];
        }
        return col;
      }
      case "int": {
        int[] col = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
          col[r] = (Integer) rows[r][c];
        }
        return col;
      }
      case "long": {
        long[] col = new long[rows.length];
        for (int r = 0; r < rows.length; r++) {
          col[r] = (Long) rows[r][c];
        }
        return col;
      }
      case "double": {
        double[] col = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
          col[r] = (Double) rows[r][c];
        }
        return col;
      }
      case "double[]":
        return Arrays.stream(rows).flatMapToDouble(row -> Arrays.stream((double[]) row[c])).toArray();
      case "int[]":
        return Arrays.stream(rows).flatMapToInt(row -> Arrays.stream((int[]) row[c])).toArray();
      default:
        throw new AssertionError(role.type());
    }
  }

  /** A gradient column per @Param, in record order, prefilled so untouched rows show. */
  private static Object[] gradients(List<Role> comps, double fill) {
    return comps.stream().filter(c -> c.role().equals("Param"))
        .map(c -> filled(ROWS * width(c), fill)).toArray();
  }

  private static double[] filled(int n, double value) {
    double[] a = new double[n];
    Arrays.fill(a, value);
    return a;
  }

  private static Object[] append(Object[] row, Object... more) {
    return concat(row, more);
  }

  private static Object[] concat(Object[]... parts) {
    return Arrays.stream(parts).flatMap(Arrays::stream).toArray();
  }

  private static boolean hasMethod(Class<?> type, String name) {
    return Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(name));
  }

  /** The result of the one public method that takes these arguments, or what it threw. */
  private static String call(Class<?> type, Object target, String name, Object... args)
      throws IllegalAccessException {
    Method method = Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals(name) && !m.isBridge()
            && Modifier.isStatic(m.getModifiers()) == (target == null))
        .filter(m -> accepts(m.getParameterTypes(), args))
        .reduce((a, b) -> {
          throw new AssertionError("two overloads of " + name + " take " + Arrays.toString(args));
        })
        .orElseThrow(() -> new AssertionError(type.getName() + " has no " + name + " taking "
            + Arrays.stream(args).map(a -> a.getClass().getSimpleName()).collect(Collectors.joining(", "))));
    try {
      return show(method.invoke(target, args));
    } catch (InvocationTargetException e) {
      return "threw " + e.getCause();
    }
  }

  private static boolean accepts(Class<?>[] parameters, Object[] args) {
    if (parameters.length != args.length) {
      return false;
    }
    for (int i = 0; i < args.length; i++) {
      Class<?> p = parameters[i];
      // Method.invoke widens as a call would: an int trials goes to mean(double eta, double trials)
      boolean ok = p.isPrimitive()
          ? boxed(p) == args[i].getClass() || p == double.class && args[i] instanceof Integer
          : p.isInstance(args[i]);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static Class<?> boxed(Class<?> primitive) {
    return Map.<Class<?>, Class<?>>of(double.class, Double.class, int.class, Integer.class,
        long.class, Long.class, boolean.class, Boolean.class).get(primitive);
  }

  /** Doubles as their bits (NaN canonical), so "equal" means bit for bit. */
  private static String show(Object value) {
    if (value instanceof Double d) {
      return d + "/" + Long.toHexString(Double.doubleToLongBits(d));
    }
    if (value instanceof double[] a) {
      return Arrays.stream(a).mapToObj(x -> show((Object) x)).collect(Collectors.joining(" ", "[", "]"));
    }
    if (value instanceof Object[] a) {
      return Arrays.stream(a).map(EcjCompilationTest::show).collect(Collectors.joining(" "));
    }
    return String.valueOf(value);
  }

  private static Object enumConstant(Class<?> type, String name) {
    return Arrays.stream(type.getEnumConstants()).filter(c -> c.toString().equals(name))
        .findFirst().orElseThrow();
  }

  /**
   * Loads the classes ecj wrote (records, losses, the tour) itself, before the test's class path
   * that holds javac's classes of the same names; the runtime comes from the test's class path.
   */
  private static final class ChildFirst extends URLClassLoader {

    ChildFirst(URL classes, ClassLoader parent) {
      super(new URL[] {classes}, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> type = findLoadedClass(name);
        if (type == null) {
          try {
            type = findClass(name);
          } catch (ClassNotFoundException notEcjs) {
            return super.loadClass(name, resolve);
          }
        }
        if (resolve) {
          resolveClass(type);
        }
        return type;
      }
    }
  }

  // ---- files -----------------------------------------------------------------------------------

  /** The .java files under a directory, by qualified class name. */
  private static Map<String, Path> javaFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      Map<String, Path> files = new TreeMap<>();
      walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
        String relative = root.relativize(p).toString();
        files.put(relative.substring(0, relative.length() - 5).replace(File.separatorChar, '.'), p);
      });
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URL url(Path path) throws MalformedURLException {
    return path.toUri().toURL();
  }

  /** The jar or directory a class was loaded from. */
  private static URL location(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  /** The same, as a file path. */
  private static Path path(Class<?> type) {
    try {
      return Path.of(location(type).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }
}
