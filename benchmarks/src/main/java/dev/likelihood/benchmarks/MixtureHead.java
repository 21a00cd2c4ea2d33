package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** A K-component Gaussian mixture density head for a scalar response. */
@Likelihood(family = Family.GAUSSIAN_MIXTURE)
public record MixtureHead(
    @Response double y,
    @Param double[] weights,
    @Param("mu") double[] mu,
    @Param("sigma") double[] sigma) {}
