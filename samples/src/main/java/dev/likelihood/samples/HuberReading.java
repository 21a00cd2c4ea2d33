package dev.likelihood.samples;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** Robust regression: the normalised Huber density (delta = 1), quadratic near 0, linear beyond. */
@Likelihood(family = Family.HUBER)
public record HuberReading(@Response double reading, @Param double location) {}
