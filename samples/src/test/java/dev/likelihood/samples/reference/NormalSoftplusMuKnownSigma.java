package dev.likelihood.samples.reference;

import dev.likelihood.Family;
import dev.likelihood.Known;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** NORMAL, mu through SOFTPLUS, sigma known per sample. */
@Likelihood(family = Family.NORMAL, link = Link.SOFTPLUS)
record NormalSoftplusMuKnownSigma(
    @Response double y,
    @Param double mu,
    @Known("sigma") double sigma) {}
