package dev.likelihood.processor.derive;

import static dev.likelihood.processor.derive.Exprs.pow;
import static dev.likelihood.processor.derive.Exprs.product;

import dev.likelihood.processor.derive.Expr.Const;
import dev.likelihood.processor.derive.Expr.Group;
import dev.likelihood.processor.derive.Expr.Pow;
import dev.likelihood.processor.derive.Expr.Product;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the named quantities of a density ({@link Group}s such as z = (y - mu)/sigma) again
 * inside derivatives, where differentiation has spread their factors through a product:
 * {@code z (y - mu) / sigma} becomes {@code z^2}. The result reuses z, and squares a ratio rather
 * than dividing a squared difference by a squared scale, which can overflow on the way.
 */
final class Regroup {

  private Regroup() {}

  static Set<Group> groupsIn(Expr e) {
    Set<Group> groups = new LinkedHashSet<>();
    collect(e, groups);
    return groups;
  }

  static Expr apply(Expr e, Set<Group> groups) {
    if (groups.isEmpty() || e instanceof Group) {
      return e; // a group's own body is what the others are rewritten into
    }
    List<Expr> children = Exprs.children(e);
    if (!children.isEmpty()) {
      List<Expr> rewritten = new ArrayList<>();
      for (Expr child : children) {
        rewritten.add(apply(child, groups));
      }
      e = Exprs.withChildren(e, rewritten);
    }
    if (e instanceof Product p) {
      for (Group g : groups) {
        Expr extracted = extract(p, g);
        if (extracted != null) {
          return apply(extracted, groups);
        }
      }
    }
    return e;
  }

  /** The product with one copy of the group's factors replaced by the group, or null. */
  private static Expr extract(Product p, Group g) {
    if (!(g.body() instanceof Product body)) {
      return null;
    }
    Map<Expr, Double> available = exponents(p.factors());
    Map<Expr, Double> needed = exponents(body.factors());
    for (Map.Entry<Expr, Double> n : needed.entrySet()) {
      if (n.getKey() instanceof Const) {
        continue;
      }
      Double have = available.get(n.getKey());
      if (have == null || Math.signum(have) != Math.signum(n.getValue())
          || Math.abs(have) < Math.abs(n.getValue())) {
        return null;
      }
    }
    List<Expr> factors = new ArrayList<>();
    factors.add(g);
    for (Map.Entry<Expr, Double> a : available.entrySet()) {
      Double used = a.getKey() instanceof Const ? null : needed.get(a.getKey());
      factors.add(pow(a.getKey(), a.getValue() - (used == null ? 0 : used)));
    }
    for (Map.Entry<Expr, Double> n : needed.entrySet()) {
      if (n.getKey() instanceof Const c) {
        factors.add(pow(c, -n.getValue())); // divide out the body's constant factor
      }
    }
    return product(factors);
  }

  private static Map<Expr, Double> exponents(List<Expr> factors) {
    Map<Expr, Double> exponents = new LinkedHashMap<>();
    for (Expr f : factors) {
      if (f instanceof Pow pw) {
        exponents.merge(pw.base(), pw.exponent(), Double::sum);
      } else {
        exponents.merge(f, 1.0, Double::sum);
      }
    }
    return exponents;
  }

  private static void collect(Expr e, Set<Group> groups) {
    if (e instanceof Group g) {
      groups.add(g);
    }
    Exprs.children(e).forEach(child -> collect(child, groups));
  }
}
