package dev.likelihood.samples;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Offset;
import dev.likelihood.Param;
import dev.likelihood.Response;

/**
 * Counts: calls received by a shop open {@code exp(logHours)} hours. The offset makes eta the
 * log of the hourly rate, as in a Poisson GLM with exposure.
 */
@Likelihood(family = Family.POISSON, link = Link.LOG)
public record CallVolume(@Response int calls, @Param double eta, @Offset double logHours) {}
