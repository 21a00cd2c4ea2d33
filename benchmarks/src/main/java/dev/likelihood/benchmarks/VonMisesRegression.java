package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** VON_MISES (an angle in radians): mu through IDENTITY, kappa through LOG (the defaults). */
@Likelihood(family = Family.VON_MISES)
public record VonMisesRegression(
    @Response double y, @Param double mu, @Param("kappa") double kappa) {}
