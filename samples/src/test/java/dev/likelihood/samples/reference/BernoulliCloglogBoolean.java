package dev.likelihood.samples.reference;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** BERNOULLI through CLOGLOG, a boolean response. */
@Likelihood(family = Family.BERNOULLI, link = Link.CLOGLOG)
record BernoulliCloglogBoolean(@Response boolean y, @Param double eta) {}
