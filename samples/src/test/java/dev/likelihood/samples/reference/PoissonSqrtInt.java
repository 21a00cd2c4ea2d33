package dev.likelihood.samples.reference;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/**
 * POISSON through SQRT, an int response.
 * Its link on a positive parameter is accepted with a compile-time warning (suppressed here);
 * eta at or below zero gives +Infinity.
 */
@SuppressWarnings("likelihood") // the warn-only link is the point of this record
@Likelihood(family = Family.POISSON, link = Link.SQRT)
record PoissonSqrtInt(@Response int y, @Param double eta) {}
