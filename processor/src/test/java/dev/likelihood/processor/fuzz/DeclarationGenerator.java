package dev.likelihood.processor.fuzz;

import dev.likelihood.Family;
import dev.likelihood.Link;
import dev.likelihood.processor.fuzz.Declaration.Ann;
import dev.likelihood.processor.fuzz.Declaration.Comp;
import dev.likelihood.processor.fuzz.Declaration.Const;
import dev.likelihood.processor.fuzz.Declaration.Placement;
import dev.likelihood.processor.fuzz.Declaration.Role;
import dev.likelihood.processor.fuzz.Declaration.TypeDecl;
import dev.likelihood.processor.fuzz.Declaration.TypeKind;
import dev.likelihood.processor.fuzz.Families.Fit;
import dev.likelihood.processor.fuzz.Families.Kind;
import dev.likelihood.processor.fuzz.Families.Parameter;
import dev.likelihood.processor.fuzz.Families.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Draws declarations: a valid recipe built from {@link Families} (every parameter given one
 * allowed way), then, for part of them, mutations that each break one rule; also non-records,
 * orphan records and nonsense. It only builds the model; {@link Oracle} decides what it means.
 */
final class DeclarationGenerator {

  /**
   * Names that generated code may use for its own locals, parameters and types: a component or
   * type of that name must not break the generated class.
   */
  static final List<String> TRICKY_NAMES = List.of(
      "y", "mu", "sigma", "eta", "score", "rate", "p", "w", "offset", "grad", "sample", "nll",
      "sum", "compensation", "total", "term", "chunk", "start", "end", "from", "to", "i", "j", "k",
      "n", "reduction", "pool", "scale", "denominator", "dScore", "gradScore", "gradY", "gradEta",
      "gradMu", "gradSigma", "gradLogits", "expNegAbs", "minusScore", "INSTANCE", "Math", "Double",
      "Objects", "StableMath", "Checks", "Reduction", "ParallelBatch", "ForkJoinPool",
      "LikelihoodLoss", "CompensatedSum", "value", "result", "x", "logits", "weights", "length",
      "var", "record", "sealed", "permits", "$", "_x", "\u03bc", "theta", "trials", "delta",
      "alpha", "gamma", "kappa", "shape", "mean", "size", "uncertainty", "labelSmoothing",
      "scaleTril", "ranking", "target", "width", "rows", "row", "Loss", "z", "dMu", "d", "t0",
      "scratch", "kernel", "logSum", "max", "norm", "r", "nu", "lgamma", "exp", "log");

  /** Simple type names generated code uses or imports: a type of that name must not break it. */
  static final List<String> TRICKY_TYPES = List.of(
      "Math", "Double", "Objects", "StableMath", "GammaMath", "BesselMath", "UncertainSigmoid",
      "StudentMath", "Kernels", "RobustMath", "PlackettLuce", "CholeskyNormal", "Checks",
      "Reduction", "LikelihoodLoss", "CompensatedSum", "ParallelBatch", "ForkJoinPool",
      "Generated", "Override", "String", "Integer", "Long", "Boolean", "Object", "System",
      "IllegalArgumentException", "IndexOutOfBoundsException", "Arrays", "Scratch", "Softmax",
      "Loss", "Record");

  private static final List<String> WRONG_TYPES = List.of(
      "double", "int", "long", "boolean", "double[]", "int[]", "float", "java.lang.String",
      "Double", "long[]", "double[][]", "short");

