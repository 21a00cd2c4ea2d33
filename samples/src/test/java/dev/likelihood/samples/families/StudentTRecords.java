package dev.likelihood.samples.families;

import dev.likelihood.Constant;
import dev.likelihood.Family;
import dev.likelihood.Known;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

// Records of the STUDENT_T reference vectors (student_t.csv), written
// by tools/reference/families_group1.py --records; one per combination the CSV uses.

/** STUDENT_T, sigma and nu parameters through LOG (the defaults). */
@Likelihood(family = Family.STUDENT_T)
record StudentTNuParam(
    @Response double y,
    @Param double mu,
    @Param("sigma") double sigma,
    @Param("nu") double nu) {}

/** STUDENT_T with nu = 4 baked in. */
@Likelihood(family = Family.STUDENT_T, constants = @Constant(name = "nu", value = 4))
record StudentTNu4(
    @Response double y,
    @Param double mu,
    @Param("sigma") double sigma) {}

/** STUDENT_T with nu = 1e6 baked in (nearly NORMAL). */
@Likelihood(family = Family.STUDENT_T, constants = @Constant(name = "nu", value = 1e6))
record StudentTNu1e6(
    @Response double y,
    @Param double mu,
    @Param("sigma") double sigma) {}

/** STUDENT_T with nu = 1 (Cauchy): no mean. */
@Likelihood(family = Family.STUDENT_T, constants = @Constant(name = "nu", value = 1))
record StudentTCauchy(
    @Response double y,
    @Param double mu,
    @Param("sigma") double sigma) {}

/** STUDENT_T, sigma and nu through SOFTPLUS. */
@Likelihood(family = Family.STUDENT_T)
record StudentTSoftplus(
    @Response double y,
    @Param double mu,
    @Param(value = "sigma", link = Link.SOFTPLUS) double sigma,
    @Param(value = "nu", link = Link.SOFTPLUS) double nu) {}

/** STUDENT_T, sigma known per sample, nu a parameter through LOG. */
@Likelihood(family = Family.STUDENT_T)
record StudentTKnownSigma(
    @Response double y,
    @Param double mu,
    @Known("sigma") double sigma,
    @Param("nu") double nu) {}

/** STUDENT_T with nu = 4 and the default sigma 1. */
@Likelihood(family = Family.STUDENT_T, constants = @Constant(name = "nu", value = 4))
record StudentTNu4DefaultSigma(
    @Response double y,
    @Param double mu) {}
