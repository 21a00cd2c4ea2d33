package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** A D-dimensional normal with a full covariance given by its packed Cholesky factor. */
@Likelihood(family = Family.MULTIVARIATE_NORMAL)
public record Correlated(
    @Response double[] y, @Param double[] mu, @Param("scaleTril") double[] scaleTril) {}
