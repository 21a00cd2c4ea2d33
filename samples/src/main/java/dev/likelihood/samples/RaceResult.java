package dev.likelihood.samples;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/**
 * Rankings: the finishing order of a race, best first. Plackett-Luce picks the winner with
 * probability softmax(scores), then the next among those left, and so on.
 */
@Likelihood(family = Family.PLACKETT_LUCE)
public record RaceResult(@Response int[] finish, @Param double[] scores) {}
