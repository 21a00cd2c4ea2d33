package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** LAPLACE: mu through IDENTITY, scale through LOG (the defaults). */
@Likelihood(family = Family.LAPLACE)
public record LaplaceRegression(
    @Response double y, @Param double mu, @Param("scale") double scale) {}
