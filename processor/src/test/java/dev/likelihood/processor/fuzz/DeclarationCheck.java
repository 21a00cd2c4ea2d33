package dev.likelihood.processor.fuzz;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.likelihood.processor.LikelihoodProcessor;
import dev.likelihood.processor.RecordingProcessor;
import dev.likelihood.processor.fuzz.Declaration.Placement;
import dev.likelihood.processor.fuzz.Declaration.Rendered;
import dev.likelihood.processor.fuzz.Declaration.TypeDecl;
import dev.likelihood.processor.fuzz.Oracle.Expectation;
import dev.likelihood.processor.fuzz.Oracle.Expected;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.io.PrintWriter;
import java.io.StringWriter;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles one declaration with the processor and holds the result against the oracle's
 * expectation: the exact codes on the exact lines, positions on every error, no internal error,
 * the expected generated classes, and for valid declarations a generated class that compiles
 * under {@code -Xlint:all -Werror} and agrees with itself at random arguments.
 */
final class DeclarationCheck {

  private static final int SAMPLES = 4;

  private DeclarationCheck() {}

  /** One drawn declaration with what the oracle expects of it. */
  record Item(int index, Declaration d, Rendered rendered, Expectation e, Random random) {
    /** Valid without warnings: compiled under -Werror, with others of its kind. */
    boolean strict() {
      return e.valid() && e.warnings.isEmpty();
    }

    /**
     * Whether it can share a compilation: each batched declaration has a package of its own,
     * so diagnostics are told apart by file and generated classes by package. Declarations
     * javac rejects, the default package, and valid ones with a warning (their compilation must
     * succeed without -Werror) are compiled alone.
     */
    boolean batchable() {
      return !d.pkg.isEmpty() && d.placement != Placement.LOCAL && e.exact && !e.javacErrors && (strict() || !e.valid());
    }
  }

  /**
   * Compiles the items together (all strict, or all invalid) and returns each one's problems
   * (null when it agrees with the oracle). An item that fails in a batch is compiled again alone,
   * so that what is reported never depends on its neighbours.
   */
  static List<String> check(List<Item> items) throws Exception {
    List<String> problems = checkTogether(items);
    if (items.size() > 1 && problems.stream().anyMatch(p -> p != null)) {
      problems = new ArrayList<>();
      for (Item item : items) {
        problems.add(checkTogether(List.of(item)).get(0));
      }
    }
    return problems;
  }

