package dev.likelihood.samples.reference;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** POISSON through LOG, a long response. */
@Likelihood(family = Family.POISSON, link = Link.LOG)
record PoissonLogLong(@Response long y, @Param double eta) {}
