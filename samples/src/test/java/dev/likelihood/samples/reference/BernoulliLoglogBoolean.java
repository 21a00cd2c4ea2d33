package dev.likelihood.samples.reference;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** BERNOULLI through LOGLOG, a boolean response. */
@Likelihood(family = Family.BERNOULLI, link = Link.LOGLOG)
record BernoulliLoglogBoolean(@Response boolean y, @Param double eta) {}
