package dev.likelihood.samples.families;

import dev.likelihood.Family;
import dev.likelihood.Known;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

// Records of the LOG_NORMAL reference vectors (log_normal.csv), written
// by tools/reference/families_group1.py --records; one per combination the CSV uses.

/** LOG_NORMAL, sigma through LOG (the default). */
@Likelihood(family = Family.LOG_NORMAL)
record LogNormalLogSigma(
    @Response double y,
    @Param double mu,
    @Param("sigma") double sigma) {}

/** LOG_NORMAL, sigma through SOFTPLUS. */
@Likelihood(family = Family.LOG_NORMAL)
record LogNormalSoftplusSigma(
    @Response double y,
    @Param double mu,
    @Param(value = "sigma", link = Link.SOFTPLUS) double sigma) {}

/** LOG_NORMAL with the default sigma 1. */
@Likelihood(family = Family.LOG_NORMAL)
record LogNormalDefaultSigma(
    @Response double y,
    @Param double mu) {}

/** LOG_NORMAL, sigma known per sample. */
@Likelihood(family = Family.LOG_NORMAL)
record LogNormalKnownSigma(
    @Response double y,
    @Param double mu,
    @Known("sigma") double sigma) {}
