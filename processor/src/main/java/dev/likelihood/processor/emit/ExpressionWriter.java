package dev.likelihood.processor.emit;

import static dev.likelihood.processor.derive.Exprs.coefficientOf;
import static dev.likelihood.processor.derive.Exprs.withoutCoefficient;

import dev.likelihood.processor.derive.Expr;
import dev.likelihood.processor.derive.Expr.Call;
import dev.likelihood.processor.derive.Expr.Const;
import dev.likelihood.processor.derive.Expr.Named;
import dev.likelihood.processor.derive.Expr.Pow;
import dev.likelihood.processor.derive.Expr.Product;
import dev.likelihood.processor.derive.Expr.Sum;
import dev.likelihood.processor.derive.Expr.Var;
import dev.likelihood.processor.derive.Exprs;
import dev.likelihood.processor.derive.Fn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes an expression as Java source or as a formula, with the fewest parentheses that keep
 * its meaning. A {@code shared} hook lets straight-line code replace subexpressions by the names
 * of temporaries.
 */
final class ExpressionWriter {

  private static final int SUM = 1;
  private static final int PRODUCT = 2;
  private static final int UNARY = 3;
  private static final int ATOM = 4;

  private final Style style;
  private final Map<String, String> variables;
  private final Function<Expr, String> shared;

  /**
   * @param variables how each IR variable is spelled (a parameter, {@code calls[i]})
   * @param shared the name standing for a subexpression, or null to write it out
   */
  ExpressionWriter(Style style, Map<String, String> variables, Function<Expr, String> shared) {
    this.style = style;
    this.variables = variables;
    this.shared = shared;
  }

  /** A writer of Java source with no temporaries. */
  static ExpressionWriter java(Map<String, String> variables) {
    return new ExpressionWriter(Style.JAVA, variables, e -> null);
  }

  /** A writer for formulas, with no temporaries. */
  static ExpressionWriter math(Map<String, String> variables) {
    return new ExpressionWriter(Style.MATH, variables, e -> null);
  }

  String write(Expr e) {
    return write(e, 0).text;
  }

  /** The expression as the right-hand factor of a product: parenthesised if it is a sum. */
  String writeOperandOfProduct(Expr e) {
    return write(e, PRODUCT).text;
  }

  /** A named quantity's definition, written out (its name is what {@link #write} gives). */
  String writeDefinition(Expr.Group g) {
    return write(g.body(), 0).text;
  }

  private Written write(Expr e, int context) {
    Written w = writeNode(e);
    return w.precedence < context ? new Written("(" + w.text + ")", ATOM) : w;
  }

  private Written writeNode(Expr e) {
    String name = shared.apply(e);
    if (name != null) {
      return new Written(name, ATOM);
    }
    if (e instanceof Const c) {
      String literal = style == Style.JAVA ? Literals.of(Math.abs(c.value())) : math(c.value());
      return c.value() < 0 || (c.value() == 0 && 1 / c.value() < 0)
          ? new Written("-" + literal, UNARY)
          : new Written(literal, ATOM);
    }
    if (e instanceof Named n) {
      return new Written(style == Style.JAVA ? n.javaName() : "(" + n.mathName() + ")", ATOM);
    }
    if (e instanceof Var v) {
      String spelled = variables.get(v.name());
      if (spelled == null) {
        throw new IllegalStateException("unbound variable " + v.name());
      }
      return new Written(spelled, ATOM);
    }
    if (e instanceof Sum s) {
      return sum(s);
    }
    if (e instanceof Product p) {
      return product(p);
    }
    if (e instanceof Pow p) {
      return power(p);
    }
    if (e instanceof Expr.Group g) {
      return style == Style.MATH ? new Written(groupName(g), ATOM) : writeNode(g.body());
    }
    if (e instanceof Expr.Index i) {
      return new Written(style == Style.MATH ? i.name() : spelled(i.name()), ATOM);
    }
    if (e instanceof Expr.Element el) {
      String index = write(el.index());
      return style == Style.MATH
          ? new Written(variables.getOrDefault(el.vector(), el.vector()) + "[" + index + "]", ATOM)
          : new Written(spelled(el.vector()).replace("%s", index), ATOM);
    }
    if (e instanceof Expr.Width) {
      return new Written(style == Style.MATH ? "K" : spelled(WIDTH), ATOM);
    }
    if (e instanceof Expr.Delta d) {
      if (style == Style.JAVA) {
        throw new IllegalStateException("a Kronecker delta reached Java: " + e);
      }
      return new Written("[" + write(d.a()) + " = " + write(d.b()) + "]", ATOM);
    }
    if (e instanceof Expr.Reduce r) {
      if (style == Style.JAVA) {
        throw new IllegalStateException("a reduction must be a loop, not an expression: " + e);
      }
      String kind = r.kind() == Expr.Reduction.SUM ? "sum" : r.kind() == Expr.Reduction.MAX ? "max" : "logsumexp";
      return new Written(kind + "_" + r.index().name() + "(" + write(r.body()) + ")", ATOM);
    }
    return call((Call) e);
  }

