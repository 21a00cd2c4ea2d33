package dev.likelihood.samples;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Param;
import dev.likelihood.Response;

/**
 * Multiclass: a robot tells a wrench (0) from a screwdriver (1) from a hammer (2). Softmax
 * cross-entropy is the categorical likelihood.
 */
@Likelihood(family = Family.CATEGORICAL)
public record ToolKind(@Response int tool, @Param double[] logits) {}
