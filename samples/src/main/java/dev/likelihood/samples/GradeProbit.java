package dev.likelihood.samples;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** Spector and Mazzeo (1980) with the probit link: P(improved) = Phi(score). */
@Likelihood(family = Family.BERNOULLI, link = Link.PROBIT)
public record GradeProbit(@Response boolean improved, @Param double score) {}
