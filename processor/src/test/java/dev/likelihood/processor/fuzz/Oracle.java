package dev.likelihood.processor.fuzz;

import dev.likelihood.Link;
import dev.likelihood.processor.fuzz.Declaration.Comp;
import dev.likelihood.processor.fuzz.Declaration.Const;
import dev.likelihood.processor.fuzz.Declaration.Placement;
import dev.likelihood.processor.fuzz.Declaration.Role;
import dev.likelihood.processor.fuzz.Declaration.TypeDecl;
import dev.likelihood.processor.fuzz.Families.Fit;
import dev.likelihood.processor.fuzz.Families.Parameter;
import dev.likelihood.processor.fuzz.Families.Signature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * What the processor must report for a {@link Declaration}, derived from SPEC.md and
 * docs/errors.md alone: each diagnostic code on the element that causes it, each problem once,
 * and which classes a valid declaration generates.
 */
final class Oracle {

  /** A diagnostic code expected at an anchor of the rendered declaration. */
  record Expected(String code, String anchor) {}

  static final class Expectation {
    final List<Expected> errors = new ArrayList<>();
    final List<Expected> warnings = new ArrayList<>();
    /** qualified names of the loss classes generated */
    final List<String> generated = new ArrayList<>();
    /** false for nonsense: only the robustness properties are checked */
    boolean exact = true;
    boolean javacErrors;

    boolean valid() {
      return errors.isEmpty() && !javacErrors && exact;
    }
  }

  /** Java's type identifiers: not a keyword, and not one of the restricted identifiers. */
  static boolean validClassName(String name) {
    return SourceVersion.isIdentifier(name)
        && !SourceVersion.isKeyword(name)
        && !Set.of("var", "yield", "record", "sealed", "permits").contains(name);
  }

  private Oracle() {}

  static Expectation expect(Declaration d) {
    Expectation e = new Expectation();
    if (d.javacRejects) {
      e.javacErrors = true;
    }
    Set<String> taken = new HashSet<>(sourceTypes(d));
    for (int t = 0; t < d.types.size(); t++) {
      new TypeOracle(d, d.types.get(t), "t" + t, e, taken).run();
    }
    return e;
  }

  /** Qualified names of every type declared in source (a local record has none). */
  private static List<String> sourceTypes(Declaration d) {
    List<String> names = new ArrayList<>();
    String prefix = "";
    for (String enclosing : d.enclosing()) {
      prefix = prefix.isEmpty() ? d.qualify(enclosing) : prefix + "." + enclosing;
      names.add(prefix);
    }
    if (d.placement != Placement.LOCAL) {
      for (TypeDecl t : d.types) {
        String q = prefix.isEmpty() ? d.qualify(t.name) : prefix + "." + t.name;
        names.add(q);
        t.nestedTypes.forEach(n -> names.add(q + "." + n));
      }
    }
    d.extraClasses.forEach(x -> names.add(d.qualify(x)));
    return names;
  }

  /** The oracle for one type: the same steps a reader of docs/errors.md would take. */
  private static final class TypeOracle {
    private final Declaration d;
    private final TypeDecl t;
    private final String id;
    private final Expectation e;
    private final Set<String> taken;
    private final List<Expected> errors = new ArrayList<>();
    private Signature sig;
    /** parameters whose component or constant was rejected: not reported missing as well */
    private final Set<String> rejected = new HashSet<>();
    /** parameter name -> the role that gives it (PARAM, KNOWN, or null for a @Constant) */
    private final Map<String, Role> claims = new LinkedHashMap<>();

    TypeOracle(Declaration d, TypeDecl t, String id, Expectation e, Set<String> taken) {
      this.d = d;
      this.t = t;
      this.id = id;
      this.e = e;
      this.taken = taken;
    }

    private void error(String code, String anchor) {
      errors.add(new Expected(code, anchor));
    }

