package dev.likelihood.samples.reference;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** BERNOULLI through CAUCHIT, a double response. */
@Likelihood(family = Family.BERNOULLI, link = Link.CAUCHIT)
record BernoulliCauchit(@Response double y, @Param double eta) {}
