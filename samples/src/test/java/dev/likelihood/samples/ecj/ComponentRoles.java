package dev.likelihood.samples.ecj;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Records, as ecj sees them, what the test needs to call a generated loss: each
 * {@code @Likelihood} record's family and the role of each component (our annotations have CLASS
 * retention, so reflection cannot tell). Runs before the Likelihood processor, which claims
 * {@code @Likelihood}; claims nothing itself.
 */
final class ComponentRoles extends AbstractProcessor {

  /** One annotated component: its name, type, role (annotation simple name) and parameter name. */
  record Role(String name, String type, String role, String parameter) {}

  /** A {@code @Likelihood} record: its family and its annotated components in record order. */
  record Model(String family, List<Role> components, boolean allAnnotated) {}

  private static final List<String> ROLES = List.of("Response", "Param", "Known", "Offset", "Weight");

  /** By the record's binary name. */
  final Map<String, Model> models = new LinkedHashMap<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("dev.likelihood.Likelihood");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation))) {
        String family = null;
        for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
          if (mirror.getAnnotationType().toString().equals("dev.likelihood.Likelihood")) {
            family = value(mirror, "family");
          }
        }
        List<Role> roles = new ArrayList<>();
        boolean allAnnotated = true;
        for (RecordComponentElement c : type.getRecordComponents()) {
          Role role = null;
          for (AnnotationMirror mirror : c.getAnnotationMirrors()) {
            String simple = mirror.getAnnotationType().asElement().getSimpleName().toString();
            if (ROLES.contains(simple)) {
              String parameter = value(mirror, "value");
              role = new Role(c.getSimpleName().toString(), c.asType().toString(), simple,
                  parameter == null ? "" : parameter);
            }
          }
          if (role == null) {
            allAnnotated = false;
          } else {
            roles.add(role);
          }
        }
        models.put(
            processingEnv.getElementUtils().getBinaryName(type).toString(),
            new Model(family, roles, allAnnotated));
      }
    }
    return false;
  }

  private static String value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        Object value = e.getValue().getValue();
        // an enum constant's value is its VariableElement; its simple name is the constant
        return value instanceof javax.lang.model.element.VariableElement v
            ? v.getSimpleName().toString()
            : value.toString();
      }
    }
    return null;
  }
}
