package dev.likelihood.samples;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/**
 * Over-dispersed counts: daily visits to a store, negative binomial (NB2): variance = mean +
 * mean^2 / size. A Poisson would understate the spread.
 */
@Likelihood(family = Family.NEGATIVE_BINOMIAL)
public record StoreVisits(@Response int visits, @Param double logMean, @Param("size") double logSize) {}
