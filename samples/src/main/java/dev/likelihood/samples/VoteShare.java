package dev.likelihood.samples;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** Proportions: a party's share of the vote in a district, Beta with a mean and a precision. */
@Likelihood(family = Family.BETA)
public record VoteShare(
    @Response double share, @Param double logitMean, @Param("precision") double logPrecision) {}