  private static final Set<String> RECORD_FORBIDDEN = Set.of(
      "clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

  private final Random r;
  private Declaration d;
  private Set<String> usedTypeNames;

  DeclarationGenerator(Random random) {
    this.r = random;
  }

  private boolean chance(double p) {
    return r.nextDouble() < p;
  }

  private <T> T pick(List<T> list) {
    return list.get(r.nextInt(list.size()));
  }

  Declaration draw(int index) {
    d = new Declaration(index);
    usedTypeNames = new HashSet<>();
    double u = r.nextDouble();
    skeleton();
    TypeDecl t = validType();
    d.types.add(t);
    if (u < 0.55) {
      d.kind = "valid recipe";
    } else if (u < 0.88) {
      int n = chance(0.75) ? 1 : 2 + r.nextInt(2);
      List<String> applied = new ArrayList<>();
      for (int m = 0; m < n; m++) {
        applied.add(mutate(t));
      }
      d.kind = "mutated: " + String.join(" + ", applied);
    } else if (u < 0.95) {
      d.kind = otherKind(t);
    } else {
      d.kind = "nonsense: " + nonsense(t);
    }
    return d;
  }

  // ---------------------------------------------------------------- the package and placement

  private String typeName(String hint) {
    String name = hint;
    for (int n = 2; !usedTypeNames.add(name); n++) {
      name = hint + n;
    }
    return name;
  }

  private void skeleton() {
    d.pkg = chance(0.15) ? "" : "fuzz.d" + d.index;
    d.qualified = chance(0.2);
    d.multiLine = chance(0.7);
    double u = r.nextDouble();
    d.placement = u < 0.45 ? Placement.TOP
        : u < 0.6 ? Placement.NESTED_IN_CLASS
        : u < 0.7 ? Placement.NESTED_IN_INTERFACE
        : u < 0.8 ? Placement.NESTED_IN_RECORD
        : u < 0.87 ? Placement.NESTED_IN_ENUM
        : Placement.DEEP;
    if (d.placement != Placement.TOP) {
      d.outer = typeName(chance(0.3) ? pick(TRICKY_TYPES) : "Outer" + d.index);
    }
    if (d.placement == Placement.DEEP) {
      d.mid = typeName(chance(0.3) ? pick(TRICKY_TYPES) : "Mid");
    }
    if (chance(0.15)) {
      d.extraClasses.add(typeName(pick(TRICKY_TYPES)));
    }
  }

  // ---------------------------------------------------------------- valid recipes

  private TypeDecl validType() {
    TypeDecl t = new TypeDecl();
    t.name = typeName(chance(0.25) ? pick(TRICKY_TYPES) : pick(List.of("Price", "Click", "Obs", "Row")) + d.index);
    t.family = pick(Families.all());
    Signature sig = Families.of(t.family);
    Set<String> names = new HashSet<>();
    List<Comp> comps = new ArrayList<>();
    comps.add(comp(names, pick(sig.responseTypes()), Ann.of(Role.RESPONSE)));
    boolean sigmaGiven = false;
    for (Parameter p : sig.parameters()) {
      String how = how(p, sigmaGiven);
      if (p.name().equals("sigma") && !how.equals("omit")) {
        sigmaGiven = true;
      }
      switch (how) {
        case "param":
          comps.add(comp(names, p.paramType(), paramAnn(t, sig, p)));
          break;
        case "known":
          comps.add(comp(names, p.knownType(), new Ann(Role.KNOWN, p.name(), null, null)));
          break;
        case "constant":
          t.constants.add(constant(p.name(), inDomain(p)));
          break;
        default:
          break;
      }
    }
    boolean primaryParam = comps.stream().anyMatch(c -> c.has(Role.PARAM) && isPrimary(sig, c.anns().get(0)));
    if (primaryParam && !sig.primary().vector() && chance(0.3)) {
      comps.add(comp(names, "double", Ann.of(Role.OFFSET)));
    }
    if (chance(0.3)) {
      comps.add(comp(names, "double", Ann.of(Role.WEIGHT)));
    }
    for (int n = r.nextInt(3); n > 0; n--) {
      comps.add(comp(names, pick(List.of("java.lang.String", "int", "long", "double", "boolean", "int[]",
          "java.util.List<java.lang.String>", "double[]", "java.lang.Object")), null));
    }
    java.util.Collections.shuffle(comps, r);
    t.comps = comps;
    // a warning link needs a suppression somewhere, or the warning is expected
    if (chance(0.2)) {
      t.suppress = true;
    } else if (chance(0.1)) {
      d.outerSuppress = d.placement != Placement.TOP;
    }
    if (chance(0.3)) {
      t.dropConstants = r.nextBoolean();
    }
    if (chance(0.3)) {
      t.className = chance(0.5) ? "Fuzz" + d.index + "Nll" : pick(TRICKY_TYPES);
    }
    if (chance(0.1)) {
      t.nestedTypes.add(typeName(pick(TRICKY_TYPES))); // unique: never an enclosing type's name
    }
    if (d.placement == Placement.TOP && chance(0.3)) {
      t.modifiers = "public";
    } else if (d.placement != Placement.TOP && d.placement != Placement.NESTED_IN_INTERFACE && chance(0.3)) {
      t.modifiers = pick(List.of("static", "public", "protected", "public static"));
    }
    return t;
  }

  private static boolean isPrimary(Signature sig, Ann a) {
    return a.value() == null || a.value().isEmpty() || a.value().equals(sig.primary().name());
  }

  /** How a valid record gives a parameter: param, known, constant or omit. */
  private String how(Parameter p, boolean sigmaGiven) {
    switch (p.kind()) {
      case REQUIRED:
        return chance(0.7) ? "param" : chance(0.5) ? "known" : "constant";
      case DEFAULTED:
        return pick(List.of("param", "param", "known", "constant", "omit"));
      case TUNING:
        return chance(0.5) ? "constant" : "omit";
      case COUNT:
        return chance(0.5) ? "known" : "constant";
      case VECTOR:
        return "param";
      case VECTOR_DEFAULTED:
        return chance(0.5) ? "param" : "omit";
      case VECTOR_REPLACING:
        return !sigmaGiven && chance(0.5) ? "param" : "omit";
      default:
        throw new AssertionError(p);
    }
  }

  private Ann paramAnn(TypeDecl t, Signature sig, Parameter p) {
    boolean primary = p.equals(sig.primary());
    String value = primary ? pick(List.of("", p.name())) : p.name();
    if (primary && chance(0.5)) {
      value = null; // unnamed: the primary parameter
    }
    Link link = null;
    double u = r.nextDouble();
    if (u < 0.1) {
      link = Link.DEFAULT;
    } else if (u < 0.5) {
      link = pick(linksFitting(p, f -> f != Fit.ERROR));
    }
    if (primary && link != null && link != Link.DEFAULT && chance(0.4)) {
      t.outerLink = link; // the primary's link on @Likelihood instead, or on both
      if (chance(0.6)) {
        link = null;
      }
    } else if (primary && link == null && chance(0.1)) {
      t.outerLink = Link.DEFAULT;
    }
    return new Ann(Role.PARAM, value, link, null);
  }

  private static List<Link> linksFitting(Parameter p, Predicate<Fit> fits) {
    return Arrays.stream(Link.values())
        .filter(l -> l != Link.DEFAULT && fits.test(Families.fit(l, p)))
        .toList();
  }

  private Comp comp(Set<String> names, String type, Ann ann) {
    String name;
    do {
      name = chance(0.6) ? pick(TRICKY_NAMES) : "c" + r.nextInt(100);
    } while (!names.add(name) || RECORD_FORBIDDEN.contains(name));
    return new Comp(name, type, ann == null ? List.of() : List.of(ann), chance(0.1));
  }

  private double inDomain(Parameter p) {
    switch (p.domain()) {
      case POSITIVE:
        return pick(List.of(0.5, 1.0, 2.0, 4.0, 1e-3, 30.0));
      case NON_NEGATIVE:
        return pick(List.of(0.0, 0.5, 2.0, 3.0));
      case PROBABILITY:
        return pick(List.of(0.25, 0.5, 0.9));
      case WEIGHT_OR_OFF:
        return pick(List.of(-1.0, 0.0, 0.25, 1.0));
      case COUNT:
        return pick(List.of(1.0, 3.0, 10.0, 25.0));
      case FRACTION:
        return pick(List.of(0.0, 0.1, 0.5));
      default:
        return pick(List.of(-2.0, 0.0, 1.5, 3.0));
    }
  }

  /** A constant, spelled in one of Java's ways of writing that double. */
  private Const constant(String name, double value) {
    String literal;
    if (Double.isNaN(value)) {
      literal = pick(List.of("java.lang.Double.NaN", "0.0 / 0.0"));
    } else if (Double.isInfinite(value)) {
      literal = value > 0 ? "java.lang.Double.POSITIVE_INFINITY" : "1.0 / -0.0";
    } else if (value == Math.rint(value) && Math.abs(value) < 1e6) {
      long v = (long) value;
      literal = pick(List.of(v + "", v + ".0", v + "d", v + "L", "(double) " + v,
          Double.toHexString(value), v + " * 1.0"));
      if (v < 0 && literal.startsWith("(double)")) {
        literal = "(double) (" + v + ")";
      }
    } else {
      literal = pick(List.of(Double.toString(value), Double.toHexString(value), value + "d"));
    }
    return new Const(name, literal, value);
  }

  // ---------------------------------------------------------------- mutations

  /** Breaks one rule of the record (or, rarely, keeps it valid); returns what it did. */
  private String mutate(TypeDecl t) {
    Signature sig = Families.of(t.family);
    List<Integer> annotated = new ArrayList<>();
    for (int j = 0; j < t.comps.size(); j++) {
      if (!t.comps.get(j).anns().isEmpty()) {
        annotated.add(j);
      }
    }
    Set<String> names = new HashSet<>();
    t.comps.forEach(c -> names.add(c.name()));
    switch (r.nextInt(24)) {
      case 0: {
        if (annotated.isEmpty()) {
          insert(t, comp(names, "double", Ann.of(Role.WEIGHT)));
          annotated.add(t.comps.indexOf(t.comps.stream().filter(c -> c.has(Role.WEIGHT)).findFirst().orElseThrow()));
        }
        int j = pick(annotated);
        Comp c = t.comps.get(j);
        List<Ann> anns = new ArrayList<>(c.anns());
        Role extra = pick(Arrays.stream(Role.values()).filter(x -> !c.has(x)).toList());
        anns.add(r.nextInt(anns.size() + 1), extra == Role.KNOWN ? new Ann(Role.KNOWN, "mu", null, null)
            : extra == Role.PARAM ? new Ann(Role.PARAM, null, null, null) : Ann.of(extra));
        t.comps.set(j, new Comp(c.name(), c.type(), anns, c.suppress()));
        return "conflicting annotations";
      }
      case 1:
        replaceComps(t, c -> c.has(Role.RESPONSE), c -> new Comp(c.name(), c.type(),
            c.anns().stream().filter(a -> a.role() != Role.RESPONSE).toList(), c.suppress()));
        return "no response";
      case 2:
        insert(t, comp(names, pick(sig.responseTypes()), Ann.of(Role.RESPONSE)));
        return "second response";
      case 3: {
        Role role = r.nextBoolean() ? Role.OFFSET : Role.WEIGHT;
        insert(t, comp(names, "double", Ann.of(role)));
        insert(t, comp(names, "double", Ann.of(role)));
        return "second " + role;
      }
      case 4:
        replaceComps(t, c -> c.has(Role.RESPONSE), c -> new Comp(c.name(),
            pick(WRONG_TYPES.stream().filter(x -> !sig.responseTypes().contains(x)).toList()), c.anns(), c.suppress()));
        return "response type";
      case 5: {
        boolean changed = replaceOne(t, c -> !c.anns().isEmpty() && !c.has(Role.RESPONSE),
            c -> new Comp(c.name(), pick(WRONG_TYPES.stream().filter(x -> !x.equals(c.type())).toList()),
                c.anns(), c.suppress()));
        if (!changed) {
          insert(t, comp(names, pick(List.of("int", "float", "long", "double[]")), Ann.of(Role.WEIGHT)));
        }
        return "component type";
      }
      case 6: {
        String bogus = pick(List.of("sgima", "mu2", "bogus", "", "Sigma", "nuu", "rates", "logit"));
        switch (r.nextInt(3)) {
          case 0:
            insert(t, comp(names, "double", new Ann(Role.PARAM, bogus.isEmpty() ? "x" : bogus, null, null)));
            break;
          case 1:
            insert(t, comp(names, "double", new Ann(Role.KNOWN, bogus, null, null)));
            break;
          default:
            t.constants.add(constant(bogus, 1.0));
        }
        return "unknown parameter";
      }
      case 7: {
        Parameter p = pick(sig.parameters());
        switch (r.nextInt(3)) {
          case 0:
            insert(t, comp(names, p.paramType(), new Ann(Role.PARAM, p.name(), null, null)));
            break;
          case 1:
            insert(t, comp(names, p.knownType(), new Ann(Role.KNOWN, p.name(), null, null)));
            break;
          default:
            t.constants.add(constant(p.name(), inDomain(p)));
        }
        return "parameter given twice (maybe)";
      }
      case 8: {
        Parameter p = pick(sig.parameters());
        t.comps.removeIf(c -> c.anns().stream().anyMatch(a ->
            (a.role() == Role.PARAM && p.name().equals(a.value() == null || a.value().isEmpty() ? sig.primary().name() : a.value()))
                || (a.role() == Role.KNOWN && p.name().equals(a.value()))));
        t.constants.removeIf(c -> c.name().equals(p.name()));
        return "parameter " + p.name() + " removed";
      }
      case 9: {
        List<Parameter> fixed = sig.parameters().stream().filter(p -> !p.learnable()).toList();
        Parameter p = fixed.isEmpty() ? pick(sig.parameters()) : pick(fixed);
        insert(t, comp(names, "double", new Ann(Role.PARAM, p.name(), null, null)));
        return "param of " + p.name();
      }
      case 10: {
        List<Parameter> scalars = sig.parameters().stream().filter(x -> !x.vector()).toList();
        Parameter p = pick(scalars.isEmpty() ? sig.parameters() : scalars);
        t.constants.removeIf(c -> c.name().equals(p.name()));
        t.constants.add(r.nextInt(t.constants.size() + 1),
            constant(p.name(), pick(List.of(Double.NaN, -1.0, 0.0, 1.5, 2.5, Double.POSITIVE_INFINITY, -0.5, 1.0))));
        return "constant " + p.name() + " maybe outside its domain";
      }
      case 11: {
        Parameter p = pick(sig.parameters().stream().filter(Parameter::learnable).toList());
        List<Link> bad = linksFitting(p, f -> f == Fit.ERROR);
        Link link = pick(bad.isEmpty() ? List.of(Link.LOGIT) : bad);
        if (p.equals(sig.primary()) && chance(0.5)) {
          t.outerLink = link;
          replaceComps(t, c -> c.has(Role.PARAM) && isPrimary(sig, c.anns().get(0)),
              c -> new Comp(c.name(), c.type(), List.of(new Ann(Role.PARAM, c.anns().get(0).value(), null, null)), c.suppress()));
        } else {
          insert(t, comp(names, p.paramType(), new Ann(Role.PARAM, p.name(), link, null)));
        }
        return "link " + link + " on " + p.name();
      }
      case 12: {
        Link a = pick(linksFitting(sig.primary(), f -> true));
        Link b = pick(linksFitting(sig.primary(), f -> true));
        t.outerLink = a;
        replaceComps(t, c -> c.has(Role.PARAM) && isPrimary(sig, c.anns().get(0)),
            c -> new Comp(c.name(), c.type(), List.of(new Ann(Role.PARAM, c.anns().get(0).value(), b, null)), c.suppress()));
        return "outer link " + a + ", param link " + b;
      }
      case 13:
      case 14: {
        // the primary parameter as @Known or @Constant, then a link or an offset
        Parameter p = sig.primary();
        t.comps.removeIf(c -> c.has(Role.PARAM) && isPrimary(sig, c.anns().get(0)));
        if (r.nextBoolean() || p.vector()) {
          insert(t, comp(names, p.knownType(), new Ann(Role.KNOWN, p.name(), null, null)));
        } else {
          t.constants.add(constant(p.name(), inDomain(p)));
        }
        if (r.nextBoolean()) {
          t.outerLink = pick(List.of(Link.LOG, Link.IDENTITY, Link.LOGIT, Link.SOFTMAX));
          return "primary not a @Param, with a link";
        }
        insert(t, comp(names, "double", Ann.of(Role.OFFSET)));
        return "primary not a @Param, with an offset";
      }
      case 15: {
        List<Parameter> vectors = sig.parameters().stream().filter(Parameter::vector).toList();
        Parameter p = vectors.isEmpty() ? pick(sig.parameters()) : pick(vectors);
        insert(t, comp(names, p.knownType(), new Ann(Role.KNOWN, p.name(), null, null)));
        return "known " + p.name();
      }
      case 16:
        insert(t, comp(names, "double", Ann.of(Role.OFFSET)));
        return "offset";
      case 17: {
        List<Parameter> vectors = sig.parameters().stream().filter(Parameter::vector).toList();
        Parameter p = vectors.isEmpty() ? pick(sig.parameters()) : pick(vectors);
        t.constants.add(constant(p.name(), 1.0));
        return "constant " + p.name();
      }
      case 18:
        t.family = pick(Families.all());
        return "family changed to " + t.family;
      case 19:
        t.className = pick(List.of("not valid", "1abc", "class", "record", "var", "a.b", "yield",
            "Foo-Bar", " ", "sealed", "permits", "_", "true", "null", "Int", "enum"));
        return "className " + t.className;
      case 20:
        switch (r.nextInt(4)) {
          case 0:
            d.extraClasses.add(defaultLossName(t));
            usedTypeNames.add(defaultLossName(t));
            break;
          case 1:
            t.className = t.name;
            break;
          case 2:
            t.className = d.placement == Placement.TOP ? t.name + "Loss" : d.outer;
            break;
          default: {
            TypeDecl second = validType();
            String shared = "Shared" + d.index + "Loss";
            t.className = shared;
            second.className = shared;
            if (d.placement == Placement.TOP) {
              t.modifiers = "";
              second.modifiers = "";
            }
            d.types.add(second);
          }
        }
        return "name clash (maybe)";
      case 21:
        t.generic = true;
        return "generic";
      case 22: {
        if (d.placement == Placement.TOP || d.placement == Placement.NESTED_IN_INTERFACE) {
          d.placement = Placement.NESTED_IN_CLASS;
          d.outer = d.outer == null ? typeName("Outer" + d.index) : d.outer;
        }
        switch (r.nextInt(3)) {
          case 0:
            t.modifiers = "private";
            break;
          case 1:
            d.placement = Placement.DEEP;
            d.mid = d.mid == null ? typeName("Hidden") : d.mid;
            d.midPrivate = true;
            break;
          default:
            d.placement = Placement.LOCAL;
            t.modifiers = "";
            t.className = t.className == null ? null : "Local" + d.index + "Loss";
        }
        return "inaccessible " + d.placement;
      }
      default: {
        // a link that leaves the domain, unsuppressed: valid, with a warning
        t.suppress = false;
        d.outerSuppress = false;
        List<Parameter> positive = sig.parameters().stream()
            .filter(p -> p.learnable() && !p.vector() && p.domain() == Families.Domain.POSITIVE).toList();
        if (positive.isEmpty()) {
          return "nothing (no positive parameter)";
        }
        Parameter p = pick(positive);
        t.comps.removeIf(c -> c.anns().stream().anyMatch(a -> a.role() == Role.PARAM && p.name().equals(
            a.value() == null || a.value().isEmpty() ? sig.primary().name() : a.value())) || (c.has(Role.KNOWN) && p.name().equals(c.anns().get(0).value())));
        t.constants.removeIf(c -> c.name().equals(p.name()));
        insert(t, comp(names, "double", new Ann(Role.PARAM, p.name(), pick(linksFitting(p, f -> f == Fit.WARN)), null)));
        return "warning link on " + p.name();
      }
    }
  }

  private String defaultLossName(TypeDecl t) {
    List<String> path = new ArrayList<>(d.enclosing());
    path.add(t.name);
    return String.join("_", path) + "Loss";
  }

  private void insert(TypeDecl t, Comp c) {
    t.comps.add(r.nextInt(t.comps.size() + 1), c);
  }

  private static void replaceComps(TypeDecl t, Predicate<Comp> which, java.util.function.UnaryOperator<Comp> how) {
    t.comps.replaceAll(c -> which.test(c) ? how.apply(c) : c);
  }

  private boolean replaceOne(TypeDecl t, Predicate<Comp> which, java.util.function.UnaryOperator<Comp> how) {
    List<Integer> candidates = new ArrayList<>();
    for (int j = 0; j < t.comps.size(); j++) {
      if (which.test(t.comps.get(j))) {
        candidates.add(j);
      }
    }
    if (candidates.isEmpty()) {
      return false;
    }
    int j = pick(candidates);
    t.comps.set(j, how.apply(t.comps.get(j)));
    return true;
  }

  // ---------------------------------------------------------------- other kinds, nonsense

  private String otherKind(TypeDecl t) {
    if (chance(0.35)) {
      t.likelihood = false; // an orphan record: its annotated components are errors
      return "orphan record";
    }
    t.kind = pick(List.of(TypeKind.CLASS, TypeKind.INTERFACE, TypeKind.ENUM, TypeKind.ANNOTATION));
    t.comps = new ArrayList<>();
    t.generic = false;
    return "not a record: " + t.kind;
  }

  private String nonsense(TypeDecl t) {
    d.javacRejects = true;
    Set<String> names = new HashSet<>();
    t.comps.forEach(c -> names.add(c.name()));
    switch (r.nextInt(7)) {
      case 0: {
        Comp c = comp(names, "Missing" + d.index, chance(0.7) ? Ann.of(Role.PARAM) : null);
        insert(t, c);
        return "unresolved type";
      }
      case 1:
        t.rawFamily = pick(List.of("", "family = Family.NOPE", "family = null", "family = 3",
            "family = Link.LOG", "family = Family.NORMAL, family = Family.POISSON"));
        return "family " + t.rawFamily;
      case 2:
        insert(t, comp(names, "double", new Ann(Role.PARAM, null, null,
            pick(List.of("value = 3", "link = Link.BOGUS", "link = Family.NORMAL", "value = null", "\"mu\", \"sigma\"")))));
        return "bad @Param value";
      case 3:
        insert(t, comp(names, "double", new Ann(Role.KNOWN, null, null, pick(List.of("", "3", "value = Link.LOG")))));
        return "bad @Known value";
      case 4:
        t.constants.add(new Const("sigma", pick(List.of("\"x\"", "true", "null", "Link.LOG")), Double.NaN));
        return "bad constant value";
      case 5:
        insert(t, comp(names, "double", new Ann(Role.WEIGHT, null, null, "\"w\"")));
        return "@Weight with a value";
      default:
        t.rawFamily = "family = Family.NORMAL, link = Link.NOPE";
        return "unknown link";
    }
  }
}
