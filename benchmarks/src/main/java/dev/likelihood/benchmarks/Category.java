package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** Softmax classification over K classes: one label, K logits. */
@Likelihood(family = Family.CATEGORICAL)
public record Category(@Response int label, @Param double[] logits) {}
