package dev.likelihood.processor.derive;

import static dev.likelihood.processor.derive.Exprs.call;
import static dev.likelihood.processor.derive.Exprs.constant;
import static dev.likelihood.processor.derive.Exprs.difference;
import static dev.likelihood.processor.derive.Exprs.exp;
import static dev.likelihood.processor.derive.Exprs.log;
import static dev.likelihood.processor.derive.Exprs.neg;
import static dev.likelihood.processor.derive.Exprs.product;
import static dev.likelihood.processor.derive.Exprs.sum;

import dev.likelihood.Family;
import dev.likelihood.processor.derive.Expr.Var;
import java.util.Map;

/**
 * The losses of the robust and classification families: Huber, log-cosh, hinge, focal and the
 * uncertainty-aware binary cross-entropy. Written, like {@link Densities}, over the response
 * {@link Densities#Y} and the natural parameters.
 */
final class RobustDensities {

  private static final double LN_PI = 1.1447298858494002;

  private RobustDensities() {}

  static Density of(Family family, Map<String, Double> constants) {
    switch (family) {
      case HUBER:
        return huber();
      case LOG_COSH:
        return logCosh();
      case HINGE:
        return hinge();
      case FOCAL:
        return focal(constants.getOrDefault("alpha", -1.0));
      case UNCERTAIN_BERNOULLI:
        return uncertainBernoulli();
      default:
        throw new IllegalArgumentException("family " + family + " is not implemented");
    }
  }

  private static Density huber() {
    Var mu = Densities.theta("mu");
    Var delta = Densities.theta("delta");
    Expr nll =
        sum(
            call(Fn.HUBER, difference(Densities.Y, mu), delta),
            call(Fn.LOG_HUBER_NORMALIZER, delta));
    return new Density(
        nll,
        "huber_delta(y - mu) + log Z(delta), Z(delta) = sqrt(2 pi) (2 Phi(delta) - 1)"
            + " + 2 exp(-delta^2/2)/delta (the normalised Huber density)",
        mu,
        mu)
        // E[psi'(y - mu)] = P(|y - mu| < delta): psi' is 1 in the quadratic middle, 0 outside
        .withInformation(Information.constantTimesSlopeSquared(call(Fn.HUBER_INFORMATION, delta)));
  }

  private static Density logCosh() {
    Var mu = Densities.theta("mu");
    Expr nll = sum(call(Fn.LOG_COSH, difference(Densities.Y, mu)), constant(LN_PI));
    // E[sech^2(y - mu)] under the density 1/(pi cosh(y - mu)): the integral of sech^3 over pi, 1/2
    return new Density(nll, "log(cosh(y - mu)) + log(pi), the density 1/(pi cosh(y - mu))", mu, mu)
        .withInformation(Information.constantTimesSlopeSquared(constant(0.5)));
  }

  /** A margin loss, not a likelihood: y is +1 or -1 (true or false). */
  private static Density hinge() {
    Var score = Densities.theta("score");
    Expr nll = call(Fn.RELU, difference(constant(1), product(Densities.Y, score)));
    return new Density(nll, "max(0, 1 - y score), y = +1 or -1 (a margin loss, not a likelihood)", null, null);
  }

  /**
   * torchvision's sigmoid focal loss: -alpha_t (1 - p_t)^gamma log p_t. The modulating factor is
   * written exp(gamma log(1 - p_t)) so that it inherits the stable log of the probability link.
   */
  private static Density focal(double alpha) {
    Var p = Densities.theta("p");
    Var gamma = Densities.theta("gamma");
    Expr logP = log(p);
    Expr logQ = log(difference(constant(1), p));
    boolean weighted = alpha != -1;
    Expr positive =
        product(
            constant(weighted ? alpha : 1), exp(product(gamma, logQ)), logP);
    Expr negative =
        product(
            constant(weighted ? 1 - alpha : 1), exp(product(gamma, logP)), logQ);
    Expr nll =
        neg(
            sum(
                call(Fn.TIMES_OR_ZERO, Densities.Y, positive),
                call(Fn.TIMES_OR_ZERO, difference(constant(1), Densities.Y), negative)));
    return new Density(
        nll,
        "-alpha_t (1 - p_t)^gamma log(p_t), p_t = p if y = 1 else 1 - p, alpha_t = "
            + (weighted ? "alpha if y = 1 else 1 - alpha" : "1 (alpha = -1: off)"),
        null,
        null);
  }

  /**
   * The exact marginal likelihood of y when the logit is itself uncertain, logit ~ N(eta, u^2):
   * P(y = 1) = E[sigmoid(eta + u z)], and by the symmetry of z and 1 - sigmoid(x) = sigmoid(-x),
   * P(y = 0) = E[sigmoid(-eta + u z)]. The logit eta is log(p) - log(1 - p) of the link's p.
   */
  private static Density uncertainBernoulli() {
    Var p = Densities.theta("p");
    Var u = Densities.theta("uncertainty");
    Expr logit = difference(log(p), log(difference(constant(1), p)));
    Expr nll =
        neg(
            sum(
                call(Fn.TIMES_OR_ZERO, Densities.Y, call(Fn.LOG_MEAN_SIGMOID, logit, u)),
                call(
                    Fn.TIMES_OR_ZERO,
                    difference(constant(1), Densities.Y),
                    call(Fn.LOG_MEAN_SIGMOID, neg(logit), u))));
    Expr mean = exp(call(Fn.LOG_MEAN_SIGMOID, logit, u));
    return new Density(
        nll,
        "-log P(y), P(y = 1) = E[sigmoid(logit(p) + u z)], z ~ N(0, 1), u = uncertainty: the"
            + " exact marginal likelihood when the logit is N(logit(p), u^2), by adaptive"
            + " Gauss-Hermite quadrature in log space",
        mean,
        call(Fn.STEP, logit));
  }
}
