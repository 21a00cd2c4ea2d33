package dev.likelihood.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.likelihood.processor.derive.DerivedLoss;
import dev.likelihood.processor.derive.DerivedLoss.Case;
import dev.likelihood.processor.derive.DerivedLoss.Guard;
import dev.likelihood.processor.derive.Expr;
import dev.likelihood.processor.model.Component;
import dev.likelihood.processor.model.Domain;
import dev.likelihood.processor.model.LikelihoodModel;
import dev.likelihood.processor.model.ParameterBinding;
import dev.likelihood.processor.model.Source;
import dev.likelihood.processor.model.Support;
import dev.likelihood.processor.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The code for one sample, shared by the per-sample methods and the batch loops: input checks,
 * then the unweighted NLL (and gradient) into locals, through the guards and the per-label cases.
 */
final class RowBody {

  /**
   * The locals holding one sample's results: the NLL, the gradient of each scalar
   * {@code @Param} component (null for a vector component, whose entries go to a {@link Sink}),
   * and, where asked for, the Hessian row-major (P x P, one local for entries (a, b) and (b, a)).
   */
  record Outputs(String nll, List<String> gradient, List<String> hessian) {}

  /** Where the entries of a vector component's gradient go. */
  interface Sink {
    /** The gradient array of the component. */
    String array(Component c);

    /** The position of the component's entry 0 in {@link #array}. */
    String offset(Component c);

    /** The factor every entry is multiplied by (a weight, 1/n), or null for none. */
    String factor();
  }

  private final DerivedLoss loss;
  private final Map<String, String> variables;
  private final String row;
  private final LocalNames names;
  private final CodeBlock.Builder code;
  private final ClassConstants constants;
  private Sink sink;

  /**
   * @param variables how each component's value is spelled ({@code calls} or {@code calls[i]})
   * @param row the Java expression for the row reported by exceptions
   */
  RowBody(
      DerivedLoss loss,
      Map<String, String> variables,
      String row,
      LocalNames names,
      CodeBlock.Builder code,
      ClassConstants constants) {
    this.constants = constants;
    this.loss = loss;
    this.variables = variables;
    this.row = row;
    this.names = names;
    this.code = code;
  }

  /**
   * @param sink where vector gradients go; null without a gradient
   */
  Outputs write(boolean withGradient, Sink sink) {
    return write(withGradient, false, sink);
  }

  /**
   * @param withHessian whether to compute the Hessian too (then also the gradient); only for a
   *     loss that {@link DerivedLoss#hasHessian has one}
   * @param sink where vector gradients go; null without a gradient
   */
  Outputs write(boolean withGradient, boolean withHessian, Sink sink) {
    withGradient |= withHessian;
    checkInputs();
    LikelihoodModel model = loss.model();
    String nll = names.fresh("nll");
    List<String> gradient = new ArrayList<>();
    code.addStatement("final double $L", nll);
    if (withGradient) {
      for (Component c : model.paramComponents()) {
        if (c.type().isArray()) {
          gradient.add(null);
          continue;
        }
        String name = names.fresh("d" + Character.toUpperCase(c.name().charAt(0)) + c.name().substring(1));
        gradient.add(name);
        code.addStatement("final double $L", name);
      }
    }
    List<String> hessian = withHessian ? declareHessian(model.paramComponents()) : List.of();
    Outputs outputs = new Outputs(nll, gradient, hessian);
    if (loss.kernel() != null) {
      new KernelCall(loss, variables, row, code).write(nll, withGradient ? sink : null);
      return outputs;
    }
    this.sink = sink;
    if (!loss.guards().isEmpty()) {
      code.beginControlFlow("if ($L)", guardCondition());
      code.add("// the link's inverse is undefined or leaves the parameter's domain here\n");
      code.addStatement("$L = $T.POSITIVE_INFINITY", nll, Double.class);
      gradient.forEach(g -> code.addStatement("$L = $T.NaN", g, Double.class));
      new java.util.LinkedHashSet<>(hessian).forEach(h -> code.addStatement("$L = $T.NaN", h, Double.class));
      code.nextControlFlow("else");
    }
    List<Case> cases = loss.cases();
    if (cases.size() == 1) {
      writeCase(cases.get(0), outputs);
    } else {
      code.beginControlFlow("if ($L)", labelIsOne());
      writeCase(cases.get(0), outputs);
      code.nextControlFlow("else");
      writeCase(cases.get(1), outputs);
      code.endControlFlow();
    }
    if (!loss.guards().isEmpty()) {
      code.endControlFlow();
    }
    return outputs;
  }