  private static List<String> checkTogether(List<Item> items) throws Exception {
    List<JavaFileObject> files = new ArrayList<>();
    Map<String, String> fileNames = new HashMap<>();
    Map<String, Item> owners = new HashMap<>();
    for (Item item : items) {
      for (Declaration.Source s : item.rendered().files()) {
        JavaFileObject file = JavaFileObjects.forSourceString(s.qualifiedName(), s.text());
        files.add(file);
        fileNames.put(file.toUri().toString(), s.qualifiedName());
        owners.put(file.toUri().toString(), item);
      }
    }
    // -Werror only where no warning is expected: the one warning the processor has is the
    // expected LinkOutsideDomain, checked exactly below.
    boolean strict = items.stream().allMatch(Item::strict);
    // A local record is reported from a javac task listener, which needs javac's own processing
    // environment: the recording wrapper would hide it, so such a declaration is compiled bare
    // (it must fail anyway, and nothing can be generated for it).
    boolean bare = items.size() == 1 && items.get(0).d().placement == Placement.LOCAL;
    RecordingProcessor processor = new RecordingProcessor(new LikelihoodProcessor());
    Compilation compilation;
    try {
      compilation = javac()
          .withProcessors(bare ? new LikelihoodProcessor() : processor)
          .withOptions(strict ? List.of("-Xlint:all", "-Werror") : List.of("-Xlint:all"))
          .compile(files);
    } catch (RuntimeException | Error e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      List<String> thrown = new ArrayList<>();
      items.forEach(i -> thrown.add("the compilation threw " + trace));
      return thrown;
    }
    Map<Item, List<Diagnostic<? extends JavaFileObject>>> byItem = new HashMap<>();
    List<Diagnostic<? extends JavaFileObject>> unplaced = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      Item owner = diagnostic.getSource() == null ? null : owners.get(diagnostic.getSource().toUri().toString());
      if (owner == null) {
        unplaced.add(diagnostic); // no file, or a generated one: everyone's problem
      } else {
        byItem.computeIfAbsent(owner, k -> new ArrayList<>()).add(diagnostic);
      }
    }
    List<String> problems = new ArrayList<>();
    for (Item item : items) {
      List<Diagnostic<? extends JavaFileObject>> diagnostics = new ArrayList<>(unplaced);
      diagnostics.addAll(byItem.getOrDefault(item, List.of()));
      String prefix = item.d().pkg.isEmpty() ? "" : item.d().pkg + ".";
      List<String> created = processor.createdSources().stream()
          .filter(n -> prefix.isEmpty() || n.startsWith(prefix)).toList();
      problems.add(checkOne(item, compilation, diagnostics, created, fileNames));
    }
    return problems;
  }

  /** A description of every way the processor disagrees with the oracle, or null. */
  private static String checkOne(
      Item item,
      Compilation compilation,
      List<Diagnostic<? extends JavaFileObject>> diagnostics,
      List<String> created,
      Map<String, String> fileNames) throws Exception {
    Expectation e = item.e();
    List<String> problems = new ArrayList<>();
    Map<String, Integer> errors = new TreeMap<>();
    Map<String, Integer> warnings = new TreeMap<>();
    int errorCount = 0;
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
      String message = diagnostic.getMessage(Locale.ROOT);
      boolean ours = message.startsWith("[Likelihood");
      boolean error = diagnostic.getKind() == Diagnostic.Kind.ERROR;
      errorCount += error ? 1 : 0;
      if (message.contains("[LikelihoodInternalError]")) {
        problems.add("internal error: " + message);
      }
      if (error && (diagnostic.getSource() == null || diagnostic.getLineNumber() <= 0)) {
        problems.add("error without a position: " + message);
        continue;
      }
      if (!ours) {
        boolean warning = diagnostic.getKind() == Diagnostic.Kind.WARNING
            || diagnostic.getKind() == Diagnostic.Kind.MANDATORY_WARNING;
        if ((error || warning) && !e.javacErrors) {
          problems.add("javac " + (error ? "error: " : "warning: ") + diagnostic);
        }
        continue;
      }
      String code = message.substring(1, message.indexOf(']'));
      String key = code + " at " + fileNames.get(diagnostic.getSource().toUri().toString()) + ":"
          + diagnostic.getLineNumber();
      (error ? errors : warnings).merge(key, 1, Integer::sum);
    }
    if (e.exact) {
      compare("errors", expected(e.errors, item.rendered()), errors, problems);
      compare("warnings", expected(e.warnings, item.rendered()), warnings, problems);
      if (item.d().placement != Placement.LOCAL && !new TreeSet<>(created).equals(new TreeSet<>(e.generated))) {
        problems.add("generated " + created + ", expected " + e.generated);
      }
    } else if (errorCount == 0) {
      problems.add("nonsense compiled without an error");
    }
    boolean succeeded = compilation.status() == Compilation.Status.SUCCESS;
    if (problems.isEmpty() && e.valid() && !succeeded) {
      problems.add("valid declaration failed to compile");
    }
    if (problems.isEmpty() && succeeded && e.valid()) {
      try {
        runGenerated(item, compilation, problems);
      } catch (Exception | LinkageError x) {
        StringWriter trace = new StringWriter();
        x.printStackTrace(new PrintWriter(trace));
        problems.add("calling the generated class threw " + trace);
      }
    }
    if (problems.isEmpty()) {
      return null;
    }
    if (!diagnostics.isEmpty()) {
      StringBuilder all = new StringBuilder("\n  diagnostics:");
      diagnostics.forEach(x -> all.append("\n    ").append(x.getKind()).append(' ')
          .append(x.getLineNumber()).append(": ").append(x.getMessage(Locale.ROOT).lines().findFirst().orElse("")));
      problems.add(all.toString());
    }
    return String.join("\n  ", problems);
  }

  private static Map<String, Integer> expected(List<Expected> list, Rendered rendered) {
    Map<String, Integer> map = new TreeMap<>();
    for (Expected x : list) {
      Declaration.Loc loc = rendered.at(x.anchor());
      map.merge(x.code() + " at " + loc.file() + ":" + loc.line(), 1, Integer::sum);
    }
    return map;
  }

  private static void compare(String what, Map<String, Integer> expected, Map<String, Integer> actual, List<String> problems) {
    if (!expected.equals(actual)) {
      problems.add(what + ": expected " + expected + " but got " + actual);
    }
  }

  private static void runGenerated(Item item, Compilation compilation, List<String> problems)
      throws ReflectiveOperationException {
    GeneratedClasses loader = new GeneratedClasses(compilation);
    Declaration d = item.d();
    Expectation e = item.e();
    Random r = item.random();
    int generated = 0;
    for (TypeDecl t : d.types) {
      String lossName = e.generated.get(generated++);
      List<String> path = new ArrayList<>(d.placement == Placement.LOCAL ? List.of() : d.enclosing());
      path.add(t.name);
      LossInvoker invoker = new LossInvoker(loader, lossName, d.qualify(String.join("$", path)), t);
      for (int i = 0; i < SAMPLES; i++) {
        String problem = invoker.check(new Arguments(r, t).draw(), r);
        if (problem != null) {
          problems.add(lossName + ": " + problem);
          return;
        }
      }
    }
  }
}
