package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** FOCAL with the defaults gamma = 2, alpha = -1 (off): p through LOGIT. */
@Likelihood(family = Family.FOCAL)
public record FocalClassifier(@Response boolean label, @Param double p) {}
