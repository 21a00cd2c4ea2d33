package dev.likelihood.processor.model;

import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic.Kind;

/**
 * Reports diagnostics on the exact element and counts the errors, so a record with any error
 * generates nothing (AutoValue's {@code abortIfAnyError}).
 *
 * <p>JDK 17 loses the position of a diagnostic on a record component (JDK-8295184, fixed in 20):
 * there it is reported on the component's backing field, which javac places on the same line.
 */
public final class Reporter {

  private static final boolean COMPONENT_POSITIONS_WORK = Runtime.version().feature() >= 20;

  private final Messager messager;
  private int errors;

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  public void error(Element element, Diagnostic diagnostic, Object... args) {
    report(Kind.ERROR, element, null, null, diagnostic, args);
  }

  public void error(
      Element element, AnnotationMirror annotation, AnnotationValue value, Diagnostic diagnostic, Object... args) {
    report(Kind.ERROR, element, annotation, value, diagnostic, args);
  }

  public void warning(
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Diagnostic diagnostic,
      Object... args) {
    report(Kind.WARNING, element, annotation, value, diagnostic, args);
  }

  /** For failures outside any one record; the message says where. */
  public void errorWithoutElement(Diagnostic diagnostic, Object... args) {
    errors++;
    messager.printMessage(Kind.ERROR, diagnostic.format(args));
  }

  public int errorCount() {
    return errors;
  }

  private void report(
      Kind kind,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Diagnostic diagnostic,
      Object... args) {
    if (kind == Kind.ERROR) {
      errors++;
    }
    String message = diagnostic.format(args);
    if (element.getKind() == ElementKind.RECORD_COMPONENT && !COMPONENT_POSITIONS_WORK) {
      messager.printMessage(kind, message, backingField(element));
    } else if (annotation == null) {
      messager.printMessage(kind, message, element);
    } else if (value == null) {
      messager.printMessage(kind, message, element, annotation);
    } else {
      messager.printMessage(kind, message, element, annotation, value);
    }
  }

  private static Element backingField(Element component) {
    List<VariableElement> fields = ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements());
    for (VariableElement field : fields) {
      if (field.getSimpleName().contentEquals(component.getSimpleName())) {
        return field;
      }
    }
    return component.getEnclosingElement();
  }
}
