package dev.likelihood.samples;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/**
 * Binary classification that reports its own doubt: the logit is uncertain, logit ~ N(logit,
 * uncertainty^2), and the loss is the exact marginal likelihood of the label (uncertainty-aware
 * binary cross-entropy). The uncertainty goes through SOFTPLUS, the family's default.
 */
@Likelihood(family = Family.UNCERTAIN_BERNOULLI)
public record UncertainDiagnosis(
    @Response boolean positive, @Param double logit, @Param("uncertainty") double uncertainty) {}
