package dev.likelihood.samples.families;

import dev.likelihood.Constant;
import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;
import dev.likelihood.Weight;

// Records of the vector families' reference vectors (categorical.csv, gaussian_mixture.csv,
// multivariate_normal.csv, plackett_luce.csv), written by tools/reference/families_vector.py.
@Likelihood(family = Family.CATEGORICAL)
record CategoricalLabel(@Response int label, @Param double[] logits) {}

@Likelihood(family = Family.CATEGORICAL, constants = @Constant(name = "labelSmoothing", value = 0.1))
record CategoricalSmoothed(@Response int label, @Param double[] logits) {}

@Likelihood(family = Family.CATEGORICAL)
record CategoricalSoft(@Response double[] target, @Param double[] logits) {}

@Likelihood(family = Family.CATEGORICAL, constants = @Constant(name = "labelSmoothing", value = 0.25))
record CategoricalSoftSmoothed(@Response double[] target, @Param double[] logits) {}

@Likelihood(family = Family.CATEGORICAL)
record CategoricalWeighted(@Response int label, @Param double[] logits, @Weight double weight) {}

@Likelihood(family = Family.GAUSSIAN_MIXTURE)
record Mixture(
    @Response double y,
    @Param double[] weights,
    @Param("mu") double[] mu,
    @Param("sigma") double[] sigma) {}

@Likelihood(family = Family.GAUSSIAN_MIXTURE)
record MixtureSoftplus(
    @Response double y,
    @Param double[] weights,
    @Param("mu") double[] mu,
    @Param(value = "sigma", link = Link.SOFTPLUS) double[] sigma) {}

@Likelihood(family = Family.MULTIVARIATE_NORMAL)
record MvnDiagonal(@Response double[] y, @Param double[] mu, @Param("sigma") double[] sigma) {}

@Likelihood(family = Family.MULTIVARIATE_NORMAL)
record MvnUnit(@Response double[] y, @Param double[] mu) {}

@Likelihood(family = Family.MULTIVARIATE_NORMAL)
record MvnCholesky(@Response double[] y, @Param double[] mu, @Param("scaleTril") double[] scaleTril) {}

/** Diagonal MVN through SOFTPLUS with a weight: each vector gradient entry is a sum, all weighted. */
@Likelihood(family = Family.MULTIVARIATE_NORMAL)
record MvnDiagonalWeighted(
    @Response double[] y, @Param double[] mu,
    @Param(value = "sigma", link = Link.SOFTPLUS) double[] sigma, @Weight double w) {}

@Likelihood(family = Family.PLACKETT_LUCE)
record Ranking(@Response int[] ranking, @Param double[] scores) {}
