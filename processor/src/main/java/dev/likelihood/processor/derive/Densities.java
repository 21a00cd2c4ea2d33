package dev.likelihood.processor.derive;

import static dev.likelihood.processor.derive.Exprs.call;
import static dev.likelihood.processor.derive.Exprs.constant;
import static dev.likelihood.processor.derive.Exprs.difference;
import static dev.likelihood.processor.derive.Exprs.exp;
import static dev.likelihood.processor.derive.Exprs.group;
import static dev.likelihood.processor.derive.Exprs.log;
import static dev.likelihood.processor.derive.Exprs.neg;
import static dev.likelihood.processor.derive.Exprs.pow;
import static dev.likelihood.processor.derive.Exprs.product;
import static dev.likelihood.processor.derive.Exprs.quotient;
import static dev.likelihood.processor.derive.Exprs.square;
import static dev.likelihood.processor.derive.Exprs.sum;

import dev.likelihood.Family;
import dev.likelihood.processor.derive.Expr.Named;
import dev.likelihood.processor.derive.Expr.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Each family written once, as its negative log-density over natural parameters, in the form
 * a numerical analyst would choose (Stan's and R's): the derivation composes it with the links,
 * rewrites it into stable primitives and differentiates it. Where the textbook form cancels
 * (large counts near the mode, a shape near the mean, a vanishing Beta shape), the family is
 * written in the regrouped form that does not, and its formula says what it equals.
 */
public final class Densities {

  /** The response in a density. */
  public static final Var Y = new Var("$y");

  private static final Named LN_SQRT_2PI =
      new Named("StableMath.LN_SQRT_2PI", "log(2 pi)/2", 0.9189385332046728);
  private static final double LN_2 = 0.6931471805599453;
  private static final double LN_PI = 1.1447298858494002;

  private Densities() {}

  /** The natural parameter of the given name in a density. */
  public static Var theta(String name) {
    return new Var("$" + name);
  }

  /**
   * @param constants the values of the parameters fixed at compile time, for families whose
   *     form depends on them (focal loss without alpha)
   */
  public static Density of(Family family, Map<String, Double> constants) {
    switch (family) {
      case NORMAL:
        return normal();
      case LAPLACE:
        return laplace();
      case STUDENT_T:
        return studentT();
      case LOG_NORMAL:
        return logNormal();
      case EXPONENTIAL:
        return exponential();
      case GAMMA:
        return gamma();
      case INVERSE_GAUSSIAN:
        return inverseGaussian();
      case BETA:
        return beta();
      case VON_MISES:
        return vonMises();
      case BERNOULLI:
        return bernoulli();
      case POISSON:
        return poisson();
      case BINOMIAL:
        return binomial();
      case NEGATIVE_BINOMIAL:
        return negativeBinomial();
      default:
        return RobustDensities.of(family, constants);
    }
  }

  private static Density normal() {
    Var mu = theta("mu");
    Var sigma = theta("sigma");
    Expr z = group("z", quotient(difference(Y, mu), sigma));
    Expr nll = sum(log(sigma), LN_SQRT_2PI, product(constant(0.5), square(z)));
    return new Density(nll, "log(sigma) + log(2 pi)/2 + ((y - mu)/sigma)^2/2", mu, mu)
        .withInformation(Information.constantTimesSlopeSquared(pow(sigma, -2)));
  }

  private static Density laplace() {
    Var mu = theta("mu");
    Var scale = theta("scale");
    Expr z = group("z", quotient(difference(Y, mu), scale));
    Expr nll = sum(log(scale), constant(LN_2), call(Fn.ABS, z));
    // E[(sign(y - mu)/scale)^2]: the second derivative is 0 almost everywhere, the information
    // is not
    return new Density(nll, "log(2 scale) + |y - mu|/scale", mu, mu)
        .withInformation(Information.constantTimesSlopeSquared(pow(scale, -2)));
  }

