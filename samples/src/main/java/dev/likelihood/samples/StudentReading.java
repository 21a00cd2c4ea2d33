package dev.likelihood.samples;

import dev.likelihood.Constant;
import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/**
 * Robust regression: Student-t noise with 3 degrees of freedom, whose heavy tails let a few wild
 * readings pull the fit far less than under a normal.
 */
@Likelihood(family = Family.STUDENT_T, constants = @Constant(name = "nu", value = 3))
public record StudentReading(
    @Response double reading, @Param double location, @Param("sigma") double logSigma) {}
