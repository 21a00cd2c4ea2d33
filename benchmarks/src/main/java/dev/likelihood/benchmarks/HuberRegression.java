package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** HUBER (the normalised Huber density) with the default delta = 1: mu through IDENTITY. */
@Likelihood(family = Family.HUBER)
public record HuberRegression(@Response double y, @Param double mu) {}
