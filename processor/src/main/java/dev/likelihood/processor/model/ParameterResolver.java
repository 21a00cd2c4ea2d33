package dev.likelihood.processor.model;

import dev.likelihood.Link;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/**
 * Decides how each family parameter is given (a {@code @Param}, a {@code @Known}, a
 * {@code @Constant} or its default) and with which link, reporting unknown names, parameters
 * given twice, missing ones, constants outside their domain and links that do not fit.
 */
final class ParameterResolver {

  private final FamilySignature signature;
  private final TypeElement type;
  private final AnnotationMirror likelihood;
  private final Map<Component, RecordComponentElement> sources;
  /** Parameters whose component was rejected: already reported, so not missing as well. */
  private final Set<String> rejected;
  private final Reporter reporter;
  /** What gives each parameter, with the element to blame if it is given again. */
  private final Map<String, Claim> claims = new LinkedHashMap<>();

  private record Claim(String description, ParameterBinding binding) {}

  ParameterResolver(
      FamilySignature signature,
      TypeElement type,
      AnnotationMirror likelihood,
      Map<Component, RecordComponentElement> sources,
      Set<String> rejected,
      Reporter reporter) {
    this.signature = signature;
    this.type = type;
    this.likelihood = likelihood;
    this.sources = sources;
    this.rejected = rejected;
    this.reporter = reporter;
  }

  List<ParameterBinding> resolve() {
    for (Map.Entry<Component, RecordComponentElement> entry : sources.entrySet()) {
      Component c = entry.getKey();
      if (c.role() == Role.PARAM) {
        claimParam(c, entry.getValue());
      } else if (c.role() == Role.KNOWN) {
        claimKnown(c, entry.getValue());
      }
    }
    for (AnnotationValue value : Annotations.array(likelihood, "constants")) {
      claimConstant((AnnotationMirror) value.getValue(), value);
    }
    checkLikelihoodLink();
    List<ParameterBinding> bindings = new ArrayList<>();
    for (FamilyParameter p : signature.parameters()) {
      Claim claim = claims.get(p.name());
      Optional<FamilyParameter> replacement = replacementOf(p);
      if (replacement.isPresent() && claims.containsKey(replacement.get().name())) {
        if (claim != null) {
          reporter.error(
              type, likelihood, null, Diagnostic.EXCLUSIVE_PARAMETERS, signature.family(),
              p.name(), replacement.get().name(), replacement.get().name(), p.name());
        }
        continue; // given the other way
      }
      if (claim != null) {
        bindings.add(claim.binding());
      } else if (p.replaces() != null) {
        continue; // optional: the parameter it replaces is used instead
      } else if (p.hasDefault()) {
        bindings.add(new ParameterBinding(p, Source.DEFAULT, null, null, p.defaultValue()));
      } else if (!rejected.contains(p.name())) {
        reporter.error(
            type, likelihood, null, Diagnostic.MISSING_PARAMETER, signature.family(), p.name(),
            p.name(), p.paramType().javaName(), p.name(), p.name());
      }
    }
    return bindings;
  }

  /** The optional parameter that takes the place of p when the record gives it. */
  private Optional<FamilyParameter> replacementOf(FamilyParameter p) {
    return signature.parameters().stream().filter(q -> p.name().equals(q.replaces())).findFirst();
  }