  private Written sum(Sum s) {
    List<Expr> terms = new ArrayList<>(s.terms());
    // 1 - y reads better than -y + 1: lead with a positive term where there is one
    for (int k = 0; k < terms.size() && coefficientOf(terms.get(0)) < 0; k++) {
      if (coefficientOf(terms.get(k)) > 0) {
        terms.add(0, terms.remove(k));
      }
    }
    StringBuilder text = new StringBuilder(write(terms.get(0), SUM).text);
    for (Expr term : terms.subList(1, terms.size())) {
      double coefficient = coefficientOf(term);
      if (coefficient < 0) {
        Expr negated = Exprs.product(Exprs.constant(-coefficient), withoutCoefficient(term));
        text.append(" - ").append(write(negated, PRODUCT).text);
      } else {
        text.append(" + ").append(write(term, SUM + 1).text);
      }
    }
    return new Written(text.toString(), SUM);
  }

  private Written product(Product p) {
    double coefficient = coefficientOf(p);
    List<String> numerator = new ArrayList<>();
    List<String> denominator = new ArrayList<>();
    boolean scalesDown = Math.abs(coefficient) < 1;
    if (coefficient != 1 && coefficient != -1 && (scalesDown || style == Style.MATH)) {
      numerator.add(write(Exprs.constant(Math.abs(coefficient)), PRODUCT).text);
    }
    Expr rest = withoutCoefficient(p);
    List<Expr> factors = rest instanceof Product q ? q.factors() : List.of(rest);
    if (!scalesDown && coefficient != 1 && coefficient != -1 && style == Style.JAVA) {
      // a factor such as 2 goes last: 2 * kappa overflows at kappa = 1.7e308 where
      // kappa * sin(r)^2 * 2 need not
      factors = new ArrayList<>(factors);
      factors.add(Exprs.constant(Math.abs(coefficient)));
    }
    for (Expr factor : factors) {
      if (factor instanceof Pow pow && pow.exponent() < 0 && shared.apply(factor) == null) {
        denominator.add(write(Exprs.pow(pow.base(), -pow.exponent()), PRODUCT + 1).text);
      } else {
        numerator.add(write(factor, PRODUCT).text);
      }
    }
    String text;
    if (denominator.isEmpty()) {
      text = String.join(times(), numerator);
    } else if (numerator.size() <= 1 || style == Style.MATH) {
      text = (numerator.isEmpty() ? one() : String.join(times(), numerator))
          + " / " + String.join(" / ", denominator);
    } else {
      // a * b * (c / d) rather than a * b * c / d: the quotient of the last factor and the
      // denominator is usually moderate where the running product c * ... would overflow
      String last = numerator.remove(numerator.size() - 1);
      text = String.join(times(), numerator) + " * (" + last + " / " + String.join(" / ", denominator) + ")";
    }
    return coefficient < 0 ? new Written("-" + text, UNARY) : new Written(text, PRODUCT);
  }

