package dev.likelihood.samples.families;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

// UNCERTAIN_BERNOULLI records for FamilyVectorTest: reference/families/uncertain_bernoulli.csv names them in its
// record column; tools/reference/families_group2.py (RECORDS) describes the same declarations.

/** UNCERTAIN_BERNOULLI, p through LOGIT, uncertainty through SOFTPLUS. */
@Likelihood(family = Family.UNCERTAIN_BERNOULLI)
record UncertainBernoulli(
    @Response boolean y,
    @Param double eta,
    @Param("uncertainty") double uncertainty) {}

/** UNCERTAIN_BERNOULLI, an int label. */
@Likelihood(family = Family.UNCERTAIN_BERNOULLI)
record UncertainBernoulliInt(
    @Response int y,
    @Param double eta,
    @Param("uncertainty") double uncertainty) {}

/** UNCERTAIN_BERNOULLI, uncertainty through LOG. */
@Likelihood(family = Family.UNCERTAIN_BERNOULLI)
record UncertainBernoulliLogUncertainty(
    @Response boolean y,
    @Param double eta,
    @Param(value = "uncertainty",
    link = Link.LOG) double uncertainty) {}
