package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** NEGATIVE_BINOMIAL (NB2) of an int count: mean and size through LOG (the defaults). */
@Likelihood(family = Family.NEGATIVE_BINOMIAL)
public record NegativeBinomialRegression(
    @Response int count, @Param double mean, @Param("size") double size) {}
