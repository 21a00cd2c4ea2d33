package dev.likelihood.samples.families;

import dev.likelihood.Constant;
import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

// Records of the GAMMA reference vectors (gamma.csv), written
// by tools/reference/families_group1.py --records; one per combination the CSV uses.

/** GAMMA, mean and shape through LOG (the defaults). */
@Likelihood(family = Family.GAMMA)
record GammaLog(
    @Response double y,
    @Param double mean,
    @Param("shape") double shape) {}

/** GAMMA, mean and shape through SOFTPLUS. */
@Likelihood(family = Family.GAMMA)
record GammaSoftplus(
    @Response double y,
    @Param(link = Link.SOFTPLUS) double mean,
    @Param(value = "shape", link = Link.SOFTPLUS) double shape) {}

/** GAMMA, mean through IDENTITY: eta <= 0 gives +Infinity. */
@SuppressWarnings("likelihood") // the warn-only link is the point of this record
@Likelihood(family = Family.GAMMA)
record GammaIdentityMean(
    @Response double y,
    @Param(link = Link.IDENTITY) double mean,
    @Param("shape") double shape) {}

/** GAMMA, mean through INVERSE (the canonical GLM link): eta <= 0 gives +Infinity. */
@SuppressWarnings("likelihood") // the warn-only link is the point of this record
@Likelihood(family = Family.GAMMA)
record GammaInverseMean(
    @Response double y,
    @Param(link = Link.INVERSE) double mean,
    @Param("shape") double shape) {}

/** GAMMA with shape = 3 baked in. */
@Likelihood(family = Family.GAMMA, constants = @Constant(name = "shape", value = 3))
record GammaShape3(
    @Response double y,
    @Param double mean) {}
