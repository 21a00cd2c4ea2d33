package dev.likelihood.samples;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;
import dev.likelihood.Weight;

/** A weighted Poisson record for the batch-semantics tests. */
@Likelihood(family = Family.POISSON)
record WeightedCount(@Response long count, @Param double eta, @Weight double w) {}
