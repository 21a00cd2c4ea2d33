package dev.likelihood.processor.derive;

import dev.likelihood.processor.derive.Expr.Call;
import dev.likelihood.processor.derive.Expr.Const;
import dev.likelihood.processor.derive.Expr.Group;
import dev.likelihood.processor.derive.Expr.Pow;
import dev.likelihood.processor.derive.Expr.Product;
import dev.likelihood.processor.derive.Expr.Sum;
import dev.likelihood.processor.derive.Expr.Var;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Smart constructors for {@link Expr}: every node is built through here and comes out in a
 * canonical, simplified form (flattened sums and products, folded constants, like terms and
 * like factors collected, x^1 and x*1 and x+0 gone). Only algebraic identities that hold for
 * every real input live here; rewrites chosen for numerical stability are in
 * {@link StableRewrites}. Constant folding uses {@link StrictMath}, so the generated code does
 * not depend on the JDK that compiled it.
 */
public final class Exprs {

  private static final Const ZERO = new Const(0);
  private static final Const ONE = new Const(1);

  private Exprs() {}

  public static Expr constant(double value) {
    return new Const(value);
  }

  public static Expr var(String name) {
    return new Var(name);
  }

  public static Expr sum(Expr... terms) {
    return sum(Arrays.asList(terms));
  }

  /** A sum with constants folded and like terms (equal up to a constant factor) collected. */
  public static Expr sum(List<Expr> terms) {
    double constant = 0;
    // like terms are found up to the order of their factors: a b and b a collect
    Map<Expr, Double> coefficients = new LinkedHashMap<>();
    Map<Expr, Expr> firstForm = new LinkedHashMap<>();
    for (Expr term : flatten(terms, Sum.class)) {
      if (term instanceof Const c) {
        constant += c.value();
      } else {
        Expr rest = withoutCoefficient(term);
        Expr key = canonical(rest);
        firstForm.putIfAbsent(key, rest);
        coefficients.merge(key, coefficientOf(term), Double::sum);
      }
    }
    List<Expr> out = new ArrayList<>();
    coefficients.forEach(
        (key, coefficient) -> {
          if (coefficient != 0) {
            out.add(product(constant(coefficient), firstForm.get(key)));
          }
        });
    if (constant != 0) {
      out.add(constant(constant));
    }
    if (out.isEmpty()) {
      return ZERO;
    }
    return out.size() == 1 ? out.get(0) : new Sum(out);
  }

  /** A product with its factors in a fixed order, to compare products up to commutativity. */
  private static Expr canonical(Expr e) {
    if (!(e instanceof Product p)) {
      return e;
    }
    List<Expr> sorted = new ArrayList<>(p.factors());
    sorted.sort(java.util.Comparator.comparing(Object::toString));
    return new Product(sorted);
  }

  public static Expr product(Expr... factors) {
    return product(Arrays.asList(factors));
  }

  /** A product with constants folded to one leading coefficient and like bases collected. */
  public static Expr product(List<Expr> factors) {
    double coefficient = 1;
    Map<Expr, Double> exponents = new LinkedHashMap<>();
    List<Expr> exponentials = new ArrayList<>();
    for (Expr factor : flatten(factors, Product.class)) {
      if (factor instanceof Call e && e.fn() == Fn.EXP) {
        // exp(a) exp(b) = exp(a + b): one exponential, which cannot overflow where the product
        // of two would (exp(eta) exp(-eta) at eta = 800 is 1, not inf * 0)
        exponentials.add(e.arg());
      } else if (factor instanceof Const c) {
        coefficient *= c.value();
      } else if (factor instanceof Pow p) {
        exponents.merge(p.base(), p.exponent(), Double::sum);
      } else {
        exponents.merge(factor, 1.0, Double::sum);
      }
    }
    if (!exponentials.isEmpty()) {
      Expr merged = call(Fn.EXP, sum(exponentials));
      if (merged instanceof Const c) {
        coefficient *= c.value();
      } else {
        exponents.merge(merged, 1.0, Double::sum);
      }
    }
    List<Expr> powers = new ArrayList<>();
    for (Map.Entry<Expr, Double> entry : exponents.entrySet()) {
      Expr power = pow(entry.getKey(), entry.getValue());
      if (power instanceof Const c) {
        coefficient *= c.value();
      } else {
        powers.add(power);
      }
    }
    if (coefficient == 0) {
      return ZERO;
    }
    List<Expr> out = new ArrayList<>();
    if (coefficient != 1 || powers.isEmpty()) {
      out.add(constant(coefficient));
    }
    out.addAll(powers);
    return out.size() == 1 ? out.get(0) : new Product(out);
  }

