package dev.likelihood.benchmarks;

import dev.likelihood.Constant;
import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** STUDENT_T with nu = 4 baked in: mu through IDENTITY, sigma through LOG (the defaults). */
@Likelihood(family = Family.STUDENT_T, constants = @Constant(name = "nu", value = 4))
public record StudentTRegression(
    @Response double y, @Param double mu, @Param("sigma") double sigma) {}
