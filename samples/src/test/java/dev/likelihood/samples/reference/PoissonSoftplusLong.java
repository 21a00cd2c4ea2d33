package dev.likelihood.samples.reference;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** POISSON through SOFTPLUS, a long response. */
@Likelihood(family = Family.POISSON, link = Link.SOFTPLUS)
record PoissonSoftplusLong(@Response long y, @Param double eta) {}
