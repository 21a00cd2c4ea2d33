package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** GAMMA: mean and shape through LOG (the defaults). */
@Likelihood(family = Family.GAMMA)
public record GammaRegression(
    @Response double y, @Param double mean, @Param("shape") double shape) {}
