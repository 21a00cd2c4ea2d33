package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Known;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** BINOMIAL: p through LOGIT (the default), the number of trials known per row. */
@Likelihood(family = Family.BINOMIAL)
public record BinomialRegression(
    @Response int successes, @Param double p, @Known("trials") int trials) {}
