package dev.likelihood.samples.families;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

// VON_MISES records for FamilyVectorTest: reference/families/von_mises.csv names them in its
// record column; tools/reference/families_group2.py (RECORDS) describes the same declarations.

/** VON_MISES, mu through IDENTITY, kappa through LOG. */
@Likelihood(family = Family.VON_MISES)
record VonMises(@Response double y, @Param double mu, @Param("kappa") double kappa) {}

/** VON_MISES, kappa through SOFTPLUS. */
@Likelihood(family = Family.VON_MISES)
record VonMisesSoftplusKappa(
    @Response double y,
    @Param double mu,
    @Param(value = "kappa",
    link = Link.SOFTPLUS) double kappa) {}
