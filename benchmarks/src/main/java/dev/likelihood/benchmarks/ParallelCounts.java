package dev.likelihood.benchmarks;

import dev.likelihood.Family;
import dev.likelihood.Likelihood;
import dev.likelihood.Link;
import dev.likelihood.Param;
import dev.likelihood.Response;

/** Poisson counts with a log link: the parallel batch benchmark's workload. */
@Likelihood(family = Family.POISSON, link = Link.LOG)
public record ParallelCounts(@Response int count, @Param double eta) {}