  private static Density studentT() {
    Var mu = theta("mu");
    Var sigma = theta("sigma");
    Var nu = theta("nu");
    // lgamma(nu/2) - lgamma((nu + 1)/2) = -lgammaHalfStep(nu/2), which keeps its digits for large nu;
    // the kernel log(1 + z^2/nu) takes log(sigma) too, for where z = (y - mu)/sigma overflows
    Expr nll =
        sum(
            log(sigma),
            constant(0.5 * LN_PI),
            product(constant(0.5), log(nu)),
            neg(call(Fn.LGAMMA_HALF_STEP, product(constant(0.5), nu))),
            product(
                constant(0.5),
                sum(nu, constant(1)),
                call(Fn.STUDENT_T_KERNEL, difference(Y, mu), sigma, log(sigma), nu)));
    return new Density(
        nll,
        "-lgamma((nu + 1)/2) + lgamma(nu/2) + log(nu pi)/2 + log(sigma)"
            + " + (nu + 1)/2 log(1 + ((y - mu)/sigma)^2/nu)",
        call(Fn.WHERE_POSITIVE, difference(nu, constant(1)), mu),
        mu)
        .withInformation(Information.constantTimesSlopeSquared(
            quotient(sum(nu, constant(1)), product(sum(nu, constant(3)), square(sigma)))));
  }

  private static Density logNormal() {
    Var mu = theta("mu");
    Var sigma = theta("sigma");
    Expr logY = log(Y);
    Expr z = group("z", quotient(difference(logY, mu), sigma));
    Expr nll = sum(logY, log(sigma), LN_SQRT_2PI, product(constant(0.5), square(z)));
    return new Density(
        nll,
        "log(y) + log(sigma) + log(2 pi)/2 + ((log(y) - mu)/sigma)^2/2",
        exp(sum(mu, product(constant(0.5), square(sigma)))),
        exp(difference(mu, square(sigma))))
        .withInformation(Information.constantTimesSlopeSquared(pow(sigma, -2)));
  }

  private static Density exponential() {
    Var rate = theta("rate");
    // timesOrZero: y = 0 contributes nothing even where the rate overflows
    Expr nll = difference(call(Fn.TIMES_OR_ZERO, Y, rate), log(rate));
    return new Density(nll, "rate y - log(rate)", pow(rate, -1), constant(0))
        .withInformation(
            Information.of(constant(1), Information.over(log(rate), 1), Information.over(log(rate), 1)));
  }

  private static Density gamma() {
    Var mean = theta("mean");
    Var shape = theta("shape");
    // lgamma(k) - k log k + k log mean - (k - 1) log y + k y/mean, regrouped as
    // k bd0(1, y/mean) + [lgamma(k) - k log k + k] + log y: the first term is k (t - 1 - log t)
    // with t = y/mean, free of cancellation near y = mean; the bracket is
    // logFactorialResidual(k) - log k, free of cancellation for large k
    Expr logRatio = difference(log(Y), log(mean));
    Expr nll =
        sum(
            product(shape, call(Fn.BD0, constant(1), quotient(Y, mean), logRatio)),
            call(Fn.LOG_FACTORIAL_RESIDUAL, shape),
            neg(log(shape)),
            log(Y));
    return new Density(
        nll,
        "lgamma(k) - k log(k) + k log(mean) - (k - 1) log(y) + k y/mean, k = shape;"
            + " computed as k bd0(1, y/mean) + lgamma(k) - k log(k) + k + log(y)",
        mean,
        call(Fn.RELU, difference(mean, quotient(mean, shape))))
        .withInformation(
            Information.of(shape, Information.over(log(mean), 1), Information.over(log(mean), 1)));
  }

  private static Density inverseGaussian() {
    Var mean = theta("mean");
    Var shape = theta("shape");
    Expr nll =
        sum(
            LN_SQRT_2PI,
            product(constant(1.5), log(Y)),
            product(constant(-0.5), log(shape)),
            product(constant(0.5), shape, call(Fn.INVERSE_GAUSSIAN_KERNEL, Y, mean)));
    Expr c = product(constant(1.5), mean, pow(shape, -1));
    return new Density(
        nll,
        "log(2 pi y^3/shape)/2 + shape (y - mean)^2/(2 mean^2 y)",
        mean,
        // mean (sqrt(1 + c^2) - c), c = 3 mean/(2 shape), written without the cancellation
        quotient(mean, sum(call(Fn.HYPOT, constant(1), c), c)))
        // shape/mean^3
        .withInformation(Information.of(
            quotient(shape, mean), Information.over(log(mean), 1), Information.over(log(mean), 1)));
  }