  private void claimParam(Component c, RecordComponentElement element) {
    AnnotationMirror mirror = Annotations.find(element, Annotations.PARAM).orElseThrow();
    String name = c.parameter().isEmpty() ? signature.primary().name() : c.parameter();
    Optional<FamilyParameter> parameter = known(name, element, mirror, "value");
    if (parameter.isEmpty()) {
      return;
    }
    if (!parameter.get().learnable()) {
      reporter.error(
          element, mirror, null, Diagnostic.NOT_LEARNABLE, name, signature.family(),
          parameter.get().domain().description(),
          parameter.get().knownType() == ValueType.INT
              ? "@Known(\"" + name + "\") int or @Constant(name = \"" + name + "\", value = ...)"
              : "@Constant(name = \"" + name + "\", value = ...)");
      rejected.add(name);
      return;
    }
    Link link = Link.valueOf(Annotations.enumName(mirror, "link", "DEFAULT"));
    boolean primary = parameter.get().equals(signature.primary());
    if (primary) {
      Link outer = Link.valueOf(Annotations.enumName(likelihood, "link", "DEFAULT"));
      if (outer != Link.DEFAULT && link != Link.DEFAULT && outer != link) {
        reporter.error(
            element, Diagnostic.LINK_CONFLICT, outer, name, c.name(), link);
        rejected.add(name);
        return;
      }
      link = link == Link.DEFAULT ? outer : link;
    }
    boolean fromLikelihood = primary && link != Link.DEFAULT
        && Annotations.explicit(mirror, "link").isEmpty();
    link = link == Link.DEFAULT ? parameter.get().defaultLink() : link;
    boolean fits = fromLikelihood
        ? linkFits(link, parameter.get(), type, likelihood, Annotations.explicit(likelihood, "link").orElse(null))
        : linkFits(link, parameter.get(), element, mirror, Annotations.explicit(mirror, "link").orElse(null));
    if (!fits) {
      rejected.add(name);
      return;
    }
    claim(
        parameter.get(),
        "@Param component '" + c.name() + "'",
        new ParameterBinding(parameter.get(), Source.PARAM, link, c, Double.NaN),
        element,
        mirror,
        null);
  }

  private void claimKnown(Component c, RecordComponentElement element) {
    AnnotationMirror mirror = Annotations.find(element, Annotations.KNOWN).orElseThrow();
    Optional<FamilyParameter> parameter = known(c.parameter(), element, mirror, "value");
    if (parameter.isPresent() && parameter.get().vector()) {
      reporter.error(
          element, mirror, null, Diagnostic.VECTOR_KNOWN, c.parameter(), signature.family(),
          "a @Known component",
          "Make the component a @Param(\"" + c.parameter() + "\") double[] (its gradient is then"
              + " computed too)");
      rejected.add(c.parameter());
      return;
    }
    parameter
        .ifPresent(p -> claim(
            p,
            "@Known component '" + c.name() + "'",
            new ParameterBinding(p, Source.KNOWN, null, c, Double.NaN),
            element,
            mirror,
            null));
  }

  private void claimConstant(AnnotationMirror constant, AnnotationValue where) {
    String name = Annotations.string(constant, "name", "");
    Object raw = Annotations.explicit(constant, "value").map(AnnotationValue::getValue).orElse(null);
    if (!(raw instanceof Number)) {
      return; // javac has reported the missing or ill-typed value
    }
    double value = ((Number) raw).doubleValue();
    Optional<FamilyParameter> parameter = known(name, type, likelihood, where);
    if (parameter.isEmpty()) {
      return;
    }
    if (parameter.get().vector()) {
      reporter.error(
          type, likelihood, where, Diagnostic.VECTOR_KNOWN, name, signature.family(),
          "a @Constant", "Replace the @Constant with a component @Param(\"" + name + "\") double[]");
      rejected.add(name);
      return;
    }
    Domain domain = parameter.get().domain();
    if (!domain.contains(value)) {
      reporter.error(
          type, likelihood, where, Diagnostic.CONSTANT_DOMAIN, name, value, domain.description(),
          domain.condition());
      rejected.add(name); // reported once: not as missing as well
      return;
    }
    claim(
        parameter.get(),
        "@Constant(name = \"" + name + "\")",
        new ParameterBinding(parameter.get(), Source.CONSTANT, null, null, value),
        type,
        likelihood,
        where);
  }

  private void claim(
      FamilyParameter p,
      String description,
      ParameterBinding binding,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value) {
    Claim earlier = claims.putIfAbsent(p.name(), new Claim(description, binding));
    if (earlier != null) {
      reporter.error(
          element, mirror, value, Diagnostic.DUPLICATE_PARAMETER, p.name(), signature.family(),
          earlier.description(), description);
    }
  }

