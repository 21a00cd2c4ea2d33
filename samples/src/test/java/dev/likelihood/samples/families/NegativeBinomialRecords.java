package dev.likelihood.samples.families;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

// NEGATIVE_BINOMIAL records for FamilyVectorTest: reference/families/negative_binomial.csv names them in its
// record column; tools/reference/families_group2.py (RECORDS) describes the same declarations.

/** NEGATIVE_BINOMIAL (NB2), int counts, LOG links. */
@Likelihood(family = Family.NEGATIVE_BINOMIAL)
record NegativeBinomial(@Response int y, @Param double mean, @Param("size") double size) {}

/** NEGATIVE_BINOMIAL, long counts, LOG links. */
@Likelihood(family = Family.NEGATIVE_BINOMIAL)
record NegativeBinomialLong(@Response long y, @Param double mean, @Param("size") double size) {}

/** NEGATIVE_BINOMIAL, mean and size through SOFTPLUS. */
@Likelihood(family = Family.NEGATIVE_BINOMIAL, link = Link.SOFTPLUS)
record NegativeBinomialSoftplus(
    @Response int y,
    @Param double mean,
    @Param(value = "size",
    link = Link.SOFTPLUS) double size) {}

/** NEGATIVE_BINOMIAL with the components in another order: grads follow it. */
@Likelihood(family = Family.NEGATIVE_BINOMIAL)
record NegativeBinomialSizeFirst(
    @Param("size") double size,
    @Response long y,
    @Param double mean) {}
