package dev.likelihood.benchmarks;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the Likelihood annotation processor adds to compile time: a whole-program measurement, so
 * a plain main class rather than a JMH benchmark.
 *
 * <p>Writes {@code --records} (200) distinct annotated records, one per file in package {@code
 * bench}, cycling through {@link #TEMPLATES} (every family, a mix of links, named parameters,
 * {@code @Known}, {@code @Offset}, {@code @Weight}, constants, ignored components). Each round
 * compiles them in-process with the system compiler in three ways, with the options the project
 * uses ({@code --release 17 -Xlint:all}, classpath = annotations jar + runtime jar):
 *
 * <ul>
 *   <li><b>plain</b>: {@code -proc:none}, javac alone;
 *   <li><b>processor</b>: {@code -processorpath <processor jar>:<annotations jar>} (what Maven's
 *       {@code annotationProcessorPaths} resolves: the processor jar shades javapoet but loads
 *       the annotation enums from the annotations jar), so javac also runs the processor and
 *       compiles the 200 generated {@code FooLoss} sources;
 *   <li><b>generated</b>: {@code -proc:none} on the records plus the sources the processor wrote
 *       in the first round, which splits the processor's cost into compiling its output and the
 *       processor's own work (derivation, code writing, the extra javac rounds).
 * </ul>
 *
 * The modes rotate which goes first from round to round. Each compile gets fresh output
 * directories and a fresh file manager (inside the timed region). After {@code --warmup} rounds
 * the medians of {@code --rounds} measured rounds are reported; the processor's cost is the
 * difference of the medians. The first round of this JVM is reported on its own, and {@code
 * --cold} fresh JVMs per mode each time one compile of a cold javac (what a one-shot {@code javac}
 * or a fresh Maven build pays). Every processor compile must yield exactly one {@code *Loss.class}
 * per record and no ERROR or WARNING diagnostic, or the program exits with status 1.
 *
 * <p>Jars: system properties {@code likelihood.annotations.jar}, {@code likelihood.runtime.jar},
 * {@code likelihood.processor.jar}, by default the {@code 0.1.0-SNAPSHOT} jars that {@code mvn
 * install} puts in {@code ~/.m2/repository/dev/likelihood/}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.likelihood.benchmarks.ProcessorCost \
 *     [--records 200] [--warmup 3] [--rounds 5] [--cold 1] [--keep]
 * </pre>
 */
public final class ProcessorCost {

