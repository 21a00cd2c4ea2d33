package dev.likelihood.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * What in a {@code @Likelihood} type does not resolve (yet): a component type that is, or
 * contains in an array or a type argument, a type the compiler cannot find; a value of one of our
 * annotations that refers to a missing type or constant ({@code value = Tuning.NU} before
 * another processor has generated {@code Tuning}). Reading such a record now would give wrong
 * diagnostics (a missing parameter, a wrong component type), so the processor defers it by name
 * to the next round, as AutoValue and Dagger do, and reports what is still unresolved in the
 * last one.
 */
public final class Unresolved {

  /** javac presents an annotation value it could not attribute as this string. */
  private static final String JAVAC_ERROR_VALUE = "<error>";
  private static final String OUR_PACKAGE = "dev.likelihood";

  /** One unresolved thing and where to report it. */
  private record Problem(
      Element element, AnnotationMirror annotation, AnnotationValue value, Object[] args,
      Diagnostic diagnostic) {}

  private Unresolved() {}

  /** Whether anything in the type is unresolved, so that reading it must wait. */
  public static boolean in(TypeElement type) {
    return !problems(type).isEmpty();
  }

  /** Reports everything still unresolved, in the last round. */
  public static void report(TypeElement type, Reporter reporter) {
    for (Problem p : problems(type)) {
      reporter.error(p.element(), p.annotation(), p.value(), p.diagnostic(), p.args());
    }
  }

  private static List<Problem> problems(TypeElement type) {
    List<Problem> problems = new ArrayList<>();
    String record = type.getSimpleName().toString();
    annotationValues(type, "record " + record, problems);
    if (type.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement c : type.getRecordComponents()) {
        if (containsError(c.asType())) {
          problems.add(new Problem(c, null, null,
              new Object[] {c.getSimpleName(), record, c.asType()}, Diagnostic.UNRESOLVED_TYPE));
        }
        annotationValues(c, "component '" + c.getSimpleName() + "'", problems);
      }
    }
    return problems;
  }

  /** Values of our annotations on the element, nested ones included, that did not resolve. */
  private static void annotationValues(Element element, String where, List<Problem> problems) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (isOurs(mirror)) {
        annotationValues(element, where, mirror, mirror, problems);
      }
    }
  }

  private static void annotationValues(
      Element element, String where, AnnotationMirror top, AnnotationMirror mirror,
      List<Problem> problems) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      collect(element, where, top, mirror, e.getKey(), e.getValue(), e.getKey().getReturnType(),
          problems);
    }
  }

  private static void collect(
      Element element, String where, AnnotationMirror top, AnnotationMirror mirror,
      ExecutableElement member, AnnotationValue value, TypeMirror expected,
      List<Problem> problems) {
    Object v = value.getValue();
    if (v instanceof AnnotationMirror nested) {
      annotationValues(element, where, top, nested, problems);
    } else if (v instanceof List<?> values) {
      TypeMirror component =
          expected.getKind() == TypeKind.ARRAY ? ((ArrayType) expected).getComponentType() : expected;
      for (Object item : values) {
        collect(element, where, top, mirror, member, (AnnotationValue) item, component, problems);
      }
    } else if (!resolved(v, expected)) {
      String annotation = mirror.getAnnotationType().asElement().getSimpleName().toString();
      problems.add(new Problem(element, top, value,
          new Object[] {member.getSimpleName(), annotation, where},
          Diagnostic.UNRESOLVED_VALUE));
    }
  }

  /** A simple value resolved: of the member's type, and not javac's stand-in for an error. */
  private static boolean resolved(Object v, TypeMirror expected) {
    if (v == null || JAVAC_ERROR_VALUE.equals(v)) {
      return false;
    }
    if (v instanceof VariableElement enumConstant) {
      return enumConstant.asType().getKind() != TypeKind.ERROR;
    }
    if (v instanceof TypeMirror classLiteral) {
      return !containsError(classLiteral);
    }
    switch (expected.getKind()) {
      case BOOLEAN:
        return v instanceof Boolean;
      case DOUBLE:
      case FLOAT:
      case LONG:
      case INT:
      case SHORT:
      case BYTE:
        return v instanceof Number;
      case CHAR:
        return v instanceof Character;
      default:
        return true;
    }
  }

  /** Whether a type is, or has inside an array or a type argument, a type that is missing. */
  static boolean containsError(TypeMirror type) {
    switch (type.getKind()) {
      case ERROR:
        return true;
      case ARRAY:
        return containsError(((ArrayType) type).getComponentType());
      case DECLARED:
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          if (containsError(argument)) {
            return true;
          }
        }
        return false;
      case WILDCARD:
        WildcardType w = (WildcardType) type;
        return w.getExtendsBound() != null && containsError(w.getExtendsBound())
            || w.getSuperBound() != null && containsError(w.getSuperBound());
      default:
        return false;
    }
  }

  private static boolean isOurs(AnnotationMirror mirror) {
    Element annotation = mirror.getAnnotationType().asElement();
    return annotation instanceof TypeElement t
        && t.getQualifiedName().toString().startsWith(OUR_PACKAGE + ".")
        && t.getQualifiedName().toString().lastIndexOf('.') == OUR_PACKAGE.length();
  }
}