    void run() {
      if (!t.likelihood) {
        for (int j = 0; j < t.comps.size(); j++) {
          for (int k = 0; k < t.comps.get(j).anns().size(); k++) {
            error("LikelihoodOrphanAnnotation", id + ".comp" + j);
          }
        }
        e.errors.addAll(errors);
        return;
      }
      if (t.kind != Declaration.TypeKind.RECORD) {
        error("LikelihoodNotARecord", id + ".likelihood");
        e.errors.addAll(errors);
        return;
      }
      boolean unresolved = false;
      for (int j = 0; j < t.comps.size(); j++) {
        if (t.comps.get(j).type().startsWith("Missing")) {
          error("LikelihoodUnresolvedType", id + ".comp" + j);
          unresolved = true;
        }
      }
      if (unresolved) {
        e.errors.addAll(errors);
        return;
      }
      if (d.placement == Placement.LOCAL) {
        // javac hands processors no local classes: the record is reported, never read
        error("LikelihoodInaccessibleRecord", id + ".likelihood");
        e.errors.addAll(errors);
        return;
      }
      if (d.javacRejects) {
        e.exact = false; // nonsense that javac rejects: only robustness is checked
        return;
      }
      sig = Families.of(t.family);
      if (t.generic) {
        error("LikelihoodGenericRecord", id + ".likelihood");
      }
      if (d.placement == Placement.LOCAL || t.modifiers.contains("private")
          || (d.placement == Placement.DEEP && d.midPrivate)) {
        error("LikelihoodInaccessibleRecord", id + ".likelihood");
      }
      String lossName = defaultLossName();
      boolean nameOk = true;
      if (t.className != null && !t.className.isEmpty()) {
        if (!validClassName(t.className)) {
          error("LikelihoodInvalidClassName", id + ".className");
          nameOk = false;
        } else {
          lossName = t.className;
        }
      }
      if (nameOk && taken.contains(d.qualify(lossName))) {
        error("LikelihoodNameClash", id + ".likelihood");
      }
      List<Integer> accepted = components();
      checkRoles(accepted);
      resolve(accepted);
      checkOffset(accepted);
      e.errors.addAll(errors);
      if (errors.isEmpty()) {
        e.generated.add(d.qualify(lossName));
        taken.add(d.qualify(lossName));
      }
    }

    private String defaultLossName() {
      List<String> path = new ArrayList<>(d.placement == Placement.LOCAL ? List.of() : d.enclosing());
      path.add(t.name);
      return String.join("_", path) + "Loss";
    }

    private String paramName(Declaration.Ann a) {
      return a.value() == null || a.value().isEmpty() ? sig.primary().name() : a.value();
    }

    /** The components with one role and the right type, by index; the others are reported. */
    private List<Integer> components() {
      List<Integer> accepted = new ArrayList<>();
      for (int j = 0; j < t.comps.size(); j++) {
        Comp c = t.comps.get(j);
        if (c.anns().isEmpty()) {
          continue;
        }
        if (c.anns().size() > 1) {
          error("LikelihoodConflictingAnnotations", id + ".comp" + j);
          rejectNames(c);
          continue;
        }
        Declaration.Ann a = c.anns().get(0);
        String expected;
        switch (a.role()) {
          case RESPONSE:
            if (!sig.responseTypes().contains(c.type())) {
              error("LikelihoodResponseType", id + ".comp" + j);
              continue;
            }
            accepted.add(j);
            continue;
          case PARAM:
            expected = sig.parameter(paramName(a)).map(Parameter::paramType).orElse("double");
            break;
          case KNOWN:
            expected = sig.parameter(a.value()).map(Parameter::knownType).orElse("double");
            break;
          default:
            expected = "double";
        }
        if (!c.type().equals(expected)) {
          error("LikelihoodComponentType", id + ".comp" + j);
          rejectNames(c);
          continue;
        }
        accepted.add(j);
      }
      return accepted;
    }

    private void rejectNames(Comp c) {
      for (Declaration.Ann a : c.anns()) {
        if (a.role() == Role.PARAM) {
          rejected.add(paramName(a));
        } else if (a.role() == Role.KNOWN) {
          rejected.add(a.value());
        }
      }
    }

    private void checkRoles(List<Integer> accepted) {
      Set<Role> seen = new HashSet<>();
      for (int j : accepted) {
        Role role = t.comps.get(j).anns().get(0).role();
        if (role == Role.PARAM || role == Role.KNOWN) {
          continue;
        }
        if (!seen.add(role)) {
          error(role == Role.RESPONSE ? "LikelihoodDuplicateResponse" : "LikelihoodDuplicateRole",
              id + ".comp" + j);
        }
      }
      if (!seen.contains(Role.RESPONSE) && t.comps.stream().noneMatch(c -> c.has(Role.RESPONSE))) {
        error("LikelihoodMissingResponse", id + ".record");
      }
    }