  /**
   * {@code base^exponent}. Powers of powers combine only for an integer outer exponent, where
   * (x^a)^n = x^(an) holds for every x; powers of products are kept whole, so that a ratio such
   * as (y - mu)/sigma is squared as a ratio and cannot overflow or underflow on the way.
   */
  public static Expr pow(Expr base, double exponent) {
    if (exponent == 0) {
      return ONE;
    }
    if (exponent == 1) {
      return base;
    }
    if (base instanceof Const c) {
      return constant(StrictMath.pow(c.value(), exponent));
    }
    if (exponent % 2 == 0 && coefficientOf(base) < 0) {
      // (-x)^2 = x^2: even powers forget the sign, so phi(-x) and phi(x) are one term
      return pow(product(constant(-coefficientOf(base)), withoutCoefficient(base)), exponent);
    }
    if (base instanceof Pow p && exponent == Math.rint(exponent)) {
      return pow(p.base(), p.exponent() * exponent);
    }
    if (base instanceof Call c && c.fn() == Fn.EXP) {
      return call(Fn.EXP, product(constant(exponent), c.arg()));
    }
    return new Pow(base, exponent);
  }

  public static Expr call(Fn fn, Expr... args) {
    List<Expr> list = List.of(args);
    if (fn == Fn.TIMES_OR_ZERO && list.get(0) instanceof Const c) {
      return product(c, list.get(1));
    }
    if (list.size() == 1 && list.get(0) instanceof Const c) {
      Double folded = fold(fn, c.value());
      if (folded != null) {
        return constant(folded);
      }
    }
    if (fn == Fn.LOG && list.get(0) instanceof Call inner && inner.fn() == Fn.EXP) {
      return inner.arg();
    }
    return new Call(fn, list);
  }

  public static Expr neg(Expr e) {
    return product(constant(-1), e);
  }

  public static Expr difference(Expr a, Expr b) {
    return sum(a, neg(b));
  }

  public static Expr quotient(Expr a, Expr b) {
    return product(a, pow(b, -1));
  }

  public static Expr square(Expr e) {
    return pow(e, 2);
  }

  public static Expr log(Expr e) {
    return call(Fn.LOG, e);
  }

  public static Expr exp(Expr e) {
    return call(Fn.EXP, e);
  }

  /** The constant factor of a term: 2 for 2xy, -1 for -x, 1 for x. */
  public static double coefficientOf(Expr term) {
    if (term instanceof Product p && p.factors().get(0) instanceof Const c) {
      return c.value();
    }
    return term instanceof Const c ? c.value() : 1;
  }

  /** A term without its constant factor: xy for 2xy. */
  public static Expr withoutCoefficient(Expr term) {
    if (term instanceof Const) {
      return ONE;
    }
    if (term instanceof Product p && p.factors().get(0) instanceof Const) {
      List<Expr> rest = p.factors().subList(1, p.factors().size());
      return rest.size() == 1 ? rest.get(0) : new Product(rest);
    }
    return term;
  }

  /** Names a quantity and keeps it whole; see {@link Group}. */
  public static Expr group(String name, Expr body) {
    return body instanceof Const || body instanceof Var || body instanceof Group
        ? body
        : new Group(name, body);
  }

  /** Whether the expression mentions the variable. */
  public static boolean dependsOn(Expr e, Var v) {
    if (e instanceof Var x) {
      return x.equals(v);
    }
    return children(e).stream().anyMatch(child -> dependsOn(child, v));
  }

  /** The direct operands of a node. */
  public static List<Expr> children(Expr e) {
    if (e instanceof Sum s) {
      return s.terms();
    }
    if (e instanceof Product p) {
      return p.factors();
    }
    if (e instanceof Pow p) {
      return List.of(p.base());
    }
    if (e instanceof Call c) {
      return c.args();
    }
    if (e instanceof Group g) {
      return List.of(g.body());
    }
    return List.of();
  }

  /** Rebuilds a node over new operands, simplifying again. */
  public static Expr withChildren(Expr e, List<Expr> children) {
    if (e instanceof Sum) {
      return sum(children);
    }
    if (e instanceof Product) {
      return product(children);
    }
    if (e instanceof Pow p) {
      return pow(children.get(0), p.exponent());
    }
    if (e instanceof Call c) {
      return call(c.fn(), children.toArray(Expr[]::new));
    }
    if (e instanceof Group g) {
      return group(g.name(), children.get(0));
    }
    return e;
  }

  /** Replaces variables by expressions, simplifying as it rebuilds. */
  public static Expr substitute(Expr e, Map<Var, Expr> bindings) {
    if (e instanceof Var v) {
      return bindings.getOrDefault(v, v);
    }
    List<Expr> children = children(e);
    if (children.isEmpty()) {
      return e;
    }
    List<Expr> replaced = new ArrayList<>(children.size());
    for (Expr child : children) {
      replaced.add(substitute(child, bindings));
    }
    return withChildren(e, replaced);
  }

  private static List<Expr> flatten(List<Expr> items, Class<? extends Expr> kind) {
    List<Expr> out = new ArrayList<>();
    for (Expr item : items) {
      if (kind.isInstance(item)) {
        out.addAll(children(item));
      } else {
        out.add(item);
      }
    }
    return out;
  }

  private static Double fold(Fn fn, double x) {
    switch (fn) {
      case EXP:
        return StrictMath.exp(x);
      case LOG:
        return StrictMath.log(x);
      case LOG1P:
        return StrictMath.log1p(x);
      case EXPM1:
        return StrictMath.expm1(x);
      default:
        return null;
    }
  }
}