  private static Density beta() {
    Var mean = theta("mean");
    Var precision = theta("precision");
    // a = mean precision and b = (1 - mean) precision are carried as their logarithms, so that a
    // shape that underflows (mean = Phi(-800)) still has a finite, exact lgamma; a + b = precision
    Expr logA = sum(log(mean), log(precision));
    Expr logB = sum(log(difference(constant(1), mean)), log(precision));
    Expr nll =
        sum(
            call(Fn.LGAMMA_OF_EXP, logA),
            call(Fn.LGAMMA_OF_EXP, logB),
            neg(call(Fn.LGAMMA, precision)),
            neg(product(difference(exp(logA), constant(1)), log(Y))),
            neg(product(difference(exp(logB), constant(1)), call(Fn.LOG1P, neg(Y)))));
    Expr a = product(mean, precision);
    Expr b = product(difference(constant(1), mean), precision);
    Expr mode =
        call(
            Fn.WHERE_POSITIVE,
            call(Fn.RELU, difference(a, constant(1))),
            call(
                Fn.WHERE_POSITIVE,
                call(Fn.RELU, difference(b, constant(1))),
                quotient(difference(a, constant(1)), difference(precision, constant(2)))));
    return new Density(
        nll,
        "lgamma(a) + lgamma(b) - lgamma(precision) - (a - 1) log(y) - (b - 1) log(1 - y),"
            + " a = mean precision, b = (1 - mean) precision",
        mean,
        mode);
  }

  private static Density vonMises() {
    Var mu = theta("mu");
    Var kappa = theta("kappa");
    // log(2 pi I0(kappa)) - kappa cos(y - mu) = log(2 pi) + logI0e(kappa) + 2 kappa sin^2((y - mu)/2):
    // the exponentially scaled Bessel function never overflows, and 1 - cos r = 2 sin^2(r/2)
    // keeps its digits for small r
    Expr halfResidual = product(constant(0.5), difference(Y, mu));
    Expr nll =
        sum(
            product(constant(2), LN_SQRT_2PI),
            call(Fn.LOG_I0E, kappa),
            product(constant(2), kappa, square(call(Fn.SIN, halfResidual))));
    // kappa I1(kappa)/I0(kappa)
    return new Density(nll, "log(2 pi I0(kappa)) - kappa cos(y - mu)", mu, mu)
        .withInformation(Information.constantTimesSlopeSquared(
            product(kappa, call(Fn.BESSEL_RATIO, kappa))));
  }

  private static Density bernoulli() {
    Var p = theta("p");
    // timesOrZero: a label of exactly 0 or 1 must silence the other log term even where that term
    // is infinite (log(1 - p) at p = 1 under the cloglog link)
    Expr nll =
        neg(
            sum(
                call(Fn.TIMES_OR_ZERO, Y, log(p)),
                call(Fn.TIMES_OR_ZERO, difference(constant(1), Y), log(difference(constant(1), p)))));
    Expr mode = call(Fn.STEP, difference(p, constant(0.5)));
    return new Density(nll, "-y log(p) - (1 - y) log(1 - p)", p, mode)
        .withInformation(probabilityInformation(constant(1), p));
  }

  private static Density poisson() {
    Var rate = theta("rate");
    // rate - y log(rate) + lgamma(y + 1): poissonNll takes the direct form for small counts and
    // Loader's saddle-point form (R's dpois_raw) above, where bd0 keeps the digits that the three
    // large terms would cancel near y = rate = 1e9
    Expr nll = call(Fn.POISSON_NLL, Y, rate, log(rate));
    return new Density(
        nll,
        "rate - y log(rate) + lgamma(y + 1), for counts above 15 as bd0(y, rate) + lgamma(y + 1)"
            + " - y log(y) + y",
        rate,
        call(Fn.FLOOR, rate))
        .withInformation(Information.of(constant(1), Information.over(log(rate), 1), Information.ONE));
  }

  private static Density binomial() {
    Var p = theta("p");
    Var n = theta("trials");
    Expr q = difference(constant(1), p);
    Expr nll = call(Fn.BINOMIAL_NLL, Y, n, p, q, log(p), log(q));
    return new Density(
        nll,
        "-log C(n, y) - y log(p) - (n - y) log(1 - p), n = trials; for n above 15 computed as"
            + " Loader's bd0(y, n p) + bd0(n - y, n (1 - p)) + lgamma terms less their Stirling"
            + " parts",
        product(n, p),
        // floor((n + 1) p), which reaches n + 1 only where p rounds to 1
        call(Fn.MIN, n, call(Fn.FLOOR, product(sum(n, constant(1)), p))))
        .withInformation(probabilityInformation(n, p));
  }

