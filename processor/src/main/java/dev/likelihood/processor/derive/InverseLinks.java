package dev.likelihood.processor.derive;

import static dev.likelihood.processor.derive.Exprs.call;
import static dev.likelihood.processor.derive.Exprs.neg;
import static dev.likelihood.processor.derive.Exprs.pow;

import dev.likelihood.Link;

/** Each link written once, as its inverse theta = g^-1(eta) in the IR. */
public final class InverseLinks {

  private InverseLinks() {}

  public static Expr inverse(Link link, Expr eta) {
    switch (link) {
      case IDENTITY:
        return eta;
      case LOG:
        return call(Fn.EXP, eta);
      case SOFTPLUS:
        return call(Fn.SOFTPLUS, eta);
      case LOGIT:
        return call(Fn.SIGMOID, eta);
      case PROBIT:
        return call(Fn.NDTR, eta);
      case CLOGLOG:
        // 1 - exp(-exp(eta)), written with expm1 so that small probabilities keep their digits
        return neg(call(Fn.EXPM1, neg(call(Fn.EXP, eta))));
      case LOGLOG:
        return call(Fn.EXP, neg(call(Fn.EXP, neg(eta))));
      case CAUCHIT:
        return call(Fn.CAUCHY_CDF, eta);
      case INVERSE:
        return pow(eta, -1);
      case INVERSE_SQUARED:
        return pow(eta, -0.5);
      case SQRT:
        return pow(eta, 2);
      default:
        throw new IllegalArgumentException("no scalar inverse for link " + link);
    }
  }

  /**
   * Entry {@code index} of softmax(eta) for the vector {@code eta}, written as
   * exp(-(gap[index] + logsumexp_m(eta[m] - M))) with M = max_m eta[m] and gap[i] = M - eta[i] >= 0:
   * then -log p[i] = gap[i] + logsumexp(...) is a sum of non-negative terms that cannot cancel
   * (logits 1e4 apart lose no digits), a masked logit (-Infinity) has p = 0, and the shift M
   * never overflows exp.
   */
  public static Expr softmax(String eta, Expr index) {
    Expr.Index m = new Expr.Index("m");
    Expr max = Exprs.reduce(Expr.Reduction.MAX, m, Exprs.element(eta, m));
    Expr shifted = Exprs.reduce(Expr.Reduction.LOG_SUM_EXP, m, Exprs.difference(Exprs.element(eta, m), max));
    Expr gap = Exprs.group("gap", Exprs.difference(max, Exprs.element(eta, index)));
    return Exprs.exp(neg(Exprs.sum(gap, shifted)));
  }

  /** The inverse link as the Javadoc states it. */
  public static String formula(Link link, String theta, String eta) {
    switch (link) {
      case IDENTITY:
        return theta + " = " + eta;
      case LOG:
        return theta + " = exp(" + eta + ")";
      case SOFTPLUS:
        return theta + " = log(1 + exp(" + eta + "))";
      case LOGIT:
        return theta + " = 1/(1 + exp(-" + eta + "))";
      case PROBIT:
        return theta + " = Phi(" + eta + ")";
      case CLOGLOG:
        return theta + " = 1 - exp(-exp(" + eta + "))";
      case LOGLOG:
        return theta + " = exp(-exp(-" + eta + "))";
      case CAUCHIT:
        return theta + " = 1/2 + atan(" + eta + ")/pi";
      case INVERSE:
        return theta + " = 1/" + eta;
      case INVERSE_SQUARED:
        return theta + " = 1/sqrt(" + eta + ")";
      case SQRT:
        return theta + " = " + eta + "^2";
      case SOFTMAX:
        return theta + " = softmax(" + eta + ")";
      default:
        throw new IllegalArgumentException("no scalar inverse for link " + link);
    }
  }
}
