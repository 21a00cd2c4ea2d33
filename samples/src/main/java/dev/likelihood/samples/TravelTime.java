package dev.likelihood.samples;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/**
 * Multimodal targets: a commute takes about 25 minutes, or about 45 when there is a jam. A
 * mixture of normals predicts both modes; a single normal would predict the empty middle.
 */
@Likelihood(family = Family.GAUSSIAN_MIXTURE)
public record TravelTime(
    @Response double minutes,
    @Param double[] weights,
    @Param("mu") double[] mu,
    @Param("sigma") double[] logSigma) {}
