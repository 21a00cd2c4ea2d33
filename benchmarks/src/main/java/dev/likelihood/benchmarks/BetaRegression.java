package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** BETA: mean through LOGIT, precision through LOG (the defaults). */
@Likelihood(family = Family.BETA)
public record BetaRegression(
    @Response double y, @Param double mean, @Param("precision") double precision) {}
