package dev.likelihood.samples;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** Robust regression: the density 1 / (pi cosh r), whose NLL is the log-cosh loss. */
@Likelihood(family = Family.LOG_COSH)
public record LogCoshReading(@Response double reading, @Param double location) {}
