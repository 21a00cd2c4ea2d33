package dev.likelihood.samples.families;

import dev.likelihood.Constant;
import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

// FOCAL records for FamilyVectorTest: reference/families/focal.csv names them in its
// record column; tools/reference/families_group2.py (RECORDS) describes the same declarations.

/** FOCAL with the defaults gamma = 2, alpha = -1 (off). */
@Likelihood(family = Family.FOCAL)
record Focal(@Response boolean y, @Param double eta) {}

/** FOCAL with the defaults, an int label. */
@Likelihood(family = Family.FOCAL)
record FocalInt(@Response int y, @Param double eta) {}

/** FOCAL with gamma = 0, alpha off: the Bernoulli NLL. */
@Likelihood(family = Family.FOCAL, constants = @Constant(name = "gamma", value = 0))
record FocalGammaZero(@Response boolean y, @Param double eta) {}

/** FOCAL with gamma = 2, alpha = 0.25. */
@Likelihood(
    family = Family.FOCAL,
    constants = {
      @Constant(name = "gamma", value = 2),
      @Constant(name = "alpha", value = 0.25)
    })
record FocalAlphaQuarter(@Response int y, @Param double eta) {}

/** FOCAL with gamma = 0.5, alpha = 0.75. */
@Likelihood(
    family = Family.FOCAL,
    constants = {
      @Constant(name = "gamma", value = 0.5),
      @Constant(name = "alpha", value = 0.75)
    })
record FocalHalfGamma(@Response boolean y, @Param double eta) {}

/** FOCAL through PROBIT, the defaults. */
@Likelihood(family = Family.FOCAL, link = Link.PROBIT)
record FocalProbit(@Response boolean y, @Param double eta) {}
