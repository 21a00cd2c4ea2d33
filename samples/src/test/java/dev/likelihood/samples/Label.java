package dev.likelihood.samples;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** A Bernoulli record with an int label, whose values other than 0 and 1 are bad input. */
@Likelihood(family = Family.BERNOULLI)
record Label(@Response int label, @Param double logit) {}
