package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** INVERSE_GAUSSIAN: mean and shape through LOG (the defaults). */
@Likelihood(family = Family.INVERSE_GAUSSIAN)
public record InverseGaussianRegression(
    @Response double y, @Param double mean, @Param("shape") double shape) {}
