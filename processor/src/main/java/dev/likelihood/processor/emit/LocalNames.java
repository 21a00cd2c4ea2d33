package dev.likelihood.processor.emit;

import java.util.HashSet;
import java.util.Set;

/**
 * The local names of one generated method: components keep their own names, and every name the
 * generator adds (temporaries, loop indices, sums) is made unique against them, so a record
 * component called {@code offset} or {@code sum} never collides with generated code.
 */
final class LocalNames {

  private final Set<String> taken = new HashSet<>();

  LocalNames(Iterable<String> reserved) {
    reserved.forEach(taken::add);
  }

  LocalNames copy() {
    return new LocalNames(taken);
  }

  /** {@code hint}, or {@code hint2}, {@code hint3}... whichever is free first. */
  String fresh(String hint) {
    String name = hint;
    for (int n = 2; taken.contains(name) || javax.lang.model.SourceVersion.isKeyword(name); n++) {
      name = hint + n;
    }
    taken.add(name);
    return name;
  }
}
