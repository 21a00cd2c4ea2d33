package dev.likelihood.processor.emit;

import dev.likelihood.processor.model.LikelihoodModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

  /** Names for a method of the model's loss class: its components' names are taken. */
  static LocalNames reserving(LikelihoodModel model) {
    List<String> taken = new ArrayList<>();
    model.components().forEach(c -> taken.add(c.name()));
    return new LocalNames(taken);
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