  /** {@code NAME} is replaced by the record's name. */
  static final String[] TEMPLATES = {
    "@Likelihood(family = Family.POISSON, link = Link.LOG)\n"
        + "public record NAME(@Response int y, @Param double eta) {}",
    "@Likelihood(family = Family.POISSON)\n"
        + "public record NAME(String shop, @Response long calls, @Param double eta,\n"
        + "    @Offset double logHours, @Weight double w) {}",
    "@Likelihood(family = Family.BERNOULLI, link = Link.LOGIT)\n"
        + "public record NAME(long userId, @Response boolean clicked, @Param double score) {}",
    "@Likelihood(family = Family.BERNOULLI, link = Link.PROBIT)\n"
        + "public record NAME(@Response int y, @Param double eta, @Weight double w) {}",
    "@Likelihood(family = Family.BERNOULLI, link = Link.CLOGLOG)\n"
        + "public record NAME(@Response double softLabel, @Param double eta) {}",
    "@Likelihood(family = Family.NORMAL)\n"
        + "public record NAME(@Response double price, @Param double mean,\n"
        + "    @Param(value = \"sigma\", link = Link.SOFTPLUS) double spread) {}",
    "@Likelihood(family = Family.NORMAL, dropConstants = true)\n"
        + "public record NAME(@Response double y, @Param double mu, @Weight double w) {}",
    "@Likelihood(family = Family.NORMAL)\n"
        + "public record NAME(@Response double y, @Param double mu,\n"
        + "    @Known(\"sigma\") double sigma) {}",
    "@Likelihood(family = Family.LAPLACE)\n"
        + "public record NAME(@Response double y, @Param double mu,\n"
        + "    @Param(\"scale\") double scale) {}",
    "@Likelihood(family = Family.STUDENT_T, constants = @Constant(name = \"nu\", value = 4))\n"
        + "public record NAME(@Response double y, @Param double location,\n"
        + "    @Param(\"sigma\") double sigma, @Weight double w) {}",
    "@Likelihood(family = Family.LOG_NORMAL)\n"
        + "public record NAME(@Response double y, @Param double mu,\n"
        + "    @Param(value = \"sigma\", link = Link.SOFTPLUS) double sigma) {}",
    "@Likelihood(family = Family.EXPONENTIAL, link = Link.SOFTPLUS)\n"
        + "public record NAME(@Response double waiting, @Param double rate) {}",
    "@Likelihood(family = Family.GAMMA)\n"
        + "public record NAME(@Response double y, @Param double mean,\n"
        + "    @Param(\"shape\") double shape) {}",
    "@Likelihood(family = Family.INVERSE_GAUSSIAN,\n"
        + "    constants = @Constant(name = \"shape\", value = 2))\n"
        + "public record NAME(@Response double y, @Param double mean) {}",
    "@Likelihood(family = Family.BETA, link = Link.PROBIT)\n"
        + "public record NAME(@Response double y, @Param double mean,\n"
        + "    @Param(\"precision\") double precision) {}",
    "@Likelihood(family = Family.VON_MISES)\n"
        + "public record NAME(@Response double angle, @Param double mu,\n"
        + "    @Param(\"kappa\") double kappa) {}",
    "@Likelihood(family = Family.BINOMIAL)\n"
        + "public record NAME(@Response int successes, @Param double eta,\n"
        + "    @Known(\"trials\") int trials) {}",
    "@Likelihood(family = Family.BINOMIAL, link = Link.CLOGLOG,\n"
        + "    constants = @Constant(name = \"trials\", value = 20))\n"
        + "public record NAME(@Response int y, @Param double eta) {}",
    "@Likelihood(family = Family.NEGATIVE_BINOMIAL)\n"
        + "public record NAME(@Response int y, @Param double mean, @Param(\"size\") double size,\n"
        + "    @Offset double logExposure) {}",
    "@Likelihood(family = Family.HUBER, constants = @Constant(name = \"delta\", value = 0.5))\n"
        + "public record NAME(@Response double y, @Param double mu) {}",
    "@Likelihood(family = Family.LOG_COSH)\n"
        + "public record NAME(@Response double y, @Param double mu) {}",
    "@Likelihood(family = Family.HINGE)\n"
        + "public record NAME(@Response boolean y, @Param double score) {}",
    "@Likelihood(family = Family.FOCAL,\n"
        + "    constants = {@Constant(name = \"gamma\", value = 2),\n"
        + "        @Constant(name = \"alpha\", value = 0.25)})\n"
        + "public record NAME(@Response boolean y, @Param double eta) {}",
    "@Likelihood(family = Family.UNCERTAIN_BERNOULLI)\n"
        + "public record NAME(@Response boolean y, @Param double eta,\n"
        + "    @Param(\"uncertainty\") double uncertainty) {}",
    "@Likelihood(family = Family.CATEGORICAL)\n"
        + "public record NAME(@Response int label, @Param double[] logits) {}",
    "@Likelihood(family = Family.CATEGORICAL,\n"
        + "    constants = @Constant(name = \"labelSmoothing\", value = 0.1))\n"
        + "public record NAME(@Response double[] target, @Param double[] logits,\n"
        + "    @Weight double w) {}",
    "@Likelihood(family = Family.GAUSSIAN_MIXTURE)\n"
        + "public record NAME(@Response double y, @Param double[] weights,\n"
        + "    @Param(\"mu\") double[] mu,\n"
        + "    @Param(\"sigma\") double[] sigma) {}",
    "@Likelihood(family = Family.MULTIVARIATE_NORMAL)\n"
        + "public record NAME(@Response double[] y, @Param double[] mu,\n"
        + "    @Param(\"sigma\") double[] sigma) {}",
    "@Likelihood(family = Family.MULTIVARIATE_NORMAL)\n"
        + "public record NAME(@Response double[] y, @Param double[] mu,\n"
        + "    @Param(\"scaleTril\") double[] scaleTril) {}",
    "@Likelihood(family = Family.PLACKETT_LUCE)\n"
        + "public record NAME(@Response int[] ranking, @Param double[] scores) {}",
  };

