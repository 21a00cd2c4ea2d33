package dev.likelihood.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SPEC: "No allocation on any of these paths". This proves it statically, from the bytecode of
 * every generated loss and of the runtime primitives they call: no method contains an allocating
 * instruction ({@code new}, an array creation, {@code invokedynamic} for lambdas or string
 * concatenation) or a boxing call, except the class initialiser (which creates
 * {@code INSTANCE}) and the {@code ForkJoinPool} overloads (a lambda per call, handed to
 * {@code ParallelBatch}). Error paths allocate inside {@code Checks}, which only runs to build an
 * exception. How fast the code is, and what the JIT makes of it, is for the JMH benchmarks.
 */
class AllocationFreeBytecodeTest {

  private static final Pattern ALLOCATION =
      Pattern.compile(
          "\\b(new|newarray|anewarray|multianewarray|invokedynamic)\\b"
              + "|java/lang/(Double|Integer|Long|Boolean)\\.valueOf");
  private static final Pattern METHOD = Pattern.compile("^  (?:public |private |static |final )*.*\\(.*\\);$");

  @Test
  void generatedLossesAndTheRuntimeNeverAllocate() throws Exception {
    List<Class<?>> classes = new ArrayList<>();
    classes.addAll(lossesBeside(ClickLoss.class));
    classes.addAll(lossesBeside(dev.likelihood.samples.reference.BernoulliProbitLoss.class));
    classes.addAll(lossesBeside(dev.likelihood.samples.families.MixtureLoss.class));
    for (String runtimeClass : List.of("StableMath", "CompensatedSum", "Softmax", "PlackettLuce",
        "CholeskyNormal", "Scratch", "UncertainSigmoid", "UncertainSigmoid$Evaluation",
        "RobustMath", "GammaMath", "BesselMath", "StudentMath", "Kernels")) {
      classes.add(Class.forName("dev.likelihood.runtime." + runtimeClass));
    }
    assertTrue(classes.size() > 50, "found only " + classes);
    List<String> offences = new ArrayList<>();
    for (Class<?> c : classes) {
      offences.addAll(allocationsIn(c));
    }
    assertEquals(List.of(), offences);
  }

  @Test
  void theScanSeesAllocationWhereThereIsSome() throws Exception {
    // Checks builds the exceptions of the error paths: the scan must report it
    assertTrue(allocationsIn(dev.likelihood.runtime.Checks.class).stream()
        .anyMatch(line -> line.contains("new") && line.contains("IllegalArgumentException")));
  }

  private static List<String> allocationsIn(Class<?> type) throws URISyntaxException {
    String classPath = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
    StringWriter out = new StringWriter();
    int rc = javap.run(new PrintWriter(out), new PrintWriter(out), "-c", "-p", "-cp", classPath, type.getName());
    assertEquals(0, rc, out.toString());
    List<String> offences = new ArrayList<>();
    String method = "?";
    for (String line : out.toString().split("\n")) {
      if (METHOD.matcher(line).matches() || line.startsWith("  static {}")) {
        method = line.trim();
      }
      Matcher m = ALLOCATION.matcher(line);
      // Scratch.grow allocates a thread's buffers, O(log n) times in its life, not per call; a
      // method that builds an exception (as Checks does) allocates only on the way to a throw;
      // the ForkJoinPool overloads hand their chunks to ParallelBatch as a lambda (one per call,
      // then tasks per chunk: the price of going parallel, documented there); UncertainSigmoid
      // builds one Evaluation (its node buffers) per thread, on the thread's first call
      boolean exempt = method.startsWith("static {}") || method.contains("Scratch grow(")
          || method.contains("UncertainSigmoid$Evaluation()")
          || method.contains(" java.lang.IllegalArgumentException ")
          || method.contains("(java.util.concurrent.ForkJoinPool,");
      if (m.find() && !exempt) {
        offences.add(type.getSimpleName() + " " + method + ": " + line.trim());
      }
    }
    return offences;
  }

  /** The generated loss classes in the same package (and directory) as the given one. */
  private static List<Class<?>> lossesBeside(Class<?> type) throws Exception {
    Path directory = Path.of(type.getResource(type.getSimpleName() + ".class").toURI()).getParent();
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith("Loss.class")) {
          classes.add(Class.forName(type.getPackageName() + "." + name.substring(0, name.length() - 6)));
        }
      }
    }
    return classes;
  }
}
