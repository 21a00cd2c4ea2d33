package dev.likelihood.processor.model;

import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Reports component annotations on records that are not {@code @Likelihood} records: without
 * this they would be silently ignored, and the user would wonder where the loss went.
 */
public final class OrphanAnnotations {

  private final Reporter reporter;

  public OrphanAnnotations(Reporter reporter) {
    this.reporter = reporter;
  }

  public void check(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (Role role : Role.values()) {
      String name = ModelReader.annotationName(role);
      for (TypeElement annotation : annotations) {
        if (!annotation.getQualifiedName().contentEquals(name)) {
          continue;
        }
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
          Element owner = element.getEnclosingElement();
          if (Annotations.find(owner, Annotations.LIKELIHOOD).isEmpty()) {
            reporter.error(
                element, Diagnostic.ORPHAN_ANNOTATION, role.annotation(), element.getSimpleName(),
                owner.getSimpleName());
          }
        }
      }
    }
  }
}
