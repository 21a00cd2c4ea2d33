package dev.likelihood.samples.reference;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** NORMAL, mu through SQRT, sigma at its default 1. */
@Likelihood(family = Family.NORMAL, link = Link.SQRT)
record NormalSqrtMuDefaultSigma(@Response double y, @Param double mu) {}
