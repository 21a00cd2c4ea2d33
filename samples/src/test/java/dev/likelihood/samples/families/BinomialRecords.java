package dev.likelihood.samples.families;

import dev.likelihood.Constant;
import dev.likelihood.Family;
import dev.likelihood.Known;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

// BINOMIAL records for FamilyVectorTest: reference/families/binomial.csv names them in its
// record column; tools/reference/families_group2.py (RECORDS) describes the same declarations.

/** BINOMIAL through LOGIT, trials per sample. */
@Likelihood(family = Family.BINOMIAL)
record BinomialKnownTrials(@Response int y, @Param double eta, @Known("trials") int trials) {}

/** BINOMIAL through PROBIT, trials per sample. */
@Likelihood(family = Family.BINOMIAL, link = Link.PROBIT)
record BinomialProbitKnownTrials(@Response int y, @Param double eta, @Known("trials") int trials) {}

/** BINOMIAL through CLOGLOG, trials per sample. */
@Likelihood(family = Family.BINOMIAL, link = Link.CLOGLOG)
record BinomialCloglogKnownTrials(
    @Response int y,
    @Param double eta,
    @Known("trials") int trials) {}

/** BINOMIAL through LOGLOG, trials per sample. */
@Likelihood(family = Family.BINOMIAL, link = Link.LOGLOG)
record BinomialLoglogKnownTrials(@Response int y, @Param double eta, @Known("trials") int trials) {}

/** BINOMIAL through CAUCHIT, trials per sample. */
@Likelihood(family = Family.BINOMIAL, link = Link.CAUCHIT)
record BinomialCauchitKnownTrials(
    @Response int y,
    @Param double eta,
    @Known("trials") int trials) {}

/** BINOMIAL through LOGIT, 20 trials. */
@Likelihood(family = Family.BINOMIAL, constants = @Constant(name = "trials", value = 20))
record BinomialTwenty(@Response int y, @Param double eta) {}

/** BINOMIAL through PROBIT, 20 trials. */
@Likelihood(
    family = Family.BINOMIAL,
    link = Link.PROBIT,
    constants = @Constant(name = "trials", value = 20))
record BinomialProbitTwenty(@Response int y, @Param double eta) {}

/** BINOMIAL through CLOGLOG, 2e9 trials. */
@Likelihood(
    family = Family.BINOMIAL,
    link = Link.CLOGLOG,
    constants = @Constant(name = "trials", value = 2000000000))
record BinomialCloglogTwoBillion(@Response int y, @Param double eta) {}
