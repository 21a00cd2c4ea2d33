package dev.likelihood.samples.reference;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** POISSON through SOFTPLUS, a double response. */
@Likelihood(family = Family.POISSON, link = Link.SOFTPLUS)
record PoissonSoftplus(@Response double y, @Param double eta) {}
