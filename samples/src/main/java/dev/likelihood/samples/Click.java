package dev.likelihood.samples;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** Binary classification: did the user click? Binary cross-entropy is a Bernoulli likelihood. */
@Likelihood(family = Family.BERNOULLI, link = Link.LOGIT)
public record Click(@Response boolean clicked, @Param double score) {}
