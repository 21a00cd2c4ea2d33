/**
 * Fitting linear predictors by minimising a generated loss: {@link
 * dev.likelihood.runtime.fit.Fitter#newton Newton/IRLS} when the per-row Hessian is available,
 * {@link dev.likelihood.runtime.fit.Fitter#lbfgs L-BFGS} otherwise (vector parameters such as
 * CATEGORICAL logits or mixture components included).
 *
 * <p>The model: each parameter has a {@link dev.likelihood.runtime.fit.Predictor}, eta = X beta
 * (+ offset); the coefficient vector concatenates the predictors' blocks. The fitter maps
 * coefficients to columns, the user's lambda calls the generated batch loss
 * ({@code Reduction.SUM}), and the fitter maps the column gradient back (X^T g) and, for Newton,
 * the per-row Hessian (block (a, b) = sum_i h_i[a][b] x_i^(a) x_i^(b)^T). Work arrays are
 * allocated once per fit; iterations allocate nothing.
 *
 * <p><b>Why the optimisers are hand-written.</b> The runtime jar must stay small, with one
 * dependency (commons-numbers-gamma), and no well-kept, permissively licensed Java library
 * offers both a Newton method with a user Hessian and L-BFGS in a small jar (checked in 2026):
 * <ul>
 *   <li>Apache Commons Math 3: last release 3.6.1 on 17 March 2016 (libraries.io version list
 *       of org.apache.commons:commons-math3), unmaintained since; its gradient optimiser is
 *       nonlinear conjugate gradient, no L-BFGS. Commons Math 4 moved it, unchanged, into
 *       "commons-math4-legacy" ({@code o.a.c.math4.legacy.optim.nonlinear.scalar.gradient}
 *       holds only {@code NonLinearConjugateGradientOptimizer}).
 *   <li>Hipparchus (the maintained fork, Apache 2): {@code org.hipparchus.optim.nonlinear.scalar
 *       .gradient} likewise has only {@code NonLinearConjugateGradientOptimizer}
 *       (hipparchus.org apidocs): no L-BFGS, and no Newton method taking a user Hessian.
 *   <li>Smile has {@code smile.math.BFGS} with L-BFGS and L-BFGS-B, but is dual-licensed GPL v3
 *       / commercial (its LICENSE file), which a library jar cannot impose on users.
 *   <li>Deeplearning4j/ND4J optimise through native ND4J backends; users report 80-500 MB
 *       dependencies (deeplearning4j issues #3062, #4355, #9040).
 * </ul>
 * What is needed is small: a Cholesky of a P by P matrix, the two-loop recursion and a strong
 * Wolfe line search (Nocedal and Wright, Numerical Optimization, 2nd ed., algorithms 3.5, 3.6,
 * 7.4), about 500 lines with tests against R and closed-form optima.
 */
package dev.likelihood.runtime.fit;