  private Written power(Pow p) {
    double n = p.exponent();
    if (n < 0) {
      String d = write(Exprs.pow(p.base(), -n), PRODUCT + 1).text;
      return new Written(one() + " / " + d, PRODUCT);
    }
    if (style == Style.MATH) {
      return n == 0.5
          ? new Written("sqrt(" + write(p.base()) + ")", ATOM)
          : new Written(write(p.base(), ATOM).text + "^" + math(n), ATOM);
    }
    String base = write(p.base(), ATOM).text;
    if ((n == 2 || n == 3) && p.base() instanceof Expr.Var v && variables.containsKey(integerKey(v.name()))) {
      base = "(double) " + base; // the first product in double, so the rest is too
    }
    if (n == 2 || n == 3) {
      // parenthesised, so that x^2 inside a product is evaluated as a unit, exactly as where a
      // shared square is a temporary: nll(...) and nllAndGradient(...) then agree to the bit
      String cube = n == 2 ? base + " * " + base : base + " * " + base + " * " + base;
      return new Written("(" + cube + ")", ATOM);
    }
    if (n == 0.5) {
      return new Written("Math.sqrt(" + write(p.base()) + ")", ATOM);
    }
    return new Written("Math.pow(" + write(p.base()) + ", " + Literals.of(n) + ")", ATOM);
  }

  private Written call(Call c) {
    if (c.fn() == Fn.RELU) {
      return style == Style.JAVA
          ? new Written("Math.max(0.0, " + write(c.arg()) + ")", ATOM)
          : new Written("max(0, " + write(c.arg()) + ")", ATOM);
    }
    if (c.fn() == Fn.WHERE_POSITIVE) {
      String condition = write(c.arg(), SUM + 1).text;
      String value = write(c.args().get(1), SUM + 1).text;
      return style == Style.JAVA
          ? new Written("(" + condition + " > 0.0 ? " + value + " : Double.NaN)", ATOM)
          : new Written("(" + value + " where " + condition + " > 0, else undefined)", ATOM);
    }
    if (c.fn() == Fn.STEP) {
      String x = write(c.arg(), SUM + 1).text;
      return style == Style.JAVA
          ? new Written("(" + x + " > 0.0 ? 1.0 : 0.0)", ATOM)
          : new Written("step(" + write(c.arg()) + ")", ATOM);
    }
    List<String> args = new ArrayList<>();
    for (Expr arg : c.args()) {
      args.add(write(arg));
    }
    String fn = style == Style.JAVA ? c.fn().javaName() : c.fn().mathName();
    return new Written(fn + "(" + String.join(", ", args) + ")", ATOM);
  }

  /** The variable naming the common length of the vectors. */
  static final String WIDTH = "#width";

  /**
   * The key under which the variables mark an integer component ({@code int} or {@code long}
   * count): its square is written with a cast, since {@code y * y} in int arithmetic overflows
   * for counts above 46,340 (the Hessian of a count family squares the count).
   */
  static String integerKey(String variable) {
    return "#int:" + variable;
  }

  private String spelled(String variable) {
    String spelled = variables.get(variable);
    if (spelled == null) {
      throw new IllegalStateException("unbound variable " + variable);
    }
    return spelled;
  }

  /** z, or z[k] for a group that varies with an index. */
  private String groupName(Expr.Group g) {
    List<String> indices = new ArrayList<>();
    collectIndices(g.body(), indices);
    return indices.isEmpty() ? g.name() : g.name() + "[" + String.join(", ", indices) + "]";
  }

  private void collectIndices(Expr e, List<String> indices) {
    if (e instanceof Expr.Element el && !(el.index() instanceof Const)) {
      String index = write(el.index());
      if (!indices.contains(index)) {
        indices.add(index);
      }
      return;
    }
    if (!(e instanceof Expr.Reduce)) {
      Exprs.children(e).forEach(child -> collectIndices(child, indices));
    }
  }

  private String one() {
    return style == Style.JAVA ? "1.0" : "1";
  }

  private String times() {
    return style == Style.JAVA ? " * " : " ";
  }

  private static String math(double value) {
    String literal = Literals.of(Math.abs(value));
    return literal.endsWith(".0") ? literal.substring(0, literal.length() - 2) : literal;
  }

  private record Written(String text, int precedence) {}
}
