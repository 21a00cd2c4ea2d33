package dev.likelihood.samples.families;

import dev.likelihood.Constant;
import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

// Records of the HUBER reference vectors (huber.csv), written
// by tools/reference/families_group1.py --records; one per combination the CSV uses.

/** HUBER with the default delta = 1. */
@Likelihood(family = Family.HUBER)
record HuberDefaultDelta(
    @Response double y,
    @Param double mu) {}

/** HUBER with delta = 0.5. */
@Likelihood(family = Family.HUBER, constants = @Constant(name = "delta", value = 0.5))
record HuberDelta05(
    @Response double y,
    @Param double mu) {}

/** HUBER with delta = 3. */
@Likelihood(family = Family.HUBER, constants = @Constant(name = "delta", value = 3))
record HuberDelta3(
    @Response double y,
    @Param double mu) {}
