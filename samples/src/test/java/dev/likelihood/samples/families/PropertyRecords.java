package dev.likelihood.samples.families;

import dev.likelihood.Constant;
import dev.likelihood.Family;
import dev.likelihood.Known;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Offset;
import dev.likelihood.Param;
import dev.likelihood.Response;
import dev.likelihood.Weight;

// Records for the property tests (FamilyCases): the @Weight and @Offset combinations, response
// types and component orders that the reference-vector records of this package do not declare.
// One weighted record per family at least, so that MEAN = sum(w nll) / sum(w) is checked for all.

/** NORMAL with a weight and an offset on mu. */
@Likelihood(family = Family.NORMAL)
record NormalWeightedOffset(
    @Response double y, @Param double mu, @Param("sigma") double sigma, @Weight double w,
    @Offset double offset) {}

/** LAPLACE with the offset before the parameters and a weight. */
@Likelihood(family = Family.LAPLACE)
record LaplaceOffsetWeighted(
    @Response double y, @Offset double offset, @Param double mu, @Param("scale") double scale,
    @Weight double w) {}

/** STUDENT_T as in SPEC's example: nu = 4, a weight. */
@Likelihood(family = Family.STUDENT_T, constants = @Constant(name = "nu", value = 4))
record StudentTWeighted(@Response double y, @Param double location, @Weight double w) {}

/** LOG_NORMAL with a weight and an offset. */
@Likelihood(family = Family.LOG_NORMAL)
record LogNormalWeightedOffset(
    @Response double y, @Param double mu, @Param("sigma") double sigma, @Offset double offset,
    @Weight double w) {}

/** EXPONENTIAL with a log-exposure offset and a weight. */
@Likelihood(family = Family.EXPONENTIAL)
record ExponentialExposure(
    @Response double y, @Param double rate, @Offset double logExposure, @Weight double w) {}

/** GAMMA with the offset first, a weight, constants dropped. */
@Likelihood(family = Family.GAMMA, dropConstants = true)
record GammaOffsetWeighted(
    @Offset double logExposure, @Response double y, @Param double mean,
    @Param("shape") double shape, @Weight double w) {}

/** INVERSE_GAUSSIAN with a weight. */
@Likelihood(family = Family.INVERSE_GAUSSIAN)
record InverseGaussianWeighted(
    @Response double y, @Param double mean, @Param("shape") double shape, @Weight double w) {}

/** BETA through PROBIT with an offset and a weight. */
@Likelihood(family = Family.BETA, link = Link.PROBIT)
record BetaOffsetWeighted(
    @Response double y, @Param double mean, @Param("precision") double precision,
    @Offset double offset, @Weight double w) {}

/** VON_MISES with a weight and an offset on mu. */
@Likelihood(family = Family.VON_MISES)
record VonMisesWeightedOffset(
    @Response double y, @Param double mu, @Param("kappa") double kappa, @Weight double w,
    @Offset double offset) {}

/** POISSON with long counts, an exposure offset and a weight. */
@Likelihood(family = Family.POISSON)
record PoissonExposureWeighted(
    @Response long y, @Param double eta, @Offset double logExposure, @Weight double w) {}

/** POISSON with double counts through SOFTPLUS, constants dropped. */
@Likelihood(family = Family.POISSON, link = Link.SOFTPLUS, dropConstants = true)
record PoissonSoftplusDropped(@Response double y, @Param double eta) {}

/** BERNOULLI soft labels through PROBIT, the weight before the parameter. */
@Likelihood(family = Family.BERNOULLI, link = Link.PROBIT)
record BernoulliSoftWeighted(@Response double y, @Weight double w, @Param double eta) {}

/** BERNOULLI boolean through CLOGLOG with an offset. */
@Likelihood(family = Family.BERNOULLI, link = Link.CLOGLOG)
record BernoulliCloglogOffset(@Response boolean y, @Param double eta, @Offset double offset) {}

/** BINOMIAL with known trials, an offset and a weight. */
@Likelihood(family = Family.BINOMIAL)
record BinomialOffsetWeighted(
    @Response int y, @Param double eta, @Known("trials") int trials, @Offset double offset,
    @Weight double w) {}

/** NEGATIVE_BINOMIAL with an exposure offset and a weight, constants dropped. */
@Likelihood(family = Family.NEGATIVE_BINOMIAL, dropConstants = true)
record NegativeBinomialExposure(
    @Response long y, @Param double mean, @Param("size") double size, @Offset double logExposure,
    @Weight double w) {}

/** HUBER with a weight. */
@Likelihood(family = Family.HUBER, constants = @Constant(name = "delta", value = 1.5))
record HuberWeighted(@Response double y, @Param double mu, @Weight double w) {}

/** LOG_COSH with an offset and a weight. */
@Likelihood(family = Family.LOG_COSH)
record LogCoshOffsetWeighted(
    @Response double y, @Param double mu, @Offset double offset, @Weight double w) {}

/** HINGE with a weight. */
@Likelihood(family = Family.HINGE)
record HingeWeighted(@Response int y, @Param double score, @Weight double w) {}

/** FOCAL with an offset and a weight. */
@Likelihood(
    family = Family.FOCAL,
    constants = {@Constant(name = "gamma", value = 1.5), @Constant(name = "alpha", value = 0.3)})
record FocalOffsetWeighted(
    @Response boolean y, @Param double eta, @Offset double offset, @Weight double w) {}

/** UNCERTAIN_BERNOULLI with an offset and a weight. */
@Likelihood(family = Family.UNCERTAIN_BERNOULLI)
record UncertainBernoulliOffsetWeighted(
    @Response int y, @Param double eta, @Param("uncertainty") double uncertainty,
    @Offset double offset, @Weight double w) {}

/** CATEGORICAL soft targets with a weight. */
@Likelihood(family = Family.CATEGORICAL)
record CategoricalSoftWeighted(@Response double[] target, @Param double[] logits, @Weight double w) {}

/** GAUSSIAN_MIXTURE with a weight. */
@Likelihood(family = Family.GAUSSIAN_MIXTURE)
record MixtureWeighted(
    @Response double y, @Param double[] weights, @Param("mu") double[] mu,
    @Param("sigma") double[] sigma, @Weight double w) {}

/** MULTIVARIATE_NORMAL, Cholesky factor, with a weight. */
@Likelihood(family = Family.MULTIVARIATE_NORMAL)
record MvnCholeskyWeighted(
    @Response double[] y, @Param double[] mu, @Param("scaleTril") double[] scaleTril,
    @Weight double w) {}

/** PLACKETT_LUCE with a weight. */
@Likelihood(family = Family.PLACKETT_LUCE)
record RankingWeighted(@Response int[] ranking, @Param double[] scores, @Weight double w) {}