    private Link outer() {
      return t.outerLink == null ? Link.DEFAULT : t.outerLink;
    }

    private void resolve(List<Integer> accepted) {
      for (int j : accepted) {
        Comp c = t.comps.get(j);
        Declaration.Ann a = c.anns().get(0);
        String at = id + ".comp" + j;
        if (a.role() == Role.PARAM) {
          param(c, a, at);
        } else if (a.role() == Role.KNOWN) {
          Parameter p = sig.parameter(a.value()).orElse(null);
          if (p == null) {
            error("LikelihoodUnknownParameter", at);
          } else if (p.vector()) {
            error("LikelihoodVectorKnown", at);
            rejected.add(p.name());
          } else {
            claim(p, Role.KNOWN, at);
          }
        }
      }
      for (int j = 0; j < t.constants.size(); j++) {
        Const k = t.constants.get(j);
        String at = id + ".const" + j;
        Parameter p = sig.parameter(k.name()).orElse(null);
        if (p == null) {
          error("LikelihoodUnknownParameter", at);
        } else if (p.vector()) {
          // a vector parameter comes from the model as a @Param double[]: one value cannot give it
          error("LikelihoodVectorKnown", at);
          rejected.add(p.name());
        } else if (!p.domain().contains(k.value())) {
          error("LikelihoodConstantDomain", at);
          rejected.add(p.name()); // reported once: not missing as well
        } else {
          claim(p, null, at);
        }
      }
      if (outer() != Link.DEFAULT && claims.containsKey(sig.primary().name())
          && claims.get(sig.primary().name()) != Role.PARAM) {
        error("LikelihoodLinkWithoutParam", id + ".link");
      }
      for (Parameter p : sig.parameters()) {
        boolean claimed = claims.containsKey(p.name());
        boolean replaced = sig.parameters().stream()
            .anyMatch(q -> p.name().equals(q.replaces()) && claims.containsKey(q.name()));
        if (replaced) {
          if (claimed) {
            error("LikelihoodExclusiveParameters", id + ".likelihood");
          }
        } else if (!claimed && !p.optional() && !rejected.contains(p.name())) {
          error("LikelihoodMissingParameter", id + ".likelihood");
        }
      }
    }

    private void param(Comp c, Declaration.Ann a, String at) {
      Parameter p = sig.parameter(paramName(a)).orElse(null);
      if (p == null) {
        error("LikelihoodUnknownParameter", at);
        return;
      }
      if (!p.learnable()) {
        error("LikelihoodNotLearnable", at);
        rejected.add(p.name());
        return;
      }
      Link link = a.link() == null ? Link.DEFAULT : a.link();
      boolean fromOuter = false;
      if (p.equals(sig.primary()) && outer() != Link.DEFAULT) {
        if (link != Link.DEFAULT && link != outer()) {
          error("LikelihoodLinkConflict", at);
          rejected.add(p.name());
          return;
        }
        fromOuter = link == Link.DEFAULT;
        link = outer();
      }
      Link effective = link == Link.DEFAULT ? p.defaultLink() : link;
      String linkAt = fromOuter ? id + ".link" : at;
      Fit fit = Families.fit(effective, p);
      if (fit == Fit.ERROR) {
        error("LikelihoodLinkNotAllowed", linkAt);
        rejected.add(p.name());
        return;
      }
      if (fit == Fit.WARN && !(t.suppress || d.outerSuppress || (!fromOuter && c.suppress()))) {
        e.warnings.add(new Expected("LikelihoodLinkOutsideDomain", linkAt));
      }
      claim(p, Role.PARAM, at);
    }

    private void claim(Parameter p, Role role, String at) {
      if (claims.containsKey(p.name())) {
        error("LikelihoodDuplicateParameter", at);
      } else {
        claims.put(p.name(), role);
      }
    }

    private void checkOffset(List<Integer> accepted) {
      for (int j : accepted) {
        if (t.comps.get(j).anns().get(0).role() != Role.OFFSET) {
          continue;
        }
        String primary = sig.primary().name();
        if (sig.primary().vector()) {
          error("LikelihoodVectorOffset", id + ".comp" + j);
        } else if (claims.containsKey(primary) && claims.get(primary) != Role.PARAM) {
          error("LikelihoodOffsetWithoutParam", id + ".comp" + j);
        }
        return; // the first offset; a second one is a duplicate role
      }
    }
  }
}
