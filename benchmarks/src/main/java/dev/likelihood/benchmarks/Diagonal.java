package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** A D-dimensional normal with diagonal covariance. */
@Likelihood(family = Family.MULTIVARIATE_NORMAL)
public record Diagonal(@Response double[] y, @Param double[] mu, @Param("sigma") double[] sigma) {}
