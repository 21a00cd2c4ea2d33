package dev.likelihood.samples;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/**
 * Directions: where the wind blows from, in radians. The von Mises density wraps around, so 359
 * degrees is close to 1 degree, which a normal on the angle would not know.
 */
@Likelihood(family = Family.VON_MISES)
public record WindDirection(
    @Response double angle, @Param double mu, @Param("kappa") double logKappa) {}
