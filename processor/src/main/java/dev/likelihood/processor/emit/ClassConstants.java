package dev.likelihood.processor.emit;

import com.palantir.javapoet.FieldSpec;
import dev.likelihood.processor.derive.DerivedLoss;
import dev.likelihood.processor.derive.Expr;
import dev.likelihood.processor.derive.Expr.Call;
import dev.likelihood.processor.derive.Expr.Var;
import dev.likelihood.processor.derive.Exprs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Subexpressions that depend on no input but call a function, such as the Huber normaliser of a
 * constant delta or lgammaHalfStep of a constant nu: computed once, in a {@code private static
 * final} field, rather than on every row (the JIT does not fold method calls).
 */
final class ClassConstants {

  private final Map<Expr, String> names = new LinkedHashMap<>();
  private final List<FieldSpec> fields = new ArrayList<>();
  private final java.util.Set<String> taken = new java.util.HashSet<>();

  ClassConstants(DerivedLoss loss) {
    // a component of the same name would shadow the field inside the generated methods
    loss.model().components().forEach(c -> taken.add(c.name()));
    for (DerivedLoss.Case c : loss.cases()) {
      collect(c.nll());
      c.gradient().forEach(this::collect);
      c.spots().forEach(spot -> collect(spot.value()));
      c.hessian().forEach(this::collect);
    }
    if (loss.fisherWeight() != null) {
      collect(loss.fisherWeight());
    }
    if (loss.mean() != null) {
      collect(loss.mean());
    }
    if (loss.mode() != null) {
      collect(loss.mode());
    }
  }

  /** The field standing for an expression, or null. */
  String nameOf(Expr e) {
    return names.get(e);
  }

  List<FieldSpec> fields() {
    return fields;
  }

  private void collect(Expr e) {
    // a numeric coefficient is written apart from what it multiplies (a sum writes -1 x as "- x"),
    // so the field must hold the factors after it, or the writer never meets it
    boolean coefficientFirst = e instanceof Expr.Product p && p.factors().get(0) instanceof Expr.Const;
    if (isConstant(e) && containsCall(e) && !coefficientFirst) {
      if (!names.containsKey(e)) {
        String name = fieldName(e);
        names.put(e, name);
        String value = ExpressionWriter.java(Map.of()).write(e);
        fields.add(
            FieldSpec.builder(double.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$L", JavaText.code(value))
                .build());
      }
      return;
    }
    Exprs.children(e).forEach(this::collect);
  }

  private String fieldName(Expr e) {
    String base = firstCall(e).fn().name().toUpperCase(Locale.ROOT);
    String name = base;
    for (int n = 2; taken.contains(name); n++) {
      name = base + "_" + n;
    }
    taken.add(name);
    return name;
  }

  private static Call firstCall(Expr e) {
    if (e instanceof Call c) {
      return c;
    }
    return Exprs.children(e).stream()
        .filter(ClassConstants::containsCall)
        .map(ClassConstants::firstCall)
        .findFirst()
        .orElseThrow();
  }

  private static boolean isConstant(Expr e) {
    boolean variable = e instanceof Var || e instanceof Expr.Width || e instanceof Expr.Index
        || e instanceof Expr.Element;
    return !variable && Exprs.children(e).stream().allMatch(ClassConstants::isConstant);
  }

  private static boolean containsCall(Expr e) {
    return e instanceof Call || Exprs.children(e).stream().anyMatch(ClassConstants::containsCall);
  }
}
