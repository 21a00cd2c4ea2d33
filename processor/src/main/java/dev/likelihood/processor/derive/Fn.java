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
  LOG1P("StableMath.log1p", "log1p", "", 1),
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
  D2_LOG_SOFTPLUS(
      "StableMath.d2LogSoftplus",
      "d2LogSoftplus",
      "d2LogSoftplus(x) = d dLogSoftplus(x)/dx, from (log1p(t) - t)/((1 + t) log1p(t)), t = exp(x),"
          + " for x < 0, so that the difference tending to 0 as x -> -inf keeps its digits",
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
  D2_LOG1MEXP_OF_EXP(
      "StableMath.d2Log1mexpOfExp",
      "d2Log1mexpOfExp",
      "d2Log1mexpOfExp(x) = d dLog1mexpOfExp(x)/dx = -dLog1mexpOfExp(x) (exp(-u) - 1 + u)/(1 -"
          + " exp(-u)), u = exp(x), the numerator by its series for small u",
      1),
  D2_LOG_NDTR(
      "StableMath.d2LogNdtr",
      "d2LogPhi",
      "d2LogPhi(x) = d dLogPhi(x)/dx = -dLogPhi(x) (x + dLogPhi(x)), where x + dLogPhi(x) is"
          + " Laplace's continued fraction 1/(t + 2/(t + 3/(t + ...))), t = -x, in the lower tail",
      1),
  CAUCHY_CDF(
      "StableMath.cauchyCdf",
      "cauchyCdf",
      "cauchyCdf(x) = 1/2 + atan(x)/pi as atan2(1, -x)/pi, so that 1 - cauchyCdf(x) ="
          + " cauchyCdf(-x) is exact in the tails",
      1),
  LOG_CAUCHY_CDF(
      "StableMath.logCauchyCdf",
      "logCauchyCdf",
      "logCauchyCdf(x) = log cauchyCdf(x), from log(-x) in the lower tail where cauchyCdf(x) turns"
          + " subnormal",
      1),
  D_LOG_CAUCHY_CDF(
      "StableMath.dLogCauchyCdf",
      "dLogCauchyCdf",
      "dLogCauchyCdf(x) = 1/(pi (1 + x^2) cauchyCdf(x)), from t = 1/|x| outside [-1, 1], so that"
          + " x^2 never overflows against a cauchyCdf(x) of 1e-300",
      1),
  D2_LOG_CAUCHY_CDF(
      "StableMath.d2LogCauchyCdf",
      "d2LogCauchyCdf",
      "d2LogCauchyCdf(x) = -dLogCauchyCdf(x) (2x/(1 + x^2) + dLogCauchyCdf(x)), in the lower tail"
          + " a product of positive factors in t = -1/x (1e-600 underflows to 0, not 0/0)",
      1),
  LGAMMA("StableMath.lgamma", "lgamma", "lgamma(x) = log Gamma(x)", 1),
  BD0(
      "StableMath.bd0",
      "bd0",
      "bd0(y, mu, log mu) = y log(y/mu) + mu - y, Loader's saddle-point deviance term,"
          + " free of cancellation near y = mu",
      3),
  POISSON_NLL(
      "StableMath.poissonNll",
      "poissonNll",
      "poissonNll(y, mu, log mu) = mu - y log(mu) + lgamma(y + 1): for whole counts up to 15 the"
          + " direct form with an exact product (fma) and log(y!) to twice double precision,"
          + " otherwise bd0(y, mu, log mu) + logFactorialResidual(y)",
      3),
  BINOMIAL_NLL(
      "StableMath.binomialNll",
      "binomialNll",
      "binomialNll(k, n, p, q, log p, log q) = -log C(n, k) - k log p - (n - k) log q: for n up to"
          + " 15 the direct form with exact products (fma) and log C(n, k) to twice double"
          + " precision, otherwise Loader's bd0(k, n p) + bd0(n - k, n q) and log-factorial"
          + " residuals",
      6),
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
  PRODUCT_OR_ZERO(
      "StableMath.productOrZero",
      "productOrZero",
      "productOrZero(a, b) = a b, but exactly 0 when either factor is 0, where the other may"
          + " have overflowed (a link's slope exp(eta) against an information that underflows)",
      2),
  FLOOR("Math.floor", "floor", "", 1),
  ABS("Math.abs", "abs", "", 1),
  SIGN("Math.signum", "sign", "", 1),
  SIN("Math.sin", "sin", "", 1),
  COS("Math.cos", "cos", "", 1),
  TANH("Math.tanh", "tanh", "", 1),
  HYPOT("Math.hypot", "hypot", "", 2),
  MIN("Math.min", "min", "", 2),
  /** max(0, x); generated inline. */
  RELU("", "relu", "", 1),
  /** value where cond &gt; 0, else NaN (a statistic that is undefined there); generated inline. */
  WHERE_POSITIVE("", "wherePositive", "", 2),
  STUDENT_T_KERNEL(
      "Kernels.studentT",
      "studentTKernel",
      "studentTKernel(r, sigma, log sigma, nu) = log(1 + (r/sigma)^2/nu), from |r|/sigma/sqrt(nu)"
          + " or, where that overflows, from log|r| - log sigma",
      4),
  STUDENT_T_KERNEL_DR("Kernels.studentTDr", "studentTKernelDr", "", 4),
  STUDENT_T_KERNEL_DLOG_SIGMA("Kernels.studentTDlogSigma", "studentTKernelDlogSigma", "", 4),
  STUDENT_T_KERNEL_DNU("Kernels.studentTDnu", "studentTKernelDnu", "", 4),
  STUDENT_T_SHARE(
      "Kernels.studentTShare",
      "studentTShare",
      "studentTShare(r, sigma, log sigma, nu) = t/(1 + t), t = (r/sigma)^2/nu, and"
          + " studentTComplement = 1/(1 + t), each without a subtraction, from |r|/sigma/sqrt(nu) or"
          + " its logarithm",
      4),
  STUDENT_T_COMPLEMENT("Kernels.studentTComplement", "studentTComplement", "", 4),
  STUDENT_T_KERNEL_DR_DR(
      "Kernels.studentTDrDr",
      "studentTKernelDrDr",
      "studentTKernelDrDr(r, sigma, log sigma, nu) = 2 (1 - 2 s)/(nu sigma^2 + r^2), the"
          + " reciprocal formed as (1 - s)/(sigma sqrt(nu))^2 or s/r^2, whichever is the smaller"
          + " square's",
      4),
  INVERSE_GAUSSIAN_KERNEL(
      "Kernels.inverseGaussian",
      "inverseGaussianKernel",
      "inverseGaussianKernel(y, mean) = (y - mean)^2/(mean^2 y) as w (w/y), w = (y - mean)/mean;"
          + " its mean-derivative -2 (y - mean)/mean^3 is written as one term",
      2),
  LOG_COSH(
      "RobustMath.logCosh",
      "logCosh",
      "logCosh(x) = log(cosh(x)) from v = expm1(-|x|): log1p(v^2/(2 (1 + v))) below |x| = 1,"
          + " |x| + log1p((1 + v)^2) - log 2 above, finite for any x",
      1),
  HUBER("RobustMath.huber", "huber", "huber(r, delta): r^2/2 inside [-delta, delta], linear outside", 2),
  HUBER_DERIVATIVE("RobustMath.huberDerivative", "huberDerivative", "", 2),
  LOG_HUBER_NORMALIZER(
      "RobustMath.logHuberNormalizer",
      "logHuberZ",
      "logHuberZ(delta) = log(sqrt(2 pi) erf(delta/sqrt 2) + 2 exp(-delta^2/2)/delta), the"
          + " normaliser of the Huber density",
      1),
  HUBER_INFORMATION(
      "RobustMath.huberInformation",
      "huberInformation",
      "huberInformation(delta) = P(|r| < delta) = sqrt(2 pi) erf(delta/sqrt 2)/Z(delta), the"
          + " location information of the normalised Huber density, from delta^2 to 1",
      1),
  DIGAMMA("GammaMath.digamma", "digamma", "digamma(x), the derivative of lgamma", 1),
  TRIGAMMA("GammaMath.trigamma", "trigamma", "trigamma(x), the derivative of digamma", 1),
  D_LOG_FACTORIAL_RESIDUAL(
      "GammaMath.dLogFactorialResidual",
      "dLogFactorialResidual",
      "dLogFactorialResidual(x) = digamma(x + 1) - log(x), by its asymptotic series where the"
          + " difference would cancel",
      1),
  D2_LOG_FACTORIAL_RESIDUAL(
      "GammaMath.d2LogFactorialResidual",
      "d2LogFactorialResidual",
      "d2LogFactorialResidual(x) = trigamma(x + 1) - 1/x, by its asymptotic series where the"
          + " difference would cancel",
      1),
  LGAMMA_HALF_STEP(
      "GammaMath.lgammaHalfStep",
      "lgammaHalfStep",
      "lgammaHalfStep(x) = lgamma(x + 1/2) - lgamma(x), without cancellation for large x",
      1),
  DIGAMMA_HALF_STEP(
      "GammaMath.digammaHalfStep",
      "digammaHalfStep",
      "digammaHalfStep(x) = digamma(x + 1/2) - digamma(x), without cancellation for large x",
      1),
  TRIGAMMA_HALF_STEP(
      "GammaMath.trigammaHalfStep",
      "trigammaHalfStep",
      "trigammaHalfStep(x) = trigamma(x + 1/2) - trigamma(x), by its asymptotic series or a"
          + " recurrence of one-signed terms, without the cancellation of the difference",
      1),
  LGAMMA_OF_EXP(
      "GammaMath.lgammaOfExp",
      "lgammaOfExp",
      "lgammaOfExp(t) = lgamma(exp(t)), finite where exp(t) underflows (a Beta shape that is"
          + " carried as its logarithm)",
      1),
  D_LGAMMA_OF_EXP(
      "GammaMath.dLgammaOfExp",
      "dLgammaOfExp",
      "dLgammaOfExp(t) = exp(t) digamma(exp(t)), tending to -1 as t -> -inf",
      1),
  D2_LGAMMA_OF_EXP(
      "GammaMath.d2LgammaOfExp",
      "d2LgammaOfExp",
      "d2LgammaOfExp(t) = x digamma(x) + x^2 trigamma(x), x = exp(t), as x digamma(1 + x) + x^2"
          + " trigamma(1 + x) below x = 1, where the first form is -1 + 1 + ...",
      1),
  LOG_ADD_EXP("GammaMath.logAddExp", "logAddExp", "logAddExp(a, b) = log(exp(a) + exp(b)) without overflow", 2),
  LOG_I0E(
      "BesselMath.logI0e",
      "logI0e",
      "logI0e(kappa) = log(I0(kappa) exp(-kappa)), so that log I0 never overflows",
      1),
  LOG_I0E_OF_EXP(
      "BesselMath.logI0eOfExp",
      "logI0eOfExp",
      "logI0eOfExp(t) = logI0e(exp(t)), a concentration carried as its logarithm (the LOG link)",
      1),
  D_LOG_I0E_OF_EXP(
      "BesselMath.dLogI0eOfExp",
      "dLogI0eOfExp",
      "dLogI0eOfExp(t) = kappa (I1/I0(kappa) - 1), kappa = exp(t), tending to -1/2 without"
          + " multiplying kappa = 1e299 by a ratio of 5e-300",
      1),
  D2_LOG_I0E_OF_EXP(
      "BesselMath.d2LogI0eOfExp",
      "d2LogI0eOfExp",
      "d2LogI0eOfExp(t) = kappa^2 A'(kappa) + kappa (A - 1), A = I1/I0, kappa = exp(t), by its"
          + " asymptotic series 1/(8 kappa) + ... from kappa = 25, so that kappa^2 (overflowing at"
          + " t = 690) never meets A' (underflowing there)",
      1),
  BESSEL_RATIO_MINUS_ONE(
      "BesselMath.besselRatioMinusOne",
      "besselRatioMinusOne",
      "besselRatioMinusOne(kappa) = I1(kappa)/I0(kappa) - 1, without cancellation for large kappa",
      1),
  BESSEL_RATIO("BesselMath.besselRatio", "besselRatio", "besselRatio(kappa) = I1(kappa)/I0(kappa)", 1),
  D_BESSEL_RATIO(
      "BesselMath.dBesselRatio",
      "dBesselRatio",
      "dBesselRatio(kappa) = d/dkappa I1(kappa)/I0(kappa) = 1 - A/kappa - A^2, from A - 1 where the"
          + " terms cancel and by its asymptotic series from kappa = 100",
      1),
  LOG_MEAN_SIGMOID(
      "UncertainSigmoid.logMeanSigmoid",
      "logMeanSigmoid",
      "logMeanSigmoid(eta, u) = log E[sigmoid(eta + u z)], z ~ N(0, 1), by adaptive Gauss-Hermite"
          + " quadrature in log space",
      2),
  D_LOG_MEAN_SIGMOID_D_ETA("UncertainSigmoid.dLogMeanSigmoidDEta", "dLogMeanSigmoidDEta", "", 2),
  D_LOG_MEAN_SIGMOID_D_U("UncertainSigmoid.dLogMeanSigmoidDU", "dLogMeanSigmoidDU", "", 2),
  /**
   * exp(-|x|): the one exponential that softplus(x), sigmoid(x) and sigmoid(-x) share. Only the
   * emitter introduces it (see {@code emit.SharedExponentials}), after differentiation.
   */
  EXP_NEG_ABS("StableMath.expNegAbs", "expNegAbs", "", 1),
  /** softplus(x) given e = exp(-|x|), as max(x, 0) + log1p(e); introduced by the emitter only. */
  SOFTPLUS_GIVEN_EXP("StableMath.softplus", "softplus", "", 2),
  /** sigmoid(x) given e = exp(-|x|); introduced by the emitter only. */
  SIGMOID_GIVEN_EXP("StableMath.sigmoid", "sigmoid", "", 2),
  /**
   * expm1(-|x|): the one exponential that logCosh(x) and tanh(+-x) share; introduced by the
   * emitter only, as EXP_NEG_ABS.
   */
  EXPM1_NEG_ABS("RobustMath.expm1NegAbs", "expm1NegAbs", "", 1),
  /** logCosh(x) given v = expm1(-|x|); introduced by the emitter only. */
  LOG_COSH_GIVEN_EXPM1("RobustMath.logCosh", "logCosh", "", 2),
  /** tanh(x) given v = expm1(-|x|); introduced by the emitter only. */
  TANH_GIVEN_EXPM1("RobustMath.tanh", "tanh", "", 2),
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
   * Whether the chain rule must guard the product of this partial and its argument's derivative
   * with timesOrZero: the partial of bd0 (and of poissonNll, binomialNll) in log(mu) is minus its
   * count, which is exactly 0 where log(mu) runs off to -infinity (no failures left at p = 1),
   * and 0 * infinity must be 0 there.
   */
  public boolean guardsPartial(int argument) {
    return ((this == BD0 || this == POISSON_NLL) && argument == 2)
        || (this == BINOMIAL_NLL && argument >= 4);
  }

  /**
   * The partials of the Student-t kernel's first partials (argument order r, sigma, log sigma,
   * nu; sigma enters only through log sigma), written in the share s = t/(1 + t) and its
   * complement c = 1 - s, t = (r/sigma)^2/nu, with D = d kernel/d r = 2 s/r: d/dr of D is
   * studentTKernelDrDr, of -2 s is -2 D c, of -s/nu is -D c/nu; d/d(log sigma) of them is -2 D c,
   * 4 s c and 2 s c/nu; d/dnu is -D c/nu, 2 s c/nu and s (1 + c)/nu^2.
   */
  private List<Expr> studentTSecondPartials(List<Expr> args) {
    Expr[] a = args.toArray(Expr[]::new);
    Expr s = call(STUDENT_T_SHARE, a);
    Expr c = call(STUDENT_T_COMPLEMENT, a);
    Expr d = call(STUDENT_T_KERNEL_DR, a);
    Expr inverseNu = pow(args.get(3), -1);
    Expr sc = product(s, c);
    switch (this) {
      case STUDENT_T_KERNEL_DR:
        return List.of(
            call(STUDENT_T_KERNEL_DR_DR, a), constant(0), product(constant(-2), d, c), neg(product(d, c, inverseNu)));
      case STUDENT_T_KERNEL_DLOG_SIGMA:
        return List.of(
            product(constant(-2), d, c), constant(0), product(constant(4), sc), product(constant(2), sc, inverseNu));
      default:
        return List.of(
            neg(product(d, c, inverseNu)), constant(0), product(constant(2), sc, inverseNu),
            product(s, sum(constant(1), c), pow(args.get(3), -2)));
    }
  }

  /**
   * The partial derivatives with respect to each argument, or null (for all, or in the list for
   * one argument) when no rule is known: either the argument only ever holds data or constants,
   * or (logMeanSigmoid's derivatives, the emitter's shared-exponential forms) the primitive is
   * never differentiated again, and a record that would need it gets no Hessian (see {@code
   * Differentiator.differentiable}).
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
      case D_LOG_SOFTPLUS:
        return List.of(call(D2_LOG_SOFTPLUS, x));
      case LOG1MEXP:
        return List.of(pow(call(EXPM1, x), -1));
      case LOG1MEXP_OF_EXP:
        return List.of(call(D_LOG1MEXP_OF_EXP, x));
      case D_LOG1MEXP_OF_EXP:
        return List.of(call(D2_LOG1MEXP_OF_EXP, x));
      case NDTR:
        // the standard normal density
        return List.of(
            product(constant(0.3989422804014327), call(EXP, product(constant(-0.5), pow(x, 2)))));
      case LOG_NDTR:
        return List.of(call(D_LOG_NDTR, x));
      case D_LOG_NDTR:
        return List.of(call(D2_LOG_NDTR, x));
      case CAUCHY_CDF:
        return List.of(pow(product(constant(Math.PI), sum(constant(1), pow(x, 2))), -1));
      case LOG_CAUCHY_CDF:
        return List.of(call(D_LOG_CAUCHY_CDF, x));
      case D_LOG_CAUCHY_CDF:
        return List.of(call(D2_LOG_CAUCHY_CDF, x));
      case BD0:
        return List.of(sum(call(LOG, x), neg(args.get(2))), constant(1), neg(x));
      case BINOMIAL_NLL:
        // in Loader's form n p and n q enter as the bd0s' means; the counts are data
        Expr n = args.get(1);
        return java.util.Arrays.asList(
            null, null, n, n, neg(x), neg(sum(n, neg(x))));
      case POISSON_NLL:
        // the count is data, never a parameter: no rule for it
        return java.util.Arrays.asList(null, constant(1), neg(x));
      case LOG_FACTORIAL_RESIDUAL:
        return List.of(call(D_LOG_FACTORIAL_RESIDUAL, x));
      case D_LOG_FACTORIAL_RESIDUAL:
        return List.of(call(D2_LOG_FACTORIAL_RESIDUAL, x));
      case LGAMMA:
        return List.of(call(DIGAMMA, x));
      case DIGAMMA:
        return List.of(call(TRIGAMMA, x));
      case ABS:
        return List.of(call(SIGN, x));
      case SIGN:
      case STEP:
        // the kinks of abs (LAPLACE) and relu (HINGE): 0 almost everywhere, and at the kink, as
        // for the first derivative, one of the one-sided values
        return List.of(constant(0));
      case SIN:
        return List.of(call(COS, x));
      case COS:
        return List.of(neg(call(SIN, x)));
      case TANH:
        // sech^2(x) = 4 sigmoid(2x) sigmoid(-2x), not 1 - tanh^2(x), which is 1 - 1 = 0 for |x| > 19
        return List.of(
            product(constant(4), call(SIGMOID, product(constant(2), x)), call(SIGMOID, product(constant(-2), x))));
      case RELU:
        return List.of(call(STEP, x));
      case LOG_COSH:
        return List.of(call(TANH, x));
      case STUDENT_T_KERNEL:
        // the kernel depends on sigma only through log sigma, which carries the derivative
        Expr[] a = args.toArray(Expr[]::new);
        return List.of(
            call(STUDENT_T_KERNEL_DR, a), constant(0), call(STUDENT_T_KERNEL_DLOG_SIGMA, a),
            call(STUDENT_T_KERNEL_DNU, a));
      case STUDENT_T_KERNEL_DR:
      case STUDENT_T_KERNEL_DLOG_SIGMA:
      case STUDENT_T_KERNEL_DNU:
        return studentTSecondPartials(args);
      case INVERSE_GAUSSIAN_KERNEL:
        Expr mean = args.get(1);
        return java.util.Arrays.asList(
            null, product(constant(-2), sum(x, neg(mean)), pow(mean, -3)));
      case HUBER:
        // delta is always a constant: no rule for it
        return java.util.Arrays.asList(call(HUBER_DERIVATIVE, x, args.get(1)), null);
      case HUBER_DERIVATIVE:
        // 1 inside the quadratic part |r| < delta, 0 outside (and at the kink |r| = delta)
        return java.util.Arrays.asList(call(STEP, sum(args.get(1), neg(call(ABS, x)))), null);
      case LGAMMA_HALF_STEP:
        return List.of(call(DIGAMMA_HALF_STEP, x));
      case DIGAMMA_HALF_STEP:
        return List.of(call(TRIGAMMA_HALF_STEP, x));
      case LGAMMA_OF_EXP:
        return List.of(call(D_LGAMMA_OF_EXP, x));
      case D_LGAMMA_OF_EXP:
        return List.of(call(D2_LGAMMA_OF_EXP, x));
      case LOG_ADD_EXP:
        return List.of(
            call(SIGMOID, sum(x, neg(args.get(1)))), call(SIGMOID, sum(args.get(1), neg(x))));
      case LOG_I0E:
        return List.of(call(BESSEL_RATIO_MINUS_ONE, x));
      case LOG_I0E_OF_EXP:
        return List.of(call(D_LOG_I0E_OF_EXP, x));
      case D_LOG_I0E_OF_EXP:
        return List.of(call(D2_LOG_I0E_OF_EXP, x));
      case BESSEL_RATIO_MINUS_ONE:
      case BESSEL_RATIO:
        return List.of(call(D_BESSEL_RATIO, x));
      case LOG_MEAN_SIGMOID:
        return List.of(
            call(D_LOG_MEAN_SIGMOID_D_ETA, x, args.get(1)), call(D_LOG_MEAN_SIGMOID_D_U, x, args.get(1)));
      default:
        return null;
    }
  }
}
