package dev.likelihood.processor.emit;

import dev.likelihood.processor.model.Component;
import dev.likelihood.processor.model.LikelihoodModel;
import dev.likelihood.processor.model.ParameterBinding;
import dev.likelihood.processor.model.ValueType;
import java.util.List;

/**
 * The shapes of a record's vector components: their common length (K classes, K mixture
 * components, D dimensions, K items), which component it is read from, and which vector is a
 * packed triangle of D(D + 1)/2 entries instead.
 */
final class VectorShapes {

  private final LikelihoodModel model;

  VectorShapes(LikelihoodModel model) {
    this.model = model;
  }

  LikelihoodModel model() {
    return model;
  }

  Component response() {
    return model.response();
  }

  boolean isVector() {
    return !vectors().isEmpty();
  }

  /** The components that are arrays, in record order. */
  List<Component> vectors() {
    return model.components().stream().filter(c -> c.type().isArray()).toList();
  }

  /** What the common length is called in generated code and in the batch methods' parameter. */
  String widthName() {
    switch (model.family()) {
      case CATEGORICAL:
        return "classes";
      case GAUSSIAN_MIXTURE:
        return "components";
      case PLACKETT_LUCE:
        return "items";
      default:
        return "dimension";
    }
  }

  /**
   * The component one sample's common length is read from: the first vector parameter that is
   * not a packed triangle (whose D(D + 1)/2 entries are not the width).
   */
  Component widthSource() {
    return model.paramComponents().stream()
        .filter(c -> c.type().isArray() && !isTriangle(c))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Whether the batch methods take the width: a vector response leaves no scalar column to count
   * the rows by, so a flat column of n K entries could be read as any n.
   */
  boolean widthIsGiven() {
    return model.response().type().isArray();
  }

  /** Whether the component is a packed lower triangle (scaleTril). */
  boolean isTriangle(Component c) {
    return model.parameters().stream()
        .filter(b -> b.component() == c)
        .map(ParameterBinding::parameter)
        .anyMatch(p -> p.name().equals("scaleTril"));
  }

  /** Whether the component is a ranking, whose rows are padded to the width with -1. */
  static boolean isRanking(Component c) {
    return c.type() == ValueType.INT_ARRAY;
  }
}
