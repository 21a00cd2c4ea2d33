package dev.likelihood.samples.reference;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** BERNOULLI through PROBIT, an int response. */
@Likelihood(family = Family.BERNOULLI, link = Link.PROBIT)
record BernoulliProbitInt(@Response int y, @Param double eta) {}
