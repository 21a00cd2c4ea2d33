package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** POISSON regression of an int count: rate through LOG (the default). */
@Likelihood(family = Family.POISSON, link = Link.LOG)
public record PoissonLog(@Response int count, @Param double rate) {}
