package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** LOG_COSH: mu through IDENTITY. */
@Likelihood(family = Family.LOG_COSH)
public record LogCoshRegression(@Response double y, @Param double mu) {}
