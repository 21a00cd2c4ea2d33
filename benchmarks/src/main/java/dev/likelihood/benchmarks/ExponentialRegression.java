package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** EXPONENTIAL: rate through LOG (the default). */
@Likelihood(family = Family.EXPONENTIAL)
public record ExponentialRegression(@Response double y, @Param double rate) {}
