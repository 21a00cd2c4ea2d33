package dev.likelihood.processor.derive;

import static dev.likelihood.processor.derive.Exprs.call;
import static dev.likelihood.processor.derive.Exprs.constant;
import static dev.likelihood.processor.derive.Exprs.difference;
import static dev.likelihood.processor.derive.Exprs.log;
import static dev.likelihood.processor.derive.Exprs.neg;
import static dev.likelihood.processor.derive.Exprs.product;
import static dev.likelihood.processor.derive.Exprs.quotient;
import static dev.likelihood.processor.derive.Exprs.square;
import static dev.likelihood.processor.derive.Exprs.sum;

import dev.likelihood.Family;
import dev.likelihood.processor.derive.Expr.Named;
import dev.likelihood.processor.derive.Expr.Var;

/**
 * Each family written once, as its negative log-density over natural parameters, in the form
 * a numerical analyst would choose (Stan's and R's): the derivation composes it with the links,
 * rewrites it into stable primitives and differentiates it.
 */
public final class Densities {

  /** The response in a density. */
  public static final Var Y = new Var("$y");

  private static final Named LN_SQRT_2PI =
      new Named("StableMath.LN_SQRT_2PI", "log(2 pi)/2", 0.9189385332046728);

  private Densities() {}

  /** The natural parameter of the given name in a density. */
  public static Var theta(String name) {
    return new Var("$" + name);
  }

  public static Density of(Family family) {
    switch (family) {
      case NORMAL:
        return normal();
      case BERNOULLI:
        return bernoulli();
      case POISSON:
        return poisson();
      default:
        throw new IllegalArgumentException("family " + family + " is not implemented");
    }
  }

  private static Density normal() {
    Var mu = theta("mu");
    Var sigma = theta("sigma");
    Expr z = Exprs.group("z", quotient(difference(Y, mu), sigma));
    Expr nll = sum(log(sigma), LN_SQRT_2PI, product(constant(0.5), square(z)));
    return new Density(nll, "log(sigma) + log(2 pi)/2 + ((y - mu)/sigma)^2/2", mu, mu);
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
    return new Density(nll, "-y log(p) - (1 - y) log(1 - p)", p, mode);
  }

  private static Density poisson() {
    Var rate = theta("rate");
    // rate - y log(rate) + lgamma(y + 1), regrouped as Loader's saddle-point form (R's dpois_raw):
    // bd0 keeps the digits that the three large terms would cancel near y = rate = 1e9
    Expr nll = sum(call(Fn.BD0, Y, rate, log(rate)), call(Fn.LOG_FACTORIAL_RESIDUAL, Y));
    return new Density(
        nll,
        "rate - y log(rate) + lgamma(y + 1) = bd0(y, rate) + lgamma(y + 1) - y log(y) + y",
        rate,
        call(Fn.FLOOR, rate));
  }
}
