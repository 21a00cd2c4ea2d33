package dev.likelihood.processor.derive;

import static dev.likelihood.processor.derive.Exprs.call;
import static dev.likelihood.processor.derive.Exprs.coefficientOf;
import static dev.likelihood.processor.derive.Exprs.constant;
import static dev.likelihood.processor.derive.Exprs.log;
import static dev.likelihood.processor.derive.Exprs.neg;
import static dev.likelihood.processor.derive.Exprs.product;
import static dev.likelihood.processor.derive.Exprs.withoutCoefficient;

import dev.likelihood.processor.derive.Expr.Call;
import dev.likelihood.processor.derive.Expr.Const;
import dev.likelihood.processor.derive.Expr.Pow;
import dev.likelihood.processor.derive.Expr.Product;
import dev.likelihood.processor.derive.Expr.Sum;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns compositions that lose precision into stable primitives, bottom-up, until nothing
 * changes. Each rule is an identity; what it buys is the evaluation:
 *
 * <ul>
 *   <li>log(sigmoid x) = -softplus(-x), log(softplus x) = logSoftplus(x), log(Phi x) = logPhi(x),
 *       log(cauchyCdf x) = logCauchyCdf(x): no log of an underflowed probability, and derivatives
 *       (the links' hazards) that are primitives of their own rather than ratios of tails;
 *   <li>1 - sigmoid(x) = sigmoid(-x), 1 - Phi(x) = Phi(-x), 1 - cauchyCdf(x) = cauchyCdf(-x),
 *       1 + expm1(z) = exp(z), 1 - exp(z) = -expm1(z): complements carried exactly, never formed
 *       by subtraction from 1;
 *   <li>log(-expm1(-z)) = log1mexp(z), log1mexp(exp x) = log1mexpOfExp(x): the cloglog and loglog
 *       tails;
 *   <li>logI0e(exp t) = logI0eOfExp(t): a von Mises concentration under the LOG link, whose
 *       second derivative kappa^2 A'(kappa) + kappa (A - 1) would be inf * 0 at t = 690;
 *   <li>a exp(x) - a = a expm1(x): a softmax's gradient at the label;
 *   <li>exp(-g softplus(x)) = sigmoid(-x)^g: the focal loss's modulating factor;
 *   <li>log(x^n) = n log(x): the powers come from the INVERSE, INVERSE_SQUARED and SQRT links,
 *       whose generated code returns +Infinity before evaluating anything unless eta &gt; 0.
 * </ul>
 */
public final class StableRewrites {

  private StableRewrites() {}

  public static Expr apply(Expr e) {
    List<Expr> children = Exprs.children(e);
    if (!children.isEmpty()) {
      List<Expr> rewritten = new ArrayList<>(children.size());
      for (Expr child : children) {
        rewritten.add(apply(child));
      }
      e = Exprs.withChildren(e, rewritten);
    }
    Expr once = rewriteNode(e);
    return once.equals(e) ? e : apply(once);
  }

  private static Expr rewriteNode(Expr e) {
    if (e instanceof Sum s) {
      Expr softplusDifference = softplusDifference(s);
      return softplusDifference != s ? softplusDifference : oneMinus(s);
    }
    if (e instanceof Product p) {
      return logSoftplusDerivative(p);
    }
    if (e instanceof Call c && c.fn() == Fn.LOG) {
      return logOf(c.arg());
    }
    if (e instanceof Call c && c.fn() == Fn.LOG1MEXP && isCall(c.arg(), Fn.EXP)) {
      return call(Fn.LOG1MEXP_OF_EXP, ((Call) c.arg()).arg());
    }
    if (e instanceof Call c && c.fn() == Fn.LOG_I0E && isCall(c.arg(), Fn.EXP)) {
      return call(Fn.LOG_I0E_OF_EXP, ((Call) c.arg()).arg());
    }
    if (e instanceof Call c && c.fn() == Fn.EXP) {
      return expOfScaledSoftplus(c);
    }
    return e;
  }

  /**
   * exp(-g softplus(x)) = sigmoid(-x)^g for a constant g &gt; 0 (the focal loss's (1 - p_t)^gamma):
   * the exponential would turn softplus's absolute rounding into a relative error growing with
   * x, and the power shares sigmoid's exponential with the rest of the row.
   */
  private static Expr expOfScaledSoftplus(Call exp) {
    Expr arg = exp.arg();
    double g = -coefficientOf(arg);
    if (g > 0 && withoutCoefficient(arg) instanceof Call softplus && softplus.fn() == Fn.SOFTPLUS) {
      return Exprs.pow(call(Fn.SIGMOID, neg(softplus.arg())), g);
    }
    return exp;
  }

  private static Expr logOf(Expr x) {
    if (isCall(x, Fn.SIGMOID)) {
      return neg(call(Fn.SOFTPLUS, neg(((Call) x).arg())));
    }
    if (isCall(x, Fn.SOFTPLUS)) {
      return call(Fn.LOG_SOFTPLUS, ((Call) x).arg());
    }
    if (isCall(x, Fn.NDTR)) {
      return call(Fn.LOG_NDTR, ((Call) x).arg());
    }
    if (isCall(x, Fn.CAUCHY_CDF)) {
      return call(Fn.LOG_CAUCHY_CDF, ((Call) x).arg());
    }
    if (x instanceof Pow p) {
      return product(constant(p.exponent()), log(p.base()));
    }
    // log(-expm1(-z)): the probability of the cloglog link and the complement of the loglog link
    if (coefficientOf(x) == -1 && isCall(withoutCoefficient(x), Fn.EXPM1)) {
      Expr w = ((Call) withoutCoefficient(x)).arg();
      return call(Fn.LOG1MEXP, neg(w));
    }
    return log(x);
  }

  /**
   * sigmoid(x) / softplus(x)^k = dLogSoftplus(x) / softplus(x)^(k-1): the ratio of two functions
   * that both underflow as x -> -inf is taken by the primitive that knows its limit, 1.
   */
  private static Expr logSoftplusDerivative(Product p) {
    for (Expr f : p.factors()) {
      if (!isCall(f, Fn.SIGMOID)) {
        continue;
      }
      Expr x = ((Call) f).arg();
      Expr softplus = call(Fn.SOFTPLUS, x);
      for (Expr g : p.factors()) {
        if (g instanceof Pow pw && pw.base().equals(softplus) && pw.exponent() <= -1) {
          List<Expr> factors = new ArrayList<>(p.factors());
          factors.remove(f);
          factors.add(call(Fn.D_LOG_SOFTPLUS, x));
          factors.add(softplus); // sigmoid = dLogSoftplus * softplus; combines with the power
          return product(factors);
        }
      }
    }
    return p;
  }

  /**
   * softplus(x) - softplus(-x) = x: the logit of the logit link's p, as log(p) - log(1 - p)
   * becomes after the log rewrites.
   */
  private static Expr softplusDifference(Sum s) {
    for (Expr a : s.terms()) {
      if (coefficientOf(a) != 1 || !isCall(withoutCoefficient(a), Fn.SOFTPLUS)) {
        continue;
      }
      Expr x = ((Call) withoutCoefficient(a)).arg();
      Expr mirrored = neg(call(Fn.SOFTPLUS, neg(x)));
      if (s.terms().contains(mirrored)) {
        List<Expr> terms = new ArrayList<>(s.terms());
        terms.remove(a);
        terms.remove(mirrored);
        terms.add(x);
        return Exprs.sum(terms);
      }
    }
    return s;
  }

  /** 1 - f(x) for the functions whose complement is f at another point, or exp for expm1. */
  private static Expr oneMinus(Sum s) {
    if (s.terms().size() == 2 && s.terms().get(1) instanceof Const c
        && withoutCoefficient(s.terms().get(0)) instanceof Call e && e.fn() == Fn.EXP
        && coefficientOf(s.terms().get(0)) == -c.value()) {
      // a exp(x) - a = a expm1(x): the gradient of a softmax at the label, p[y] - 1
      return product(constant(-c.value()), call(Fn.EXPM1, e.arg()));
    }
    if (s.terms().size() != 2 || !s.terms().get(1).equals(constant(1))) {
      return s;
    }
    Expr term = s.terms().get(0);
    double coefficient = coefficientOf(term);
    Expr f = withoutCoefficient(term);
    if (coefficient == -1 && f instanceof Call c) {
      switch (c.fn()) {
        case SIGMOID:
        case NDTR:
        case CAUCHY_CDF:
          return call(c.fn(), neg(c.arg()));
        case EXP:
          return neg(call(Fn.EXPM1, c.arg()));
        default:
          return s;
      }
    }
    if (coefficient == 1 && isCall(f, Fn.EXPM1)) {
      return call(Fn.EXP, ((Call) f).arg());
    }
    return s;
  }

  private static boolean isCall(Expr e, Fn fn) {
    return e instanceof Call c && c.fn() == fn;
  }

}
