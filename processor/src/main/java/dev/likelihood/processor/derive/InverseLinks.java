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
      default:
        throw new IllegalArgumentException("no scalar inverse for link " + link);
    }
  }
}
