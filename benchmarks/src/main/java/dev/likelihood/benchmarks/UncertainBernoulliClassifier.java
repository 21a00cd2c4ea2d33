package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** UNCERTAIN_BERNOULLI: p through LOGIT, uncertainty through SOFTPLUS (the defaults). */
@Likelihood(family = Family.UNCERTAIN_BERNOULLI)
public record UncertainBernoulliClassifier(
    @Response boolean label, @Param double p, @Param("uncertainty") double uncertainty) {}
