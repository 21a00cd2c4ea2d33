package dev.likelihood.samples;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/**
 * Regression: a reading with Gaussian noise of unknown spread. With {@code logSigma = 0} the NLL
 * is half the squared error plus a constant: mean squared error is this likelihood.
 */
@Likelihood(family = Family.NORMAL)
public record NormalReading(
    @Response double reading, @Param double mean, @Param("sigma") double logSigma) {}
