package dev.likelihood.samples.families;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

// Records of the LOG_COSH reference vectors (log_cosh.csv), written
// by tools/reference/families_group1.py --records; one per combination the CSV uses.

/** LOG_COSH, mu through IDENTITY. */
@Likelihood(family = Family.LOG_COSH)
record LogCosh(
    @Response double y,
    @Param double mu) {}