  /** One local per entry (a, b), a <= b, in both of its row-major positions. */
  private List<String> declareHessian(List<Component> params) {
    int p = params.size();
    String[] hessian = new String[p * p];
    for (int a = 0; a < p; a++) {
      for (int b = a; b < p; b++) {
        String name = names.fresh("d2" + capitalised(params.get(a).name()) + capitalised(params.get(b).name()));
        code.addStatement("final double $L", name);
        hessian[a * p + b] = name;
        hessian[b * p + a] = name;
      }
    }
    return List.of(hessian);
  }

  private static String capitalised(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private void writeCase(Case derived, Outputs outputs) {
    boolean withGradient = !outputs.gradient().isEmpty();
    boolean withHessian = !outputs.hessian().isEmpty();
    Case c = SharedExponentials.lower(derived, withGradient, withHessian);
    List<Expr> exprs = new ArrayList<>();
    exprs.add(c.nll());
    if (withGradient) {
      exprs.addAll(c.gradient());
      c.spots().forEach(spot -> exprs.add(spot.value()));
    }
    int p = outputs.gradient().size();
    if (withHessian) {
      for (int a = 0; a < p; a++) {
        exprs.addAll(c.hessian().subList(a * p + a, a * p + p));
      }
    }
    StraightLineCode straight = new StraightLineCode(exprs, variables, names, code, constants);
    String nll = straight.java(c.nll());
    List<String> gradient = new ArrayList<>();
    for (int k = 0; k < outputs.gradient().size(); k++) {
      gradient.add(outputs.gradient().get(k) == null ? null : straight.java(c.gradient().get(k)));
    }
    code.addStatement("$L = $L", outputs.nll(), JavaText.code(nll));
    for (int k = 0; k < gradient.size(); k++) {
      if (gradient.get(k) != null) {
        code.addStatement("$L = $L", outputs.gradient().get(k), JavaText.code(gradient.get(k)));
      }
    }
    if (withHessian) {
      for (int a = 0; a < p; a++) {
        for (int b = a; b < p; b++) {
          String h = straight.java(c.hessian().get(a * p + b));
          code.addStatement("$L = $L", outputs.hessian().get(a * p + b), JavaText.code(h));
        }
      }
    }
    if (withGradient) {
      writeVectorGradients(c, straight);
    }
  }

  /**
   * One loop over j writes entry j of every vector component's gradient; then the entries a
   * Kronecker delta picks (the label's) are overwritten with their specialised form.
   */
  private void writeVectorGradients(Case c, StraightLineCode straight) {
    List<Component> params = loss.model().paramComponents();
    List<Integer> vectors = new ArrayList<>();
    for (int k = 0; k < params.size(); k++) {
      if (params.get(k).type().isArray()) {
        vectors.add(k);
      }
    }
    if (vectors.isEmpty()) {
      return;
    }
    List<Expr> entries = new ArrayList<>();
    vectors.forEach(k -> entries.add(c.gradient().get(k)));
    String j = names.fresh(DerivedLoss.ENTRY.name());
    StraightLineCode loop = straight.loop(DerivedLoss.ENTRY, j, entries);
    code.beginControlFlow("for (int $L = 0; $L < $L; $L++)", j, j, straight.width(), j);
    for (int k : vectors) {
      Component component = params.get(k);
      code.addStatement(
          "$L = $L$L", entry(component, j), factorPrefix(), JavaText.code(factorOperand(loop, c.gradient().get(k))));
    }
    code.endControlFlow();
    for (DerivedLoss.Spot spot : c.spots()) {
      Component component = params.get(spot.gradient());
      String at = straight.java(spot.at());
      code.addStatement(
          "$L = $L$L", entry(component, at), factorPrefix(), JavaText.code(factorOperand(straight, spot.value())));
    }
  }

  private String entry(Component c, String index) {
    String offset = sink.offset(c);
    return sink.array(c) + "[" + (offset.equals("0") ? "" : offset + " + ") + index + "]";
  }

  /**
   * The entry's value, parenthesised where the factor's {@code *} would otherwise bind to its
   * first term only ({@code scale * 1.0 - z * z} is not {@code scale * (1.0 - z * z)}).
   */
  private String factorOperand(StraightLineCode straight, Expr value) {
    return sink.factor() == null ? straight.java(value) : straight.javaOperandOfProduct(value);
  }

  private String factorPrefix() {
    return sink.factor() == null ? "" : sink.factor() + " * ";
  }

  private String guardCondition() {
    List<String> conditions = new ArrayList<>();
    ExpressionWriter writer = new ExpressionWriter(Style.JAVA, variables, e -> null);
    for (Guard guard : loss.guards()) {
      conditions.add(writer.write(guard.eta()) + " <= 0.0");
    }
    return String.join(" || ", conditions);
  }

  private String labelIsOne() {
    Component response = loss.model().response();
    String y = variables.get(response.name());
    return response.type() == ValueType.BOOLEAN ? y : y + " == 1";
  }

  private void checkInputs() {
    LikelihoodModel model = loss.model();
    Component response = model.response();
    String y = variables.get(response.name());
    Support support = model.signature().support();
    if (response.type().isArray()) {
      checkEntries(response, support);
    }
    String bound = support == Support.CATEGORY ? variables.get(ExpressionWriter.WIDTH) : countBound();
    String outside = response.type().isArray() ? null : support.outsideCondition(y, response.type(), bound);
    if (outside != null) {
      code.beginControlFlow("if ($L)", JavaText.code(outside));
      code.addStatement(
          "throw $T.outsideSupport($S, $L, $L, $S)",
          Types.CHECKS,
          response.name(),
          JavaText.code(row),
          y,
          model.signature().support().description());
      code.endControlFlow();
    }
    for (ParameterBinding binding : model.parameters()) {
      if (binding.source() == Source.KNOWN) {
        checkDomain(binding.component(), binding.parameter().domain());
      }
    }
    model.weight().ifPresent(w -> checkDomain(w, null));
  }

  /**
   * Every entry of a vector response must lie in the support: a probability of a target
   * distribution, a finite coordinate. A ranking is checked by its kernel.
   */
  private void checkEntries(Component response, Support support) {
    if (support == Support.RANKING) {
      return;
    }
    String entry = names.fresh("entry");
    String value = variables.get(response.name()).replace("%s", entry);
    String inside = support == Support.CATEGORY
        ? value + " >= 0.0 && " + value + " <= 1.0"
        : "Double.isFinite(" + value + ")";
    code.beginControlFlow(
        "for (int $L = 0; $L < $L; $L++)", entry, entry, variables.get(ExpressionWriter.WIDTH), entry);
    code.beginControlFlow("if (!($L))", JavaText.code(inside));
    code.addStatement(
        "throw $T.entryOutsideSupport($S, $L, $L, $L, $S)",
        Types.CHECKS,
        response.name(),
        JavaText.code(row),
        entry,
        value,
        support == Support.CATEGORY ? "a target probability in [0, 1]" : support.description());
    code.endControlFlow();
    code.endControlFlow();
  }

  /** The count parameter (binomial trials) as generated code spells it, or null if none. */
  private String countBound() {
    for (ParameterBinding binding : loss.model().parameters()) {
      if (binding.parameter().domain() == Domain.COUNT) {
        return binding.source() == Source.KNOWN
            ? variables.get(binding.component().name())
            : Long.toString((long) binding.value());
      }
    }
    return null;
  }

  /** A known parameter must lie in its domain, a weight must be >= 0; NaN fails both. */
  private void checkDomain(Component component, Domain domain) {
    String v = variables.get(component.name());
    String inside;
    String expected;
    if (domain == null) {
      inside = v + " >= 0.0";
      expected = ">= 0";
    } else {
      switch (domain) {
        case POSITIVE:
          inside = v + " > 0.0";
          break;
        case PROBABILITY:
          inside = v + " > 0.0 && " + v + " < 1.0";
          break;
        case COUNT:
          inside = v + " >= 1";
          break;
        default:
          inside = "Double.isFinite(" + v + ")";
          break;
      }
      expected = domain.condition();
    }
    code.beginControlFlow("if (!($L))", JavaText.code(inside));
    code.addStatement(
        "throw $T.outsideDomain($S, $L, $L, $S)",
        Types.CHECKS,
        component.name(),
        JavaText.code(row),
        v,
        expected);
    code.endControlFlow();
  }
}
