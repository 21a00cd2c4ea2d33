package dev.likelihood.spark;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/**
 * A sensor reading whose noise depends on the conditions: a heteroscedastic normal, with one
 * linear predictor for the mean and one for log sigma (the default LOG link of sigma). The
 * processor writes {@code ReadingLoss}.
 */
@Likelihood(family = Family.NORMAL)
public record Reading(@Response double value, @Param double mean,
    @Param("sigma") double logSigma) {}
