package dev.likelihood.runtime.fit;

/** What a run of an optimiser is given besides the objective: one fit's configuration. */
record Settings(double[] start, int maxIterations, double tolerance, Progress progress) {}
