package dev.likelihood.samples.families;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

// Records of the EXPONENTIAL reference vectors (exponential.csv), written
// by tools/reference/families_group1.py --records; one per combination the CSV uses.

/** EXPONENTIAL, rate through LOG (the default). */
@Likelihood(family = Family.EXPONENTIAL)
record ExponentialLog(
    @Response double y,
    @Param double rate) {}

/** EXPONENTIAL, rate through SOFTPLUS (named on @Likelihood). */
@Likelihood(family = Family.EXPONENTIAL, link = Link.SOFTPLUS)
record ExponentialSoftplus(
    @Response double y,
    @Param double rate) {}
