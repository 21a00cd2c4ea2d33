package dev.likelihood.spark;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Offset;
import dev.likelihood.Param;
import dev.likelihood.Response;

/**
 * Insurance claim counts over an exposure (policy years): Poisson with a log link, the log
 * exposure as offset, so the rate is per unit of exposure. The processor writes
 * {@code ClaimsLoss}.
 */
@Likelihood(family = Family.POISSON, link = Link.LOG)
public record Claims(@Response double claims, @Param double rate, @Offset double logExposure) {}
