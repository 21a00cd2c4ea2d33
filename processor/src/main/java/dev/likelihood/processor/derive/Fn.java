package dev.likelihood.processor.derive;

import static dev.likelihood.processor.derive.Exprs.call;
import static dev.likelihood.processor.derive.Exprs.constant;
import static dev.likelihood.processor.derive.Exprs.neg;
import static dev.likelihood.processor.derive.Exprs.pow;
import static dev.likelihood.processor.derive.Exprs.product;
import static dev.likelihood.processor.derive.Exprs.sum;

import java.util.List;

/**
 * The primitive functions of the IR. Each one knows how generated code evaluates it (a JDK
 * method or a stable routine of the runtime's {@code StableMath}) and its derivative rule, the
 * way JAX and TFP attach custom derivatives to stable primitives: the derivative of a stable
 * primitive is written in stable primitives again.
 */
public enum Fn {
  EXP("Math.exp", "exp", "", 1),
  LOG("Math.log", "log", "", 1),
  LOG1P("Math.log1p", "log1p", "", 1),
  EXPM1("Math.expm1", "expm1", "", 1),
  SIGMOID("StableMath.sigmoid", "sigmoid", "sigmoid(x) = 1/(1 + exp(-x)), accurate in both tails", 1),
  SOFTPLUS("StableMath.softplus", "softplus", "softplus(x) = log(1 + exp(x)) without overflow", 1),
  LOG_SOFTPLUS(
      "StableMath.logSoftplus",
      "logSoftplus",
      "logSoftplus(x) = log(softplus(x)), finite where softplus(x) underflows",
      1),
  D_LOG_SOFTPLUS(
      "StableMath.dLogSoftplus",
      "dLogSoftplus",
      "dLogSoftplus(x) = sigmoid(x)/softplus(x), tending to 1 (not 0/0) as x -> -inf",
      1),
  LOG1MEXP("StableMath.log1mexp", "log1mexp", "log1mexp(x) = log(1 - exp(-x)) (Maechler 2012)", 1),
  LOG1MEXP_OF_EXP(
      "StableMath.log1mexpOfExp",
      "log1mexpOfExp",
      "log1mexpOfExp(x) = log(1 - exp(-exp(x))), finite where exp(x) underflows",
      1),
  D_LOG1MEXP_OF_EXP(
      "StableMath.dLog1mexpOfExp",
      "dLog1mexpOfExp",
      "dLog1mexpOfExp(x) = exp(x)/expm1(exp(x)), tending to 1 (not 0/0) as x -> -inf",
      1),
  NDTR("StableMath.ndtr", "Phi", "Phi(x), the standard normal CDF, relative-accurate in the lower tail", 1),
  LOG_NDTR(
      "StableMath.logNdtr",
      "logPhi",
      "logPhi(x) = log Phi(x), accurate in both tails (x = -800 included)",
      1),
  D_LOG_NDTR(
      "StableMath.dLogNdtr",
      "dLogPhi",
      "dLogPhi(x) = phi(x)/Phi(x), the inverse Mills ratio, without exp of a difference of huge"
          + " numbers",
      1),
  CAUCHY_CDF(
      "StableMath.cauchyCdf",
      "cauchyCdf",
      "cauchyCdf(x) = 1/2 + atan(x)/pi as atan2(1, -x)/pi, so that 1 - cauchyCdf(x) ="
          + " cauchyCdf(-x) is exact in the tails",
      1),
  LGAMMA("StableMath.lgamma", "lgamma", "lgamma(x) = log Gamma(x)", 1),
  BD0(
      "StableMath.bd0",
      "bd0",
      "bd0(y, mu, log mu) = y log(y/mu) + mu - y, Loader's saddle-point deviance term,"
          + " free of cancellation near y = mu",
      3),
  LOG_FACTORIAL_RESIDUAL(
      "StableMath.logFactorialResidual",
      "logFactorialResidual",
      "logFactorialResidual(y) = lgamma(y + 1) - y log y + y, by Stirling's series with"
          + " Loader's correction, so that large counts lose no digits",
      1),
  TIMES_OR_ZERO(
      "StableMath.timesOrZero",
      "timesOrZero",
      "timesOrZero(a, b) = a b, but exactly 0 when a = 0, so that a zero label silences an"
          + " infinite log term",
      2),
  FLOOR("Math.floor", "floor", "", 1),
  /** 1 for x &gt; 0, else 0; generated inline, as no method call reads better. */
  STEP("", "step", "", 1);

  private final String javaName;
  private final String mathName;
  private final String stableForm;
  private final int arity;

  Fn(String javaName, String mathName, String stableForm, int arity) {
    this.javaName = javaName;
    this.mathName = mathName;
    this.stableForm = stableForm;
    this.arity = arity;
  }

  /** How generated Java calls it. */
  public String javaName() {
    return javaName;
  }

  /** How the derivation in the Javadoc writes it. */
  public String mathName() {
    return mathName;
  }

  /** One sentence on its stable evaluation, for the Javadoc; empty for plain JDK functions. */
  public String stableForm() {
    return stableForm;
  }

  public int arity() {
    return arity;
  }

  /**
   * The partial derivatives with respect to each argument, or null when no rule is known (the
   * derivation never needs one: such primitives only ever see data, not parameters).
   */
  public List<Expr> partials(List<Expr> args) {
    Expr x = args.get(0);
    switch (this) {
      case EXP:
      case EXPM1:
        return List.of(call(EXP, x));
      case LOG:
        return List.of(pow(x, -1));
      case LOG1P:
        return List.of(pow(sum(constant(1), x), -1));
      case SIGMOID:
        return List.of(product(call(SIGMOID, x), call(SIGMOID, neg(x))));
      case SOFTPLUS:
        return List.of(call(SIGMOID, x));
      case LOG_SOFTPLUS:
        return List.of(call(D_LOG_SOFTPLUS, x));
      case LOG1MEXP:
        return List.of(pow(call(EXPM1, x), -1));
      case LOG1MEXP_OF_EXP:
        return List.of(call(D_LOG1MEXP_OF_EXP, x));
      case NDTR:
        // the standard normal density
        return List.of(
            product(constant(0.3989422804014327), call(EXP, product(constant(-0.5), pow(x, 2)))));
      case LOG_NDTR:
        return List.of(call(D_LOG_NDTR, x));
      case CAUCHY_CDF:
        return List.of(pow(product(constant(Math.PI), sum(constant(1), pow(x, 2))), -1));
      case BD0:
        return List.of(sum(call(LOG, x), neg(args.get(2))), constant(1), neg(x));
      default:
        return null;
    }
  }
}