  private static final String IMPORTS =
      "package bench;\n\n"
          + "import dev.likelihood.Constant;\n"
          + "import dev.likelihood.Family;\n"
          + "import dev.likelihood.Known;\n"
          + "import dev.likelihood.Likelihood;\n"
          + "import dev.likelihood.Link;\n"
          + "import dev.likelihood.Offset;\n"
          + "import dev.likelihood.Param;\n"
          + "import dev.likelihood.Response;\n"
          + "import dev.likelihood.Weight;\n\n";

  private static final String PROCESSOR = "dev.likelihood.processor.LikelihoodProcessor";
  private static final String VERSION = "0.1.0-SNAPSHOT";

  /** The two ways of compiling the same sources. */
  enum Mode {
    /** {@code -proc:none} on the records. */
    PLAIN,
    /** The processor on, on the records. */
    PROCESSOR,
    /** {@code -proc:none} on the records plus the sources the processor wrote in a first run. */
    GENERATED
  }

  /** One compile: wall time, and the time between the annotation-processing events (or 0). */
  record Timing(double millis, double processingMillis) {}

  private final Path annotationsJar;
  private final Path runtimeJar;
  private final Path processorJar;
  private final Path work;
  private final List<Path> sources = new ArrayList<>();
  private final List<Path> generatedSources = new ArrayList<>();
  private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();

  /**
   * @param snapshot copy the jars into {@code work} first, so that a concurrent {@code mvn
   *     install} cannot swap them in the middle of a run
   */
  ProcessorCost(Path work, boolean snapshot) throws IOException {
    this.work = work;
    this.annotationsJar = jar("annotations", snapshot);
    this.runtimeJar = jar("runtime", snapshot);
    this.processorJar = jar("processor", snapshot);
    if (compiler == null) {
      throw new IllegalStateException("no system Java compiler: run this on a JDK, not a JRE");
    }
  }

  public static void main(String[] args) throws IOException {
    Options options = Options.parse(args);
    Path work =
        options.source != null
            ? options.source.getParent()
            : Files.createTempDirectory("likelihood-processor-cost");
    ProcessorCost cost = new ProcessorCost(work, options.single == null);
    if (options.single != null) {
      cost.useSources(options.source);
      Timing timing = cost.compile(options.single, options.records);
      System.out.printf(
          Locale.ROOT, "SINGLE %.3f %.3f%n", timing.millis(), timing.processingMillis());
      return;
    }
    try {
      cost.run(options);
    } finally {
      if (options.keep) {
        System.out.println("kept " + work);
      } else {
        deleteTree(work);
      }
    }
  }

