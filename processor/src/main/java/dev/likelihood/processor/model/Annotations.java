package dev.likelihood.processor.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Reads our annotations through {@link AnnotationMirror}s, never through reflection proxies, so
 * that values can be reported on precisely and enum constants need no class loading.
 */
final class Annotations {

  static final String LIKELIHOOD = "dev.likelihood.Likelihood";
  static final String PARAM = "dev.likelihood.Param";
  static final String RESPONSE = "dev.likelihood.Response";
  static final String KNOWN = "dev.likelihood.Known";
  static final String OFFSET = "dev.likelihood.Offset";
  static final String WEIGHT = "dev.likelihood.Weight";

  private Annotations() {}

  static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The explicitly written value of an element, or empty when the default applies. */
  static Optional<AnnotationValue> explicit(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  static String string(AnnotationMirror mirror, String name, String fallback) {
    return explicit(mirror, name).map(v -> (String) v.getValue()).orElse(fallback);
  }

  static boolean bool(AnnotationMirror mirror, String name, boolean fallback) {
    return explicit(mirror, name).map(v -> (Boolean) v.getValue()).orElse(fallback);
  }

  /** The constant name of an enum-valued element, or the fallback. */
  static String enumName(AnnotationMirror mirror, String name, String fallback) {
    return explicit(mirror, name)
        .map(v -> ((VariableElement) v.getValue()).getSimpleName().toString())
        .orElse(fallback);
  }

  /** The annotations in an array-valued element, such as {@code constants}. */
  @SuppressWarnings("unchecked")
  static List<AnnotationValue> array(AnnotationMirror mirror, String name) {
    return explicit(mirror, name)
        .map(v -> (List<AnnotationValue>) v.getValue())
        .orElse(List.of());
  }
}
