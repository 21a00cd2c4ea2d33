package dev.likelihood.samples.reference;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** NORMAL, mu through INVERSE, sigma a parameter through LOG. */
@Likelihood(family = Family.NORMAL, link = Link.INVERSE)
record NormalInverseMuLogSigma(
    @Response double y,
    @Param double mu,
    @Param(value = "sigma", link = Link.LOG) double sigma) {}
