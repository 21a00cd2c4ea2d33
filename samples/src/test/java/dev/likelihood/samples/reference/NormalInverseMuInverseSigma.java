package dev.likelihood.samples.reference;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/**
 * NORMAL, mu through INVERSE, sigma a parameter through INVERSE.
 * Its link on a positive parameter is accepted with a compile-time warning (suppressed here);
 * eta at or below zero gives +Infinity.
 */
@SuppressWarnings("likelihood") // the warn-only link is the point of this record
@Likelihood(family = Family.NORMAL, link = Link.INVERSE)
record NormalInverseMuInverseSigma(
    @Response double y,
    @Param double mu,
    @Param(value = "sigma", link = Link.INVERSE) double sigma) {}