  private void run(Options options) throws IOException {
    Path src = work.resolve("src");
    writeSources(src, options.records);
    System.out.printf(Locale.ROOT, "JDK %s (%s), %d cores; %d records from %d templates in %s%n",
        System.getProperty("java.version"), System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors(), options.records, TEMPLATES.length, src);
    System.out.println("(copies of the jars above)");
    System.out.println("classpath      " + annotationsJar + File.pathSeparator + runtimeJar);
    System.out.println("processor path " + processorJar + File.pathSeparator + annotationsJar);

    Map<Mode, List<Timing>> timings = new EnumMap<>(Mode.class);
    Mode[] modes = Mode.values();
    int total = options.warmup + options.rounds;
    for (int round = 0; round < total; round++) {
      for (int i = 0; i < modes.length; i++) {
        Mode mode = modes[(round + i) % modes.length];
        timings.computeIfAbsent(mode, m -> new ArrayList<>()).add(compile(mode, options.records));
        if (mode == Mode.PROCESSOR && generatedSources.isEmpty()) {
          keepGeneratedSources();
        }
      }
      Timing p = timings.get(Mode.PLAIN).get(round);
      Timing q = timings.get(Mode.PROCESSOR).get(round);
      Timing g = timings.get(Mode.GENERATED).get(round);
      System.out.printf(Locale.ROOT, "round %d %-17s plain %6.0f ms   processor %6.0f ms"
              + " (annotation processing %5.0f ms)   generated, -proc:none %6.0f ms%n",
          round + 1, round < options.warmup ? "(warm-up" + (round == 0 ? ", cold)" : ")") : "",
          p.millis(), q.millis(), q.processingMillis(), g.millis());
    }
    int n = options.records;
    double plain = median(timings.get(Mode.PLAIN).subList(options.warmup, total), Timing::millis);
    List<Timing> measured = timings.get(Mode.PROCESSOR).subList(options.warmup, total);
    double processor = median(measured, Timing::millis);
    double processing = median(measured, Timing::processingMillis);
    double generated =
        median(timings.get(Mode.GENERATED).subList(options.warmup, total), Timing::millis);
    long lines = 0;
    for (Path f : generatedSources) {
      lines += Files.readAllLines(f).size();
    }

    System.out.println();
    System.out.printf(Locale.ROOT, "%d records; the processor wrote %d sources, %,d lines"
        + " (%.0f a class)%n", n, generatedSources.size(), lines,
        (double) lines / generatedSources.size());
    System.out.printf(Locale.ROOT, "warm: median of %d rounds after %d warm-up;"
        + " annotation-processing phase %.0f ms%n", options.rounds, options.warmup, processing);
    breakdown(plain, processor, generated, n);
    System.out.printf(Locale.ROOT, "warm: best of the %d rounds (least disturbed by other load)%n",
        options.rounds);
    breakdown(
        min(timings.get(Mode.PLAIN).subList(options.warmup, total), Timing::millis),
        min(measured, Timing::millis),
        min(timings.get(Mode.GENERATED).subList(options.warmup, total), Timing::millis),
        n);
    Timing firstPlain = timings.get(Mode.PLAIN).get(0);
    Timing firstProcessor = timings.get(Mode.PROCESSOR).get(0);
    double firstAdded = firstProcessor.millis() - firstPlain.millis();
    System.out.printf(Locale.ROOT, "first round of this JVM (plain compiled first, so javac was"
            + " partly warm for the processor):%n"
            + "  plain %.0f ms, javac + processor %.0f ms, added %.0f ms (%.2f ms/record)%n",
        firstPlain.millis(), firstProcessor.millis(), firstAdded, firstAdded / n);
    if (options.cold > 0) {
      coldRuns(src, options);
    }
  }

  /** Copies the processor's output of a first run, to compile it later without the processor. */
  private void keepGeneratedSources() throws IOException {
    Path kept = fresh(work.resolve("generated-src"));
    try (Stream<Path> walk = Files.walk(work.resolve("processor-gen"))) {
      for (Path f : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        Path copy = kept.resolve(f.getFileName());
        Files.copy(f, copy);
        generatedSources.add(copy);
      }
    }
  }

  /** Compiles in fresh JVMs, so that javac and the processor both start cold. */
  private void coldRuns(Path src, Options options) throws IOException {
    Map<Mode, List<Double>> timings = new EnumMap<>(Mode.class);
    for (int i = 0; i < options.cold; i++) {
      for (Mode mode : Mode.values()) {
        double millis = child(mode, src, options.records);
        timings.computeIfAbsent(mode, m -> new ArrayList<>()).add(millis);
      }
    }
    int n = options.records;
    double p = median(timings.get(Mode.PLAIN), x -> x);
    double q = median(timings.get(Mode.PROCESSOR), x -> x);
    double g = median(timings.get(Mode.GENERATED), x -> x);
    System.out.printf(Locale.ROOT, "cold: one compile in a fresh JVM (median of %d; JVM start-up"
            + " excluded)%n", options.cold);
    breakdown(p, q, g, n);
  }

