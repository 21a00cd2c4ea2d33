package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** BERNOULLI (logistic regression) with a boolean label: p through LOGIT (the default). */
@Likelihood(family = Family.BERNOULLI, link = Link.LOGIT)
public record BernoulliLogit(@Response boolean label, @Param double score) {}
