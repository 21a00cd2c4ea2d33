package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** LOG_NORMAL: mu (of log y) through IDENTITY, sigma through LOG (the defaults). */
@Likelihood(family = Family.LOG_NORMAL)
public record LogNormalRegression(
    @Response double y, @Param double mu, @Param("sigma") double sigma) {}
