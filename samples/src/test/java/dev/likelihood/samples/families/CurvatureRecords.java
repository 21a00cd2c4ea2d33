package dev.likelihood.samples.families;

import dev.likelihood.Constant;
import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

// One-parameter records of the families whose Fisher weight no other record exercises (their
// other parameter a @Constant): FisherWeightTest checks the weight, the property tests the rest.

/** NEGATIVE_BINOMIAL with a constant size: fisherWeight = size mean / (mean + size) (LOG link). */
@Likelihood(family = Family.NEGATIVE_BINOMIAL, constants = @Constant(name = "size", value = 3.5))
record NegativeBinomialSize35(@Response int y, @Param double mean) {}

/** INVERSE_GAUSSIAN with a constant shape: fisherWeight = shape / mean (LOG link). */
@Likelihood(family = Family.INVERSE_GAUSSIAN, constants = @Constant(name = "shape", value = 2))
record InverseGaussianShape2(@Response double y, @Param double mean) {}

/** VON_MISES with a constant kappa: fisherWeight = kappa I1(kappa)/I0(kappa). */
@Likelihood(family = Family.VON_MISES, constants = @Constant(name = "kappa", value = 1.5))
record VonMisesKappa15(@Response double y, @Param double mu) {}