  /** Prints the times of the three modes as the processor's cost and its two parts. */
  private static void breakdown(double plain, double processor, double generated, int records) {
    row("plain javac (-proc:none)", plain, records);
    row("javac + processor", processor, records);
    row("added by the processor", processor - plain, records);
    row("  of which compiling the generated code", generated - plain, records);
    row("  of which the processor itself", processor - generated, records);
    System.out.printf(Locale.ROOT, "  (-proc:none on records + generated sources: %.0f ms;"
        + " with the processor javac takes x%.1f the plain time)%n", generated, processor / plain);
  }

  private static void row(String label, double millis, int records) {
    System.out.printf(Locale.ROOT, "  %-40s %7.0f ms %7.2f ms/record%n",
        label, millis, millis / records);
  }

  private double child(Mode mode, Path src, int records) throws IOException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java,
        "-Dlikelihood.annotations.jar=" + annotationsJar,
        "-Dlikelihood.runtime.jar=" + runtimeJar,
        "-Dlikelihood.processor.jar=" + processorJar,
        "-cp", System.getProperty("java.class.path"),
        ProcessorCost.class.getName(),
        "--single", mode.name(), "--source", src.toString(),
        "--records", Integer.toString(records)));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      int status = process.waitFor();
      if (status != 0) {
        throw new IllegalStateException("cold " + mode + " compile failed:\n" + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return output.lines()
        .filter(line -> line.startsWith("SINGLE "))
        .mapToDouble(line -> Double.parseDouble(line.split(" ")[1]))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no timing from the child:\n" + output));
  }

  /** Writes the records, one per file, and remembers them as the sources to compile. */
  void writeSources(Path src, int records) throws IOException {
    Path dir = src.resolve("bench");
    Files.createDirectories(dir);
    for (int i = 0; i < records; i++) {
      String name = String.format(Locale.ROOT, "R%03d", i);
      String body = TEMPLATES[i % TEMPLATES.length].replace("NAME", name);
      Files.writeString(dir.resolve(name + ".java"), IMPORTS + body + "\n");
    }
    useSources(src);
  }

  void useSources(Path src) throws IOException {
    sources.clear();
    try (Stream<Path> files = Files.list(src.resolve("bench"))) {
      files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(sources::add);
    }
    generatedSources.clear();
    Path generated = src.resolveSibling("generated-src");
    if (Files.isDirectory(generated)) {
      try (Stream<Path> files = Files.list(generated)) {
        files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(generatedSources::add);
      }
    }
  }

  /** One timed compile of all the sources into fresh directories; checks the outcome. */
  Timing compile(Mode mode, int records) throws IOException {
    String tag = mode.name().toLowerCase(Locale.ROOT);
    Path classes = fresh(work.resolve(tag + "-classes"));
    Path generated = fresh(work.resolve(tag + "-gen"));
    List<String> options = new ArrayList<>(List.of(
        "--release", "17", "-Xlint:all", "-encoding", "UTF-8",
        "-d", classes.toString(), "-s", generated.toString(),
        "-classpath", annotationsJar + File.pathSeparator + runtimeJar));
    List<Path> inputs = new ArrayList<>(sources);
    if (mode == Mode.GENERATED) {
      inputs.addAll(generatedSources);
    }
    if (mode != Mode.PROCESSOR) {
      options.add("-proc:none");
    } else {
      options.addAll(List.of(
          "-processorpath", processorJar + File.pathSeparator + annotationsJar,
          "-processor", PROCESSOR));
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    long[] processing = new long[2];
    long start = System.nanoTime();
    boolean ok;
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavacTask task = (JavacTask) compiler.getTask(
          null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(inputs));
      task.addTaskListener(new TaskListener() {
        @Override
        public void started(TaskEvent e) {
          if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING) {
            processing[0] = System.nanoTime();
          }
        }

        @Override
        public void finished(TaskEvent e) {
          if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING) {
            processing[1] = System.nanoTime();
          }
        }
      });
      ok = task.call();
    }
    long end = System.nanoTime();
    check(mode, ok, diagnostics, classes, records);
    return new Timing((end - start) / 1e6, (processing[1] - processing[0]) / 1e6);
  }

  private static void check(Mode mode, boolean ok, DiagnosticCollector<JavaFileObject> diagnostics,
      Path classes, int records) throws IOException {
    List<String> problems = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.NOTE && d.getKind() != Diagnostic.Kind.OTHER) {
        problems.add(d.getKind() + ": " + d);
      }
    }
    long losses;
    long all;
    try (Stream<Path> files = Files.list(classes.resolve("bench"))) {
      List<String> names = files.map(f -> f.getFileName().toString()).toList();
      losses = names.stream().filter(f -> f.endsWith("Loss.class")).count();
      all = names.stream().filter(f -> f.endsWith(".class")).count();
    }
    long expectedLosses = mode == Mode.PLAIN ? 0 : records;
    if (losses != expectedLosses) {
      problems.add(mode + " wrote " + losses + " *Loss.class files, expected " + expectedLosses);
    }
    if (all < records) {
      problems.add(mode + " wrote only " + all + " classes for " + records + " records");
    }
    if (!ok || !problems.isEmpty()) {
      System.err.println("compile " + mode + (ok ? " succeeded" : " FAILED") + " with problems:");
      problems.forEach(System.err::println);
      System.exit(1);
    }
  }

  private static <T> double min(List<T> values, ToDoubleFunction<T> f) {
    return values.stream().mapToDouble(f).min().orElseThrow();
  }

  private static <T> double median(List<T> values, ToDoubleFunction<T> f) {
    double[] v = values.stream().mapToDouble(f).sorted().toArray();
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }

  private Path jar(String module, boolean snapshot) throws IOException {
    String artifact = "likelihood-" + module;
    String property = System.getProperty("likelihood." + module + ".jar");
    Path path = property != null
        ? Paths.get(property)
        : Paths.get(System.getProperty("user.home"), ".m2", "repository", "dev", "likelihood",
            artifact, VERSION, artifact + "-" + VERSION + ".jar");
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException("no " + artifact + " jar at " + path + ": run `mvn -q"
          + " -DskipTests install` at the root or pass -Dlikelihood." + module + ".jar=<path>");
    }
    if (!snapshot) {
      return path.toAbsolutePath();
    }
    System.out.printf(Locale.ROOT, "%-26s %s (%s)%n", artifact + ":", path,
        Files.getLastModifiedTime(path));
    Path copy = Files.createDirectories(work.resolve("jars")).resolve(path.getFileName());
    return Files.copy(path, copy).toAbsolutePath();
  }

  private static Path fresh(Path dir) throws IOException {
    deleteTree(dir);
    return Files.createDirectories(dir);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /** Command-line flags. */
  static final class Options {
    int records = 200;
    int warmup = 3;
    int rounds = 5;
    int cold = 1;
    boolean keep;
    Mode single;
    Path source;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (flag.equals("--keep")) {
          o.keep = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw usage("missing value after " + flag);
        }
        String value = args[++i];
        switch (flag) {
          case "--records" -> o.records = positive(flag, value);
          case "--warmup" -> o.warmup = Integer.parseInt(value);
          case "--rounds" -> o.rounds = positive(flag, value);
          case "--cold" -> o.cold = Integer.parseInt(value);
          case "--single" -> o.single = Mode.valueOf(value);
          case "--source" -> o.source = Paths.get(value).toAbsolutePath();
          default -> throw usage("unknown flag " + flag + " in " + Arrays.toString(args));
        }
      }
      if (o.warmup < 0 || o.cold < 0) {
        throw usage("--warmup and --cold must be >= 0");
      }
      if ((o.single == null) != (o.source == null)) {
        throw usage("--single and --source go together");
      }
      return o;
    }

    private static int positive(String flag, String value) {
      int n = Integer.parseInt(value);
      if (n <= 0) {
        throw usage(flag + " must be positive");
      }
      return n;
    }

    private static IllegalArgumentException usage(String problem) {
      return new IllegalArgumentException(problem + "\nusage: ProcessorCost [--records 200]"
          + " [--warmup 3] [--rounds 5] [--cold 1] [--keep]");
    }
  }
}
