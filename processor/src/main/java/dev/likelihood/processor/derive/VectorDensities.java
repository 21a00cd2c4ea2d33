package dev.likelihood.processor.derive;

import static dev.likelihood.processor.derive.Exprs.call;
import static dev.likelihood.processor.derive.Exprs.constant;
import static dev.likelihood.processor.derive.Exprs.difference;
import static dev.likelihood.processor.derive.Exprs.element;
import static dev.likelihood.processor.derive.Exprs.group;
import static dev.likelihood.processor.derive.Exprs.log;
import static dev.likelihood.processor.derive.Exprs.neg;
import static dev.likelihood.processor.derive.Exprs.pow;
import static dev.likelihood.processor.derive.Exprs.product;
import static dev.likelihood.processor.derive.Exprs.quotient;
import static dev.likelihood.processor.derive.Exprs.reduce;
import static dev.likelihood.processor.derive.Exprs.square;
import static dev.likelihood.processor.derive.Exprs.sum;
import static dev.likelihood.processor.derive.Exprs.width;

import dev.likelihood.Family;
import dev.likelihood.processor.derive.Expr.Index;
import dev.likelihood.processor.derive.Expr.Named;
import dev.likelihood.processor.derive.Expr.Reduction;
import java.util.Map;

/**
 * The families whose parameters are vectors, written once over elements of their natural
 * parameters ({@code $logits[k]}) with reductions over the index k in [0, K). Plackett-Luce and
 * the multivariate normal with a full Cholesky factor are runtime kernels instead (see
 * {@link Kernel}): their sequential structure (a reverse cumulative logsumexp, a triangular
 * solve) is not a reduction of independent terms.
 */
final class VectorDensities {

  /** The index the densities reduce over. */
  static final Index K = new Index("k");

  private static final Named LN_SQRT_2PI =
      new Named("StableMath.LN_SQRT_2PI", "log(2 pi)/2", 0.9189385332046728);

  private VectorDensities() {}

  /** The element of a vector natural parameter, or of a vector response ({@code $y}). */
  static Expr theta(String name, Expr index) {
    return element("$" + name, index);
  }

  /**
   * @param vectorResponse whether the response is a vector (a target distribution, an
   *     observation of D coordinates) rather than a scalar or a class index
   */
  static Density of(Family family, Map<String, Double> constants, boolean vectorResponse) {
    switch (family) {
      case CATEGORICAL:
        return vectorResponse
            ? softCategorical(constants.get("labelSmoothing"))
            : categorical(constants.get("labelSmoothing"));
      case GAUSSIAN_MIXTURE:
        return gaussianMixture();
      case MULTIVARIATE_NORMAL:
        return diagonalNormal();
      default:
        throw new IllegalArgumentException(family + " is not written as a reduction");
    }
  }

  /** -(1 - e) log p[y] - (e/K) sum_k log p[k]: PyTorch's label smoothing. */
  private static Density categorical(double smoothing) {
    Expr logP = log(theta("logits", Densities.Y));
    Expr smoothed =
        product(constant(smoothing), pow(width(), -1), reduce(Reduction.SUM, K, log(theta("logits", K))));
    Expr nll = neg(sum(product(constant(1 - smoothing), logP), smoothed));
    String formula = smoothing == 0
        ? "-log(p[y]), p = softmax(logits)"
        : "-(1 - e) log(p[y]) - (e/K) sum_k log(p[k]), p = softmax(logits), e = labelSmoothing";
    return new Density(nll, formula, null, null);
  }

  /**
   * -sum_k t'[k] log p[k], t' = (1 - e) t + e/K; a zero target weight silences the log of a
   * masked class (logit -Infinity, p = 0).
   */
  private static Density softCategorical(double smoothing) {
    Expr target =
        sum(
            product(constant(1 - smoothing), theta("y", K)),
            product(constant(smoothing), pow(width(), -1)));
    Expr nll = neg(reduce(Reduction.SUM, K, call(Fn.TIMES_OR_ZERO, target, log(theta("logits", K)))));
    String formula = smoothing == 0
        ? "-sum_k t[k] log(p[k]), p = softmax(logits), t = the target distribution"
        : "-sum_k t'[k] log(p[k]), t' = (1 - e) t + e/K, p = softmax(logits), e = labelSmoothing";
    return new Density(nll, formula, null, null);
  }

  /** -log sum_k w[k] N(y; mu[k], sigma[k]) (Bishop's mixture density network). */
  private static Density gaussianMixture() {
    Expr z = group("z", quotient(difference(Densities.Y, theta("mu", K)), theta("sigma", K)));
    Expr logComponent =
        sum(
            log(theta("weights", K)),
            neg(log(theta("sigma", K))),
            product(constant(-0.5), square(z)));
    Expr nll = sum(neg(reduce(Reduction.LOG_SUM_EXP, K, logComponent)), LN_SQRT_2PI);
    return new Density(
        nll,
        "log(2 pi)/2 - log(sum_k w[k] exp(-z[k]^2/2) / sigma[k]), z[k] = (y - mu[k])/sigma[k],"
            + " w = softmax(weights)",
        null,
        null);
  }

  /** sum_d log(sigma[d]) + D log(2 pi)/2 + |z|^2/2, z[d] = (y[d] - mu[d])/sigma[d]. */
  private static Density diagonalNormal() {
    Expr z = group("z", quotient(difference(theta("y", K), theta("mu", K)), theta("sigma", K)));
    Expr nll =
        sum(
            reduce(Reduction.SUM, K, sum(log(theta("sigma", K)), product(constant(0.5), square(z)))),
            reduce(Reduction.SUM, K, LN_SQRT_2PI));
    return new Density(
        nll, "sum_d (log(sigma[d]) + z[d]^2/2) + D log(2 pi)/2, z[d] = (y[d] - mu[d])/sigma[d]", null, null);
  }
}
