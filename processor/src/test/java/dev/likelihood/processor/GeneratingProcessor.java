package dev.likelihood.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Stands for another annotation processor in the same build: writes the given sources in the
 * given rounds (1 is the first), and records which types each round brought in, so that a test
 * can tell in which round the Likelihood processor wrote its files (a file written in round n is
 * a root element of round n + 1). Claims nothing.
 */
final class GeneratingProcessor extends AbstractProcessor {

  /** A source to write: its qualified name and its text. */
  record Generated(String qualifiedName, String text) {}

  private final Map<Integer, List<Generated>> byRound = new TreeMap<>();
  private final List<Set<String>> roots = new ArrayList<>();

  /** Writes {@code text} as {@code qualifiedName} in round {@code round}. */
  GeneratingProcessor writing(int round, String qualifiedName, String text) {
    byRound.computeIfAbsent(round, r -> new ArrayList<>()).add(new Generated(qualifiedName, text));
    return this;
  }

  /** The qualified names of the types each round brought in, rounds in order from 1. */
  List<Set<String>> rootsByRound() {
    return List.copyOf(roots);
  }

  /** The round (from 1) whose root elements include the type, or 0 if none did. */
  int roundBringing(String qualifiedName) {
    for (int i = 0; i < roots.size(); i++) {
      if (roots.get(i).contains(qualifiedName)) {
        return i + 1;
      }
    }
    return 0;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Set<String> names = new TreeSet<>();
    for (Element root : round.getRootElements()) {
      if (root instanceof TypeElement type) {
        names.add(type.getQualifiedName().toString());
      }
    }
    roots.add(names);
    for (Generated g : byRound.getOrDefault(roots.size(), List.of())) {
      try (Writer out = processingEnv.getFiler().createSourceFile(g.qualifiedName()).openWriter()) {
        out.write(g.text());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return false;
  }
}
