package dev.likelihood.samples.reference;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** BERNOULLI through LOGIT, an int response. */
@Likelihood(family = Family.BERNOULLI, link = Link.LOGIT)
record BernoulliLogitInt(@Response int y, @Param double eta) {}
