package dev.likelihood.samples.reference;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** NORMAL, mu through IDENTITY, sigma a parameter through SOFTPLUS. */
@Likelihood(family = Family.NORMAL, link = Link.IDENTITY)
record NormalIdentityMuSoftplusSigma(
    @Response double y,
    @Param double mu,
    @Param(value = "sigma", link = Link.SOFTPLUS) double sigma) {}
