package dev.likelihood.samples.families;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

// Records of the INVERSE_GAUSSIAN reference vectors (inverse_gaussian.csv), written
// by tools/reference/families_group1.py --records; one per combination the CSV uses.

/** INVERSE_GAUSSIAN, mean and shape through LOG (the defaults). */
@Likelihood(family = Family.INVERSE_GAUSSIAN)
record InverseGaussianLog(
    @Response double y,
    @Param double mean,
    @Param("shape") double shape) {}

/** INVERSE_GAUSSIAN, mean and shape through SOFTPLUS. */
@Likelihood(family = Family.INVERSE_GAUSSIAN)
record InverseGaussianSoftplus(
    @Response double y,
    @Param(link = Link.SOFTPLUS) double mean,
    @Param(value = "shape", link = Link.SOFTPLUS) double shape) {}

/** INVERSE_GAUSSIAN, mean through INVERSE_SQUARED (the canonical GLM link 1/mu^2): eta <= 0 gives +Infinity. */
@SuppressWarnings("likelihood") // the warn-only link is the point of this record
@Likelihood(family = Family.INVERSE_GAUSSIAN)
record InverseGaussianInverseSquaredMean(
    @Response double y,
    @Param(link = Link.INVERSE_SQUARED) double mean,
    @Param("shape") double shape) {}
