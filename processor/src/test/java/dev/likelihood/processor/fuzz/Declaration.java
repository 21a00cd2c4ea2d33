package dev.likelihood.processor.fuzz;

import dev.likelihood.Family;
import dev.likelihood.Link;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One drawn declaration as a small model: the types annotated with {@code @Likelihood} (or
 * orphan records), where they sit, and the other types of their package. The oracle reads this
 * model, never the processor; {@link #render} turns it into source files and remembers the line
 * of every element a diagnostic may be reported on.
 */
final class Declaration {

  enum TypeKind { RECORD, CLASS, INTERFACE, ENUM, ANNOTATION }

  /** Where the annotated types sit. */
  enum Placement {
    TOP, NESTED_IN_CLASS, NESTED_IN_INTERFACE, NESTED_IN_RECORD, NESTED_IN_ENUM,
    /** inside a nested class, which may be private */
    DEEP,
    /** inside a method: a local record */
    LOCAL
  }

  enum Role {
    RESPONSE("Response"), PARAM("Param"), KNOWN("Known"), OFFSET("Offset"), WEIGHT("Weight");

    final String annotation;

    Role(String annotation) {
      this.annotation = annotation;
    }
  }

  /**
   * One role annotation on a component.
   *
   * @param value the written value (a parameter name), or null when none is written
   * @param link the written link, or null when none is written
   * @param rawValue when not null, written verbatim as the annotation's arguments (nonsense)
   */
  record Ann(Role role, String value, Link link, String rawValue) {
    static Ann of(Role role) {
      return new Ann(role, null, null, null);
    }
  }

  /** A record component; {@code suppress} puts @SuppressWarnings("likelihood") on it. */
  record Comp(String name, String type, List<Ann> anns, boolean suppress) {
    boolean has(Role role) {
      return anns.stream().anyMatch(a -> a.role() == role);
    }
  }

  /** A @Constant entry; {@code literal} is written verbatim, {@code value} is what it means. */
  record Const(String name, String literal, double value) {}

  /** One type of the declaration. */
  static final class TypeDecl {
    String name;
    TypeKind kind = TypeKind.RECORD;
    /** false: an orphan record, whose annotated components are errors */
    boolean likelihood = true;
    boolean generic;
    /** access modifier written before the type: "", "private", "protected", "public", "static" */
    String modifiers = "";
    Family family;
    /** null: no link attribute; Link.DEFAULT is written explicitly */
    Link outerLink;
    List<Const> constants = new ArrayList<>();
    /** null: not written */
    Boolean dropConstants;
    /** null: not written */
    String className;
    /** written verbatim instead of "family = Family.X" when not null (nonsense) */
    String rawFamily;
    List<Comp> comps = new ArrayList<>();
    boolean suppress;
    /** simple names of classes nested in the record's body */
    List<String> nestedTypes = new ArrayList<>();
  }

  final int index;
  /** "" for the default package */
  String pkg = "";
  Placement placement = Placement.TOP;
  /** the enclosing type's simple name (for nested placements) */
  String outer;
  /** the middle class of DEEP */
  String mid;
  boolean midPrivate;
  boolean outerSuppress;
  final List<TypeDecl> types = new ArrayList<>();
  /** simple names of other top-level classes in the package, one file each */
  final List<String> extraClasses = new ArrayList<>();
  /** annotations spelled with their qualified names instead of an import */
  boolean qualified;
  /** @Likelihood's attributes on lines of their own */
  boolean multiLine;
  /** nonsense that javac itself rejects: javac's own errors are expected too */
  boolean javacRejects;
  /** a one-line description of what was drawn, for the distribution report */
  String kind = "";

  Declaration(int index) {
    this.index = index;
  }

  /** A source file and its qualified name (its primary type). */
  record Source(String qualifiedName, String text) {}

  /** A line in one of the files. */
  record Loc(String file, int line) {}

  record Rendered(List<Source> files, Map<String, Loc> anchors) {
    Loc at(String anchor) {
      Loc loc = anchors.get(anchor);
      if (loc == null) {
        throw new IllegalStateException("no anchor " + anchor + " in " + anchors.keySet());
      }
      return loc;
    }

    String text() {
      StringBuilder out = new StringBuilder();
      for (Source s : files) {
        out.append("// ---- ").append(s.qualifiedName()).append(".java\n");
        String[] lines = s.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          out.append(String.format("%3d  %s%n", i + 1, lines[i]));
        }
      }
      return out.toString();
    }
  }

  String qualify(String simple) {
    return pkg.isEmpty() ? simple : pkg + "." + simple;
  }

  /** The file that holds the annotated types: named after the outermost type. */
  String mainFileName() {
    return placement == Placement.TOP ? types.get(0).name : outer;
  }

  /** The names of the types enclosing the annotated types, outermost first. */
  List<String> enclosing() {
    switch (placement) {
      case TOP:
        return List.of();
      case DEEP:
        return List.of(outer, mid);
      default:
        return List.of(outer);
    }
  }

  Rendered render() {
    Map<String, Loc> anchors = new LinkedHashMap<>();
    List<Source> files = new ArrayList<>();
    String mainFile = qualify(mainFileName());
    Lines out = new Lines(mainFile, anchors);
    if (!pkg.isEmpty()) {
      out.add("package " + pkg + ";");
      out.add("");
    }
    if (!qualified) {
      out.add("import dev.likelihood.*;");
      out.add("");
    }
    String indent = "";
    switch (placement) {
      case TOP:
        break;
      case NESTED_IN_CLASS:
        open(out, "class " + outer + " {", "");
        indent = "  ";
        break;
      case NESTED_IN_INTERFACE:
        open(out, "interface " + outer + " {", "");
        indent = "  ";
        break;
      case NESTED_IN_RECORD:
        open(out, "record " + outer + "(int id) {", "");
        indent = "  ";
        break;
      case NESTED_IN_ENUM:
        open(out, "enum " + outer + " {", "");
        out.add("  ONE, TWO;");
        indent = "  ";
        break;
      case DEEP:
        open(out, "class " + outer + " {", "");
        out.add("  " + (midPrivate ? "private " : "") + "static class " + mid + " {");
        indent = "    ";
        break;
      case LOCAL:
        open(out, "class " + outer + " {", "");
        out.add("  void method() {");
        indent = "    ";
        break;
    }
    for (int t = 0; t < types.size(); t++) {
      renderType(out, types.get(t), "t" + t, indent);
    }
    switch (placement) {
      case TOP:
        break;
      case DEEP:
      case LOCAL:
        out.add("  }");
        out.add("}");
        break;
      default:
        out.add("}");
    }
    files.add(new Source(mainFile, out.text()));
    for (String extra : extraClasses) {
      String text = (pkg.isEmpty() ? "" : "package " + pkg + ";\n\n")
          + "final class " + extra + " {\n  private " + extra + "() {}\n}\n";
      files.add(new Source(qualify(extra), text));
    }
    return new Rendered(files, anchors);
  }

  private void open(Lines out, String line, String indent) {
    if (outerSuppress) {
      out.add(indent + "@SuppressWarnings(\"likelihood\")");
    }
    out.add(indent + line);
  }

  private String ann(String simple) {
    return "@" + (qualified ? "dev.likelihood." : "") + simple;
  }

  private String enumRef(String type, String constant) {
    return (qualified ? "dev.likelihood." : "") + type + "." + constant;
  }

  private void renderType(Lines out, TypeDecl t, String id, String indent) {
    if (t.suppress) {
      out.add(indent + "@SuppressWarnings(\"likelihood\")");
    }
    if (t.likelihood) {
      List<String[]> attributes = new ArrayList<>(); // {anchor, text}
      attributes.add(new String[] {id + ".family",
          t.rawFamily != null ? t.rawFamily : "family = " + enumRef("Family", t.family.name())});
      if (t.outerLink != null) {
        attributes.add(new String[] {id + ".link", "link = " + enumRef("Link", t.outerLink.name())});
      }
      if (t.dropConstants != null) {
        attributes.add(new String[] {id + ".drop", "dropConstants = " + t.dropConstants});
      }
      if (t.className != null) {
        attributes.add(new String[] {id + ".className", "className = \"" + t.className + "\""});
      }
      // attribute order is free in Java; vary it (constants last keeps the layout simple)
      java.util.Collections.rotate(attributes, Math.floorMod(index + id.hashCode(), attributes.size()));
      attributes.removeIf(a -> a[1].isEmpty()); // a missing family (nonsense)
      if (!multiLine && t.constants.isEmpty()) {
        StringBuilder line = new StringBuilder(indent + ann("Likelihood") + "(");
        for (int i = 0; i < attributes.size(); i++) {
          line.append(i > 0 ? ", " : "").append(attributes.get(i)[1]);
        }
        int n = out.add(line + ")");
        out.mark(id + ".likelihood", n);
        attributes.forEach(a -> out.mark(a[0], n));
      } else {
        out.mark(id + ".likelihood", out.add(indent + ann("Likelihood") + "("));
        for (int i = 0; i < attributes.size(); i++) {
          boolean last = i == attributes.size() - 1 && t.constants.isEmpty();
          out.mark(attributes.get(i)[0], out.add(indent + "    " + attributes.get(i)[1] + (last ? ")" : ",")));
        }
        if (!t.constants.isEmpty()) {
          out.add(indent + "    constants = {");
          for (int j = 0; j < t.constants.size(); j++) {
            Const c = t.constants.get(j);
            out.mark(id + ".const" + j, out.add(indent + "        " + ann("Constant") + "(name = \""
                + c.name() + "\", value = " + c.literal() + ")"
                + (j < t.constants.size() - 1 ? "," : "")));
          }
          out.add(indent + "    })");
        }
      }
    }
    String mods = t.modifiers.isEmpty() ? "" : t.modifiers + " ";
    switch (t.kind) {
      case CLASS:
        out.mark(id + ".record", out.add(indent + mods + "class " + t.name + " {"));
        out.add(indent + "  double y;");
        out.add(indent + "}");
        return;
      case INTERFACE:
        out.mark(id + ".record", out.add(indent + mods + "interface " + t.name + " {}"));
        return;
      case ENUM:
        out.mark(id + ".record", out.add(indent + mods + "enum " + t.name + " { Y }"));
        return;
      case ANNOTATION:
        out.mark(id + ".record", out.add(indent + mods + "@interface " + t.name + " {}"));
        return;
      default:
        break;
    }
    out.mark(id + ".record", out.add(indent + mods + "record " + t.name + (t.generic ? "<T>" : "") + "("));
    for (int j = 0; j < t.comps.size(); j++) {
      Comp c = t.comps.get(j);
      StringBuilder line = new StringBuilder(indent + "    ");
      if (c.suppress()) {
        line.append("@SuppressWarnings(\"likelihood\") ");
      }
      for (Ann a : c.anns()) {
        line.append(ann(a.role().annotation));
        List<String> args = new ArrayList<>();
        if (a.rawValue() != null) {
          args.add(a.rawValue());
        } else {
          if (a.value() != null) {
            args.add(a.link() == null ? "\"" + a.value() + "\"" : "value = \"" + a.value() + "\"");
          }
          if (a.link() != null) {
            args.add("link = " + enumRef("Link", a.link().name()));
          }
        }
        if (!args.isEmpty()) {
          line.append("(").append(String.join(", ", args)).append(")");
        }
        line.append(' ');
      }
      line.append(c.type()).append(' ').append(c.name()).append(j < t.comps.size() - 1 ? "," : ") {");
      out.mark(id + ".comp" + j, out.add(line.toString()));
    }
    if (t.comps.isEmpty()) {
      out.add(indent + "    ) {");
    }
    for (String nested : t.nestedTypes) {
      out.add(indent + "  static final class " + nested + " {}");
    }
    out.add(indent + "}");
  }

  /** Lines of one file, numbered from 1, with anchors. */
  private static final class Lines {
    private final String file;
    private final Map<String, Loc> anchors;
    private final List<String> lines = new ArrayList<>();

    Lines(String file, Map<String, Loc> anchors) {
      this.file = file;
      this.anchors = anchors;
    }

    int add(String line) {
      lines.add(line);
      return lines.size();
    }

    void mark(String anchor, int line) {
      anchors.put(anchor, new Loc(file, line));
    }

    String text() {
      return String.join("\n", lines) + "\n";
    }
  }
}
