package dev.likelihood.samples;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** Spector and Mazzeo (1980): did a student's grade improve? Logistic regression. */
@Likelihood(family = Family.BERNOULLI, link = Link.LOGIT)
public record GradeLogit(@Response boolean improved, @Param double score) {}
