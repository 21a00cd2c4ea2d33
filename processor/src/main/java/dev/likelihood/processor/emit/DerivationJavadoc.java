package dev.likelihood.processor.emit;

import dev.likelihood.processor.derive.DerivedLoss;
import dev.likelihood.processor.derive.DerivedLoss.Case;
import dev.likelihood.processor.derive.Expr;
import dev.likelihood.processor.derive.Expr.Call;
import dev.likelihood.processor.derive.Exprs;
import dev.likelihood.processor.derive.Fn;
import dev.likelihood.processor.derive.InverseLinks;
import dev.likelihood.processor.model.Component;
import dev.likelihood.processor.model.LikelihoodModel;
import dev.likelihood.processor.model.ParameterBinding;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The class Javadoc, which states the derivation so that users can read what they assumed:
 * distribution, links, the NLL as a formula, what {@code dropConstants} removed, the generated
 * form and the stable primitives it relies on.
 */
final class DerivationJavadoc {

  private DerivationJavadoc() {}

  static String of(DerivedLoss loss) {
    LikelihoodModel model = loss.model();
    Map<String, String> names = new LinkedHashMap<>();
    model.components().forEach(c -> names.put(c.name(), c.name()));
    ExpressionWriter math = ExpressionWriter.math(names);
    StringBuilder doc = new StringBuilder();
    doc.append("Negative log-likelihood of {@link ")
        .append(model.recordName())
        .append("} under the ")
        .append(model.family())
        .append(" family, derived at compile time by Likelihood.\n\n");
    doc.append("<h2>Model</h2>\n<pre>\n");
    doc.append("  ").append(model.response().name()).append(" ~ ").append(model.family()).append('(');
    List<String> parameterNames = new ArrayList<>();
    model.parameters().forEach(b -> parameterNames.add(b.parameter().name()));
    doc.append(String.join(", ", parameterNames)).append(")\n");
    for (ParameterBinding b : model.parameters()) {
      doc.append("  ").append(escape(bindingLine(model, b))).append('\n');
    }
    doc.append("</pre>\n");
    String response = model.response().name();
    doc.append("<h2>Negative log-likelihood of one sample</h2>\n<pre>\n  nll = ")
        .append(escape(densityFormula(loss)))
        .append(response.equals("y") ? "" : ",  with y = " + response)
        .append("\n</pre>\n");
    doc.append("After substituting the links and rewriting into stable forms")
        .append(loss.droppedTerms().isEmpty() ? "" : ", and dropping constants")
        .append(", the generated code computes\n<pre>\n");
    Set<Expr.Group> groups = new LinkedHashSet<>();
    loss.cases().forEach(c -> collectGroups(c.nll(), groups));
    for (Expr.Group g : groups) {
      doc.append("  ").append(escape(math.write(g))).append(" = ").append(escape(math.writeDefinition(g))).append('\n');
    }
    for (Case c : loss.cases()) {
      String when = c.label() == null ? "" : "  when " + labelCondition(model, c.label()) + ":\n";
      doc.append(when);
      doc.append("  nll = ").append(escape(math.write(c.nll()))).append('\n');
      List<Component> params = model.paramComponents();
      for (int k = 0; k < params.size(); k++) {
        String entry = params.get(k).type().isArray() ? "[j]" : "";
        doc.append("  d nll / d ").append(params.get(k).name()).append(entry).append(" = ")
            .append(escape(math.write(c.gradient().get(k))))
            .append(spotsOf(c, k).isEmpty() ? "" : "    (j != " + math.write(spotsOf(c, k).get(0).at()) + ")")
            .append('\n');
        for (DerivedLoss.Spot spot : spotsOf(c, k)) {
          doc.append("  d nll / d ").append(params.get(k).name()).append('[')
              .append(math.write(spot.at())).append("] = ").append(escape(math.write(spot.value())))
              .append('\n');
        }
      }
    }
    if (loss.kernel() != null) {
      doc.append("  nll and gradient by ").append(escape(loss.kernel().method())).append('\n');
    }
    doc.append("</pre>\n");
    if (!loss.droppedTerms().isEmpty()) {
      List<String> dropped = new ArrayList<>();
      loss.droppedTerms().forEach(t -> dropped.add(escape(math.write(t))));
      doc.append("{@code dropConstants = true} removed the terms free of parameters: <code>")
          .append(String.join(" + ", dropped))
          .append("</code>. The value is the NLL up to a constant; the minimiser and the gradient"
              + " are unchanged.\n\n");
    }
    curvature(loss, math, doc);
    Set<Fn> used = EnumSet.noneOf(Fn.class);
    loss.cases().forEach(c -> {
      collect(c.nll(), used);
      c.gradient().forEach(g -> collect(g, used));
      c.hessian().forEach(h -> collect(h, used));
    });
    if (loss.fisherWeight() != null) {
      collect(loss.fisherWeight(), used);
    }
    List<String> stable = new ArrayList<>();
    used.forEach(fn -> {
      if (!fn.stableForm().isEmpty()) {
        stable.add("<li>" + escape(fn.stableForm()) + "</li>");
      }
    });
    if (!stable.isEmpty()) {
      doc.append("<p>Stable forms used:\n<ul>\n").append(String.join("\n", stable)).append("\n</ul>\n");
    }
    return doc.toString();
  }