  /** n/(p (1 - p)), the information of n Bernoulli trials, with both tails carried stably. */
  private static Information probabilityInformation(Expr trials, Var p) {
    return Information.of(
        trials,
        Information.over(log(p), 1),
        Information.over(log(difference(constant(1), p)), -1));
  }

  /**
   * A term split into additive parts so that {@code dropConstants} can drop those free of
   * parameters: poissonNll and binomialNll into Loader's form (the bd0 terms and the
   * log-factorial residuals of the data); any other term is its own only part.
   */
  static List<Expr> additiveParts(Expr term) {
    if (!(term instanceof Expr.Call c)) {
      return List.of(term);
    }
    List<Expr> a = c.args();
    switch (c.fn()) {
      case POISSON_NLL:
        return List.of(
            call(Fn.BD0, a.get(0), a.get(1), a.get(2)), call(Fn.LOG_FACTORIAL_RESIDUAL, a.get(0)));
      case BINOMIAL_NLL:
        Expr k = a.get(0);
        Expr n = a.get(1);
        List<Expr> parts = new ArrayList<>();
        parts.add(call(Fn.BD0, k, product(n, a.get(2)), sum(log(n), a.get(4))));
        parts.add(call(Fn.BD0, difference(n, k), product(n, a.get(3)), sum(log(n), a.get(5))));
        parts.add(call(Fn.LOG_FACTORIAL_RESIDUAL, k));
        parts.add(call(Fn.LOG_FACTORIAL_RESIDUAL, difference(n, k)));
        parts.add(neg(call(Fn.LOG_FACTORIAL_RESIDUAL, n)));
        return parts;
      default:
        return List.of(term);
    }
  }

  /**
   * The binomial NLL of {@code k} successes in {@code n} trials in Loader's form, with the logs
   * of n p and n q given exactly: LFR(k) + LFR(n - k) - LFR(n) + bd0(k, n p) + bd0(n - k, n q),
   * where LFR is logFactorialResidual. The residuals come first, as the generated code adds left
   * to right: at k = 0 they cancel exactly, and a tiny bd0 sum is not first added to, and rounded
   * away by, a residual of about 2.
   */
  private static Expr binomialSaddlePoint(
      Expr k, Expr n, Expr p, Expr q, Expr logNp, Expr logNq) {
    Expr failures = difference(n, k);
    return sum(
        call(Fn.LOG_FACTORIAL_RESIDUAL, k),
        call(Fn.LOG_FACTORIAL_RESIDUAL, failures),
        neg(call(Fn.LOG_FACTORIAL_RESIDUAL, n)),
        call(Fn.BD0, k, product(n, p), logNp),
        call(Fn.BD0, failures, product(n, q), logNq));
  }

  private static Density negativeBinomial() {
    Var mean = theta("mean");
    Var size = theta("size");
    // NB2 as R's dnbinom_mu computes it: a binomial in n = y + size trials with success
    // probability p = size/(size + mean), times size/(size + y); log(size + mean) by logAddExp
    Expr n = sum(Y, size);
    Expr logTotal = call(Fn.LOG_ADD_EXP, log(size), log(mean));
    Expr logP = difference(log(size), logTotal);
    Expr logQ = difference(log(mean), logTotal);
    Expr nll =
        sum(
            binomialSaddlePoint(size, n, exp(logP), exp(logQ), sum(log(n), logP), sum(log(n), logQ)),
            call(Fn.LOG1P, quotient(Y, size)));
    return new Density(
        nll,
        "-lgamma(y + size) + lgamma(size) + lgamma(y + 1) - size log(size/(size + mean))"
            + " - y log(mean/(size + mean)); computed in Loader's saddle-point form",
        mean,
        call(Fn.RELU, call(Fn.FLOOR, difference(mean, quotient(mean, size)))))
        // size/(mean (mean + size)), log(mean + size) by logAddExp as in the NLL
        .withInformation(Information.of(
            size, Information.over(log(mean), 1), Information.over(logTotal, 1)));
  }
}