  /** The @Likelihood link needs a @Param primary parameter to apply to. */
  private void checkLikelihoodLink() {
    Link outer = Link.valueOf(Annotations.enumName(likelihood, "link", "DEFAULT"));
    Claim claim = claims.get(signature.primary().name());
    if (outer == Link.DEFAULT || claim == null || claim.binding().source() == Source.PARAM) {
      return; // nothing to check, or a missing parameter, which is reported on its own
    }
    reporter.error(
        type, likelihood, Annotations.explicit(likelihood, "link").orElse(null),
        Diagnostic.LINK_WITHOUT_PARAM, outer, signature.primary().name(), claim.description(),
        claim.binding().source() == Source.KNOWN ? "@Known" : "@Constant");
  }

  private boolean linkFits(
      Link link, FamilyParameter p, Element element, AnnotationMirror mirror, AnnotationValue value) {
    LinkRules.Fit fit = LinkRules.fit(link, p.domain());
    // no run-time guard loops over a vector: a link that can leave the domain, or that is only
    // defined for eta > 0 (INVERSE_SQUARED), is an error there
    boolean unguarded =
        p.vector() && (fit == LinkRules.Fit.WARN || LinkRules.needsPositiveEta(link, p.domain()));
    switch (unguarded ? LinkRules.Fit.ERROR : fit) {
      case ERROR:
        reporter.error(
            element, mirror, value, Diagnostic.LINK_NOT_ALLOWED, link, p.name(), signature.family(),
            p.domain().description(), LinkRules.safeLinks(p.domain()));
        return false;
      case WARN:
        if (!suppressed(element)) {
          reporter.warning(
              element, mirror, value, Diagnostic.LINK_OUTSIDE_DOMAIN, link, p.name(),
              p.domain().description(), LinkRules.safeLinks(p.domain()));
        }
        return true;
      default:
        return true;
    }
  }

  /** Our warnings are not javac's lint categories, so we honour @SuppressWarnings ourselves. */
  private boolean suppressed(Element element) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if (suppressesHere(e)
          // @SuppressWarnings cannot target a record component: JDK 17 keeps it only on the
          // accessor and field it propagates to (later JDKs also on the component)
          || (e instanceof RecordComponentElement c
              && c.getAccessor() != null
              && suppressesHere(c.getAccessor()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean suppressesHere(Element e) {
    SuppressWarnings s = e.getAnnotation(SuppressWarnings.class);
    return s != null && List.of(s.value()).contains("likelihood");
  }

  private Optional<FamilyParameter> known(
      String name, Element element, AnnotationMirror mirror, Object where) {
    Optional<FamilyParameter> parameter = signature.parameter(name);
    if (parameter.isEmpty()) {
      AnnotationValue value =
          where instanceof AnnotationValue v
              ? v
              : Annotations.explicit(mirror, (String) where).orElse(null);
      reporter.error(
          element, mirror, value, Diagnostic.UNKNOWN_PARAMETER, signature.family(), name,
          signature.parameters().stream().map(FamilyParameter::name).collect(Collectors.joining(", ")),
          suggestion(name));
    }
    return parameter;
  }

  private String suggestion(String name) {
    return signature.parameters().stream()
        .map(FamilyParameter::name)
        // two edits (a transposition) but fewer than half the letters: "sgima" is sigma, "nu" is
        // not mu
        .filter(candidate -> {
          int distance = editDistance(candidate.toLowerCase(), name.toLowerCase());
          return distance <= 2 && 2 * distance < name.length();
        })
        .findFirst()
        .map(candidate -> " Did you mean '" + candidate + "'?")
        .orElse(" Name one of them");
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] current = new int[b.length() + 1];
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      previous = current;
    }
    return previous[b.length()];
  }
}
