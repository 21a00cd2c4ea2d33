package dev.likelihood.samples;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/**
 * Heteroscedastic regression: the model predicts a mean and a spread per sample. With sigma
 * fixed at 1 this would be mean squared error (plus a constant).
 */
@Likelihood(family = Family.NORMAL)
public record Price(
    @Response double price,
    @Param double mean,
    @Param(value = "sigma", link = Link.SOFTPLUS) double spread) {}
