package dev.likelihood.samples.families;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

// BETA records for FamilyVectorTest: reference/families/beta.csv names them in its
// record column; tools/reference/families_group2.py (RECORDS) describes the same declarations.

/** BETA, mean through LOGIT, precision through LOG. */
@Likelihood(family = Family.BETA)
record BetaLogit(@Response double y, @Param double mean, @Param("precision") double precision) {}

/** BETA, mean through PROBIT, precision through LOG. */
@Likelihood(family = Family.BETA, link = Link.PROBIT)
record BetaProbit(@Response double y, @Param double mean, @Param("precision") double precision) {}

/** BETA, mean through CLOGLOG, precision through LOG. */
@Likelihood(family = Family.BETA, link = Link.CLOGLOG)
record BetaCloglog(@Response double y, @Param double mean, @Param("precision") double precision) {}

/** BETA, mean through LOGLOG, precision through LOG. */
@Likelihood(family = Family.BETA, link = Link.LOGLOG)
record BetaLoglog(@Response double y, @Param double mean, @Param("precision") double precision) {}

/** BETA, mean through CAUCHIT, precision through LOG. */
@Likelihood(family = Family.BETA, link = Link.CAUCHIT)
record BetaCauchit(@Response double y, @Param double mean, @Param("precision") double precision) {}

/** BETA, mean through LOGIT, precision through SOFTPLUS. */
@Likelihood(family = Family.BETA)
record BetaSoftplusPrecision(
    @Response double y,
    @Param double mean,
    @Param(value = "precision",
    link = Link.SOFTPLUS) double precision) {}
