package dev.likelihood.processor;

import com.google.auto.service.AutoService;
import dev.likelihood.processor.derive.Derivation;
import dev.likelihood.processor.derive.DerivedLoss;
import dev.likelihood.processor.emit.GeneratedFiles;
import dev.likelihood.processor.emit.LossClassWriter;
import dev.likelihood.processor.model.Diagnostic;
import dev.likelihood.processor.model.LikelihoodModel;
import dev.likelihood.processor.model.LocalLikelihoodTypes;
import dev.likelihood.processor.model.ModelReader;
import dev.likelihood.processor.model.OrphanAnnotations;
import dev.likelihood.processor.model.Reporter;
import dev.likelihood.processor.model.Unresolved;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Round handling only: finds {@code @Likelihood} types, defers those that refer to types not
 * generated yet (in a component's type or one of our annotations' values; see {@link
 * Unresolved}), and hands each one to read, derive and emit. A failure on one record is
 * reported on that record; javac never sees an exception from here.
 */
@AutoService(Processor.class)
public final class LikelihoodProcessor extends AbstractProcessor {

  private static final String LIKELIHOOD = "dev.likelihood.Likelihood";
  private static final String GENERATED = "javax.annotation.processing.Generated";

  /** Records that referred to unresolved types in an earlier round, by qualified name. */
  private final Set<String> deferred = new LinkedHashSet<>();
  /** What holds each qualified name: types compiled from source and classes generated so far. */
  private final Map<String, String> takenNames = new LinkedHashMap<>();

  @Override
  public synchronized void init(javax.annotation.processing.ProcessingEnvironment env) {
    super.init(env);
    LocalLikelihoodTypes.register(env);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(
        LIKELIHOOD,
        "dev.likelihood.Param",
        "dev.likelihood.Response",
        "dev.likelihood.Known",
        "dev.likelihood.Offset",
        "dev.likelihood.Weight",
        "dev.likelihood.Constant",
        // our own output carries @Generated; unclaimed, it makes -Xlint:all warn
        // "No processor claimed any of these annotations" and breaks users' -Werror builds
        GENERATED);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Reporter reporter = new Reporter(processingEnv.getMessager());
    try {
      recordSourceTypes(round.getRootElements());
      Set<TypeElement> todo = new LinkedHashSet<>();
      for (String name : deferred) {
        TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
        if (type != null) {
          todo.add(type);
        }
      }
      deferred.clear();
      TypeElement likelihood = processingEnv.getElementUtils().getTypeElement(LIKELIHOOD);
      if (likelihood != null) {
        ElementFilter.typesIn(round.getElementsAnnotatedWith(likelihood)).forEach(todo::add);
      }
      for (TypeElement type : todo) {
        processOne(type, reporter, round.processingOver());
      }
      new OrphanAnnotations(reporter).check(annotations, round);
    } catch (RuntimeException | Error e) {
      reporter.errorWithoutElement(Diagnostic.INTERNAL_ERROR, "this round", stackTrace(e));
    }
    return true;
  }

  private void processOne(TypeElement type, Reporter reporter, boolean lastRound) {
    try {
      if (Unresolved.in(type)) {
        if (lastRound) {
          Unresolved.report(type, reporter);
        } else {
          deferred.add(type.getQualifiedName().toString());
        }
        return;
      }
      Optional<LikelihoodModel> model =
          new ModelReader(takenNames, processingEnv.getElementUtils(), reporter).read(type);
      if (model.isEmpty()) {
        return;
      }
      String pkg = model.get().packageName();
      String lossName = model.get().lossClassName();
      takenNames.put(
          pkg.isEmpty() ? lossName : pkg + "." + lossName,
          "the class generated for record " + type.getQualifiedName());
      DerivedLoss loss = Derivation.derive(model.get());
      new GeneratedFiles(processingEnv.getFiler())
          .write(model.get().packageName(), new LossClassWriter(loss).write(), type);
    } catch (Exception | Error e) {
      reporter.error(type, Diagnostic.INTERNAL_ERROR, type.getQualifiedName(), stackTrace(e));
    }
  }

  private void recordSourceTypes(Set<? extends Element> roots) {
    for (TypeElement type : ElementFilter.typesIn(roots)) {
      recordType(type);
    }
  }

  private void recordType(TypeElement type) {
    String name = type.getQualifiedName().toString();
    takenNames.putIfAbsent(name, "the existing type " + name);
    ElementFilter.typesIn(type.getEnclosedElements()).forEach(this::recordType);
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
