package dev.likelihood.samples.families;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

// Records of the LAPLACE reference vectors (laplace.csv), written
// by tools/reference/families_group1.py --records; one per combination the CSV uses.

/** LAPLACE, mu through IDENTITY, scale through LOG (the defaults). */
@Likelihood(family = Family.LAPLACE)
record LaplaceLogScale(
    @Response double y,
    @Param double mu,
    @Param(value = "scale", link = Link.LOG) double scale) {}

/** LAPLACE, scale through SOFTPLUS. */
@Likelihood(family = Family.LAPLACE)
record LaplaceSoftplusScale(
    @Response double y,
    @Param double mu,
    @Param(value = "scale", link = Link.SOFTPLUS) double scale) {}

/** LAPLACE, scale through IDENTITY: eta <= 0 gives +Infinity. */
@SuppressWarnings("likelihood") // the warn-only link is the point of this record
@Likelihood(family = Family.LAPLACE)
record LaplaceIdentityScale(
    @Response double y,
    @Param double mu,
    @Param(value = "scale", link = Link.IDENTITY) double scale) {}

/** LAPLACE with the default scale 1. */
@Likelihood(family = Family.LAPLACE)
record LaplaceDefaultScale(
    @Response double y,
    @Param double mu) {}

/** LAPLACE, mu through LOG (named on @Likelihood), scale through LOG. */
@Likelihood(family = Family.LAPLACE, link = Link.LOG)
record LaplaceLogMu(
    @Response double y,
    @Param double mu,
    @Param("scale") double scale) {}

/** LAPLACE, mu through SOFTPLUS (named on @Param), scale through LOG. */
@Likelihood(family = Family.LAPLACE)
record LaplaceSoftplusMu(
    @Response double y,
    @Param(link = Link.SOFTPLUS) double mu,
    @Param("scale") double scale) {}