  /** The longest second derivative the Javadoc writes out; longer ones are only named. */
  private static final int SHORT = 140;

  /**
   * What {@code nllGradientHessian}, {@code lossGradientHessian} and {@code fisherWeight} compute:
   * a single parameter's second derivative and the Fisher weight written out where short.
   */
  private static void curvature(DerivedLoss loss, ExpressionWriter math, StringBuilder doc) {
    List<Component> params = loss.model().paramComponents();
    if (loss.hasHessian()) {
      doc.append("<p>{@code nllGradientHessian} and {@code lossGradientHessian} also give the observed"
          + " Hessian d2 nll / d eta_a d eta_b over ");
      List<String> names = new ArrayList<>();
      params.forEach(c -> names.add("{@code " + c.name() + "}"));
      doc.append(String.join(", ", names))
          .append(" (row-major): each gradient entry above differentiated again and rewritten into the"
              + " same stable forms");
      String eta = params.get(0).name();
      List<String> lines = new ArrayList<>();
      for (Case c : loss.cases()) {
        String written = escape(math.write(c.hessian().get(0)));
        String when = c.label() == null ? "" : "  when " + labelCondition(loss.model(), c.label()) + ":\n";
        lines.add(when + "  d2 nll / d " + eta + "^2 = " + written + "\n");
      }
      boolean writeOut = params.size() == 1 && lines.stream().allMatch(l -> l.length() <= SHORT);
      doc.append(writeOut ? ":\n<pre>\n" + String.join("", lines) + "</pre>\n" : ".\n");
    }
    if (loss.fisherWeight() != null) {
      doc.append("<p>{@code fisherWeight} gives the expected information E[d2 nll / d ")
          .append(params.get(0).name())
          .append("^2], the IRLS working weight: the family's information for its primary parameter"
              + " times the link's squared slope,\n<pre>\n  fisherWeight = ")
          .append(escape(math.write(loss.fisherWeight())))
          .append("\n</pre>\n");
    }
  }

  private static List<DerivedLoss.Spot> spotsOf(Case c, int gradient) {
    return c.spots().stream().filter(s -> s.gradient() == gradient).toList();
  }

  private static String labelCondition(LikelihoodModel model, double label) {
    String y = model.response().name();
    return model.response().type() == dev.likelihood.processor.model.ValueType.BOOLEAN
        ? y + " is " + (label == 1)
        : y + " = " + (int) label;
  }

  private static String densityFormula(DerivedLoss loss) {
    return loss.formula();
  }

  private static String bindingLine(LikelihoodModel model, ParameterBinding b) {
    String name = b.parameter().name();
    switch (b.source()) {
      case PARAM:
        String eta = b.component().name();
        boolean primary = b.parameter().equals(model.signature().primary());
        if (primary && model.offset().isPresent()) {
          eta = "(" + eta + " + " + model.offset().get().name() + ")";
        }
        return InverseLinks.formula(b.link(), name, eta) + "    (@Param " + b.component().name()
            + ", " + b.link() + " link)";
      case KNOWN:
        return name + " = " + b.component().name() + "    (@Known, per sample)";
      case CONSTANT:
        return name + " = " + Literals.of(b.value()) + "    (@Constant)";
      default:
        return name + " = " + Literals.of(b.value()) + "    (the family's default)";
    }
  }

  private static void collect(Expr e, Set<Fn> used) {
    if (e instanceof Call c) {
      used.add(c.fn());
    }
    Exprs.children(e).forEach(child -> collect(child, used));
  }

  private static void collectGroups(Expr e, Set<Expr.Group> groups) {
    if (e instanceof Expr.Group g) {
      groups.add(g);
    }
    Exprs.children(e).forEach(child -> collectGroups(child, groups));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
