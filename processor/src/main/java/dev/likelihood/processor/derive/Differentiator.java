package dev.likelihood.processor.derive;

import static dev.likelihood.processor.derive.Exprs.call;
import static dev.likelihood.processor.derive.Exprs.constant;
import static dev.likelihood.processor.derive.Exprs.dependsOn;
import static dev.likelihood.processor.derive.Exprs.pow;
import static dev.likelihood.processor.derive.Exprs.product;
import static dev.likelihood.processor.derive.Exprs.sum;

import dev.likelihood.processor.derive.Expr.Call;
import dev.likelihood.processor.derive.Expr.Element;
import dev.likelihood.processor.derive.Expr.Reduce;
import dev.likelihood.processor.derive.Expr.Reduction;
import dev.likelihood.processor.derive.Expr.Pow;
import dev.likelihood.processor.derive.Expr.Product;
import dev.likelihood.processor.derive.Expr.Sum;
import dev.likelihood.processor.derive.Expr.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Symbolic differentiation of the IR. Primitives contribute their own derivative rules
 * ({@link Fn#partials}), which are written in stable primitives, so the derivative of a stable
 * expression is stable too. Operands that do not mention the variable are never differentiated.
 */
public final class Differentiator {

  private Differentiator() {}

  /** d e / d v, simplified. */
  public static Expr derivative(Expr e, Var v) {
    return derivative(e, (Expr) v);
  }

  /**
   * d e / d v[j]: the derivative with respect to entry j of a vector variable, an expression in
   * the free index j (with Kronecker deltas where e picks out a fixed element such as
   * logits[label]).
   */
  public static Expr derivative(Expr e, Element vj) {
    return derivative(e, (Expr) vj);
  }

  /**
   * Whether {@link #derivative(Expr, Var)} has a rule for every primitive on the way to {@code v}:
   * a second derivative needs the partials of the first derivative's primitives, some of which
   * (the quadrature of logMeanSigmoid) have none.
   */
  public static boolean differentiable(Expr e, Var v) {
    if (!dependsOn(e, v)) {
      return true;
    }
    if (e instanceof Call c && c.fn() != Fn.TIMES_OR_ZERO) {
      List<Expr> partials = c.fn().partials(c.args());
      for (int i = 0; i < c.args().size(); i++) {
        if (dependsOn(c.args().get(i), v) && (partials == null || partials.get(i) == null)) {
          return false;
        }
      }
    }
    return Exprs.children(e).stream().allMatch(child -> differentiable(child, v));
  }

  private static boolean depends(Expr e, Expr target) {
    if (target instanceof Var v) {
      return dependsOn(e, v);
    }
    return dependsOn(e, new Var(((Element) target).vector()));
  }

  private static Expr derivative(Expr e, Expr v) {
    if (!depends(e, v)) {
      return constant(0);
    }
    if (e instanceof Var) {
      return constant(1);
    }
    if (e instanceof Element el) {
      return Exprs.delta(el.index(), ((Element) v).index());
    }
    if (e instanceof Reduce r) {
      return reduction(r, v);
    }
    if (e instanceof Sum s) {
      List<Expr> terms = new ArrayList<>();
      for (Expr term : s.terms()) {
        terms.add(derivative(term, v));
      }
      return sum(terms);
    }
    if (e instanceof Product p) {
      return productRule(p.factors(), v);
    }
    if (e instanceof Expr.Group g) {
      return derivative(g.body(), v);
    }
    if (e instanceof Pow p) {
      return product(
          constant(p.exponent()), pow(p.base(), p.exponent() - 1), derivative(p.base(), v));
    }
    return chainRule((Call) e, v);
  }

  private static Expr productRule(List<Expr> factors, Expr v) {
    List<Expr> terms = new ArrayList<>();
    for (int i = 0; i < factors.size(); i++) {
      if (!depends(factors.get(i), v)) {
        continue;
      }
      List<Expr> others = new ArrayList<>(factors);
      others.set(i, derivative(factors.get(i), v));
      terms.add(product(others));
    }
    return sum(terms);
  }

  /**
   * d sum_k b_k = sum_k d b_k; d logsumexp_k b_k = sum_k softmax_k d b_k, where a term whose
   * weight softmax_k is 0 contributes 0 even if d b_k is infinite (a mixture component far from
   * the data); the maximum is a shift that cancels, with derivative 0.
   */
  private static Expr reduction(Reduce r, Expr v) {
    Expr d = derivative(r.body(), v);
    switch (r.kind()) {
      case SUM:
        return Exprs.reduce(Reduction.SUM, r.index(), d);
      case LOG_SUM_EXP:
        Expr weight = Exprs.exp(Exprs.difference(r.body(), r));
        return Exprs.reduce(Reduction.SUM, r.index(), call(Fn.TIMES_OR_ZERO, weight, d));
      default:
        return constant(0);
    }
  }

  private static Expr chainRule(Call c, Expr v) {
    if (c.fn() == Fn.TIMES_OR_ZERO) {
      // the zero-guard must survive differentiation: d(a b) = a db + b da, each term guarded by
      // its own data factor so that a zero label still silences an infinite derivative.
      Expr a = c.args().get(0);
      Expr b = c.args().get(1);
      return sum(
          call(Fn.TIMES_OR_ZERO, a, derivative(b, v)), call(Fn.TIMES_OR_ZERO, derivative(a, v), b));
    }
    List<Expr> partials = c.fn().partials(c.args());
    List<Expr> terms = new ArrayList<>();
    for (int i = 0; i < c.args().size(); i++) {
      Expr arg = c.args().get(i);
      if (!depends(arg, v)) {
        continue;
      }
      if (partials == null || partials.get(i) == null) {
        throw new IllegalStateException(
            "no derivative rule for " + c.fn() + " with respect to argument " + i);
      }
      terms.add(
          c.fn().guardsPartial(i)
              ? call(Fn.TIMES_OR_ZERO, partials.get(i), derivative(arg, v))
              : product(partials.get(i), derivative(arg, v)));
    }
    return sum(terms);
  }
}
