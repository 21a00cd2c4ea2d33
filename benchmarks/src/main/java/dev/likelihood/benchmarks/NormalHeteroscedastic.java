package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/**
 * NORMAL regression with a predicted spread: mu through IDENTITY, sigma through LOG (the defaults).
 */
@Likelihood(family = Family.NORMAL)
public record NormalHeteroscedastic(
    @Response double y, @Param double mu, @Param("sigma") double sigma) {}
