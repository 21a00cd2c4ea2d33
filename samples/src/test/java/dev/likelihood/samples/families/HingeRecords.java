package dev.likelihood.samples.families;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

// Records of the HINGE reference vectors (hinge.csv), written
// by tools/reference/families_group1.py --records; one per combination the CSV uses.

/** HINGE with a boolean label (true means +1). */
@Likelihood(family = Family.HINGE)
record HingeBoolean(
    @Response boolean y,
    @Param double score) {}

/** HINGE with an int label in {-1, +1}. */
@Likelihood(family = Family.HINGE)
record HingeInt(
    @Response int y,
    @Param double score) {}
