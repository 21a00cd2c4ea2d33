package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** HINGE with a boolean label (true is +1): score through IDENTITY. */
@Likelihood(family = Family.HINGE)
public record HingeClassifier(@Response boolean label, @Param double score) {}
