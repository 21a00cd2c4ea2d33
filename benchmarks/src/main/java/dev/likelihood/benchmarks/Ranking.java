package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** A Plackett-Luce ranking of items by their scores. */
@Likelihood(family = Family.PLACKETT_LUCE)
public record Ranking(@Response int[] ranking, @Param double[] scores) {}
