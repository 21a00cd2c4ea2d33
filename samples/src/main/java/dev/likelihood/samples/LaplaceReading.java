package dev.likelihood.samples;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/**
 * Robust regression: Laplace noise. With {@code logScale = 0} the NLL is the absolute error plus
 * a constant, so mean absolute error is this likelihood and the fitted location is a median.
 */
@Likelihood(family = Family.LAPLACE)
public record LaplaceReading(
    @Response double reading, @Param double location, @Param("scale") double logScale) {}
