package dev.likelihood.samples;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** Counts: Dobson's (1990) randomised controlled trial, a Poisson log-linear model. */
@Likelihood(family = Family.POISSON, link = Link.LOG)
public record TrialCount(@Response int count, @Param double logRate) {}
