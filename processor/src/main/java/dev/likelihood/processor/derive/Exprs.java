package dev.likelihood.processor.derive;

import dev.likelihood.processor.derive.Expr.Call;
import dev.likelihood.processor.derive.Expr.Const;
import dev.likelihood.processor.derive.Expr.Delta;
import dev.likelihood.processor.derive.Expr.Element;
import dev.likelihood.processor.derive.Expr.Index;
import dev.likelihood.processor.derive.Expr.Reduce;
import dev.likelihood.processor.derive.Expr.Reduction;
import dev.likelihood.processor.derive.Expr.Width;
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
  private static final Width WIDTH = new Width();

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
    if ((fn == Fn.TIMES_OR_ZERO || fn == Fn.PRODUCT_OR_ZERO)
        && (isBounded(list.get(0)) || isBounded(list.get(1)))) {
      // the guard matters only where one factor is infinite and the other zero
      return product(list.get(0), list.get(1));
    }
    if (list.get(0) instanceof Const c && fn == Fn.WHERE_POSITIVE) {
      // a condition known at compile time (a @Constant, as nu - 1 of a Cauchy's mean) leaves no
      // constant comparison in the generated code, which ecj would flag as dead code
      return c.value() > 0 ? list.get(1) : constant(Double.NaN);
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
    if (e instanceof Element el && el.vector().equals(v.name())) {
      return true; // an element of the vector variable v
    }
    return children(e).stream().anyMatch(child -> dependsOn(child, v));
  }

  /** Whether the expression mentions the index (free, or bound by a reduction inside it). */
  public static boolean mentions(Expr e, Index index) {
    return e.equals(index) || children(e).stream().anyMatch(child -> mentions(child, index));
  }

  /** A constant, a delta, or a constant times a delta: never infinite. */
  static boolean isBounded(Expr e) {
    Expr rest = withoutCoefficient(e);
    return rest instanceof Const || rest instanceof Delta;
  }

  public static Expr index(String name) {
    return new Index(name);
  }

  public static Expr element(String vector, Expr index) {
    return new Element(vector, index);
  }

  public static Expr width() {
    return WIDTH;
  }

  /** Kronecker's delta, folded where the two indices are the same. */
  public static Expr delta(Expr a, Expr b) {
    return a.equals(b) ? ONE : new Delta(a, b);
  }

  /**
   * A reduction over {@code index}, simplified: a body free of the index is reduced in closed
   * form (K b, b + log K, b); a sum picks the term of each Kronecker delta on the index (sum_k
   * [k = j] f(k) = f(j)) and takes out the factors free of the index, so that derivatives of
   * reductions come out as the per-element formulas one would write by hand.
   */
  public static Expr reduce(Reduction kind, Index index, Expr body) {
    if (!mentions(body, index)) {
      switch (kind) {
        case SUM:
          return product(body, WIDTH);
        case LOG_SUM_EXP:
          return sum(body, log(WIDTH));
        default:
          return body;
      }
    }
    if (kind != Reduction.SUM) {
      return new Reduce(kind, index, body);
    }
    List<Expr> closed = new ArrayList<>();
    List<Expr> open = new ArrayList<>();
    for (Expr term : guardedTerms(body instanceof Sum s ? s.terms() : List.of(body), index)) {
      Expr picked = pickDelta(term, index);
      if (picked != null) {
        closed.add(picked);
      } else if (!mentions(term, index)) {
        closed.add(product(term, WIDTH));
      } else if (isSoftmax(term, index)) {
        closed.add(ONE); // sum_k exp(b[k] - logsumexp_k b): the weights of a softmax sum to one
      } else if (term instanceof Call c && c.fn() == Fn.TIMES_OR_ZERO && !mentions(c.args().get(1), index)) {
        // sum_k timesOrZero(a[k], b) = timesOrZero(sum_k a[k], b) for the non-negative data
        // weights a timesOrZero guards: one sum, not one per entry of a gradient
        closed.add(call(Fn.TIMES_OR_ZERO, reduce(kind, index, c.args().get(0)), c.args().get(1)));
      } else {
        open.add(term);
      }
    }
    if (open.size() == 1 && open.get(0) instanceof Product p) {
      List<Expr> free = new ArrayList<>();
      List<Expr> bound = new ArrayList<>();
      p.factors().forEach(f -> (mentions(f, index) ? bound : free).add(f));
      free.add(new Reduce(kind, index, product(bound)));
      closed.add(product(free));
    } else if (!open.isEmpty()) {
      closed.add(new Reduce(kind, index, sum(open)));
    }
    return sum(closed);
  }

  /**
   * The terms of a reduction's body with timesOrZero(a, b1 + b2) split into timesOrZero(a, b1) +
   * timesOrZero(a, b2), and a Kronecker delta on the index taken out of a guarded product
   * (timesOrZero(a, [k = j] f) = [k = j] timesOrZero(a, f)), so the delta can pick its term.
   */
  private static List<Expr> guardedTerms(List<Expr> terms, Index index) {
    List<Expr> out = new ArrayList<>();
    for (Expr term : terms) {
      if (!(term instanceof Call c && c.fn() == Fn.TIMES_OR_ZERO)) {
        out.add(term);
        continue;
      }
      Expr a = c.args().get(0);
      Expr b = c.args().get(1);
      double coefficient = coefficientOf(b);
      Expr unit = withoutCoefficient(b);
      for (Expr unscaled : unit instanceof Sum s ? s.terms() : List.of(unit)) {
        Expr part = product(constant(coefficient), unscaled);
        Delta delta = deltaOn(part, index);
        if (delta == null) {
          out.add(call(Fn.TIMES_OR_ZERO, a, part));
        } else {
          List<Expr> rest = new ArrayList<>(((Product) part).factors());
          rest.remove(delta);
          out.add(product(delta, call(Fn.TIMES_OR_ZERO, a, product(rest))));
        }
      }
    }
    return out;
  }

  private static Delta deltaOn(Expr term, Index index) {
    if (term instanceof Product p) {
      for (Expr f : p.factors()) {
        if (f instanceof Delta d && (d.a().equals(index) || d.b().equals(index))) {
          return d;
        }
      }
    }
    return null;
  }

  /** Whether the term is exp(b[k] - logsumexp_m b[m]). */
  private static boolean isSoftmax(Expr term, Index index) {
    if (!(term instanceof Call c && c.fn() == Fn.EXP && c.arg() instanceof Sum s)) {
      return false;
    }
    for (Expr t : s.terms()) {
      if (coefficientOf(t) == -1 && withoutCoefficient(t) instanceof Reduce r
          && r.kind() == Reduction.LOG_SUM_EXP) {
        Expr b = sum(c.arg(), r);
        return b.equals(substituteIndex(r.body(), r.index(), index));
      }
    }
    return false;
  }

  /** For a term [k = x] f(k), or [x = k] f(k), the value f(x); otherwise null. */
  private static Expr pickDelta(Expr term, Index k) {
    List<Expr> factors = term instanceof Product p ? p.factors() : List.of(term);
    for (int i = 0; i < factors.size(); i++) {
      if (factors.get(i) instanceof Delta d && (d.a().equals(k) || d.b().equals(k))) {
        Expr at = d.a().equals(k) ? d.b() : d.a();
        List<Expr> rest = new ArrayList<>(factors);
        rest.remove(i);
        return substituteIndex(product(rest), k, at);
      }
    }
    return null;
  }

  /** Replaces a free index by an expression (another index, or an integer variable). */
  public static Expr substituteIndex(Expr e, Index index, Expr by) {
    if (e.equals(index)) {
      return by;
    }
    if (e instanceof Reduce r && r.index().equals(index)) {
      return e; // bound again inside: not free there
    }
    return mapChildren(e, child -> substituteIndex(child, index, by));
  }

  /**
   * Replaces every element of the named vectors by an expression of its index: how a vector
   * parameter theta[k] becomes its link's inverse at eta[k].
   */
  public static Expr substituteElements(
      Expr e, Map<String, java.util.function.UnaryOperator<Expr>> bindings) {
    if (e instanceof Element el && bindings.containsKey(el.vector())) {
      return bindings.get(el.vector()).apply(substituteElements(el.index(), bindings));
    }
    return mapChildren(e, child -> substituteElements(child, bindings));
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
    if (e instanceof Element el) {
      return List.of(el.index());
    }
    if (e instanceof Reduce r) {
      return List.of(r.body()); // the index is bound, not an operand
    }
    if (e instanceof Delta d) {
      return List.of(d.a(), d.b());
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
    if (e instanceof Element el) {
      return element(el.vector(), children.get(0));
    }
    if (e instanceof Reduce r) {
      return reduce(r.kind(), r.index(), children.get(0));
    }
    if (e instanceof Delta) {
      return delta(children.get(0), children.get(1));
    }
    return e;
  }

  /** The node rebuilt over its operands, each mapped by {@code f}, simplifying again. */
  public static Expr mapChildren(Expr e, java.util.function.UnaryOperator<Expr> f) {
    List<Expr> children = children(e);
    if (children.isEmpty()) {
      return e;
    }
    List<Expr> mapped = new ArrayList<>(children.size());
    for (Expr child : children) {
      mapped.add(f.apply(child));
    }
    return withChildren(e, mapped);
  }

  /** Replaces every occurrence of a key (any subexpression) by its value, simplifying as it rebuilds. */
  public static Expr replace(Expr e, Map<Expr, Expr> replacements) {
    Expr replacement = replacements.get(e);
    if (replacement != null) {
      return replacement;
    }
    return mapChildren(e, child -> replace(child, replacements));
  }

  /** Replaces variables by expressions, simplifying as it rebuilds. */
  public static Expr substitute(Expr e, Map<Var, Expr> bindings) {
    if (e instanceof Var v) {
      return bindings.getOrDefault(v, v);
    }
    return mapChildren(e, child -> substitute(child, bindings));
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
      case RELU:
        return Math.max(0.0, x);
      case STEP:
        return x > 0 ? 1.0 : 0.0;
      default:
        return null;
    }
  }
}
