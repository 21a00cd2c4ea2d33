package dev.likelihood;

/**
 * The distribution of the response. Parameters are listed in order; the first is primary.
 * The reference table with supports, defaults and default links is in the project's SPEC.
 */
public enum Family {
  /** y real; mu [IDENTITY], sigma &gt; 0 [LOG] = 1. */
  NORMAL,
  /** y real; mu [IDENTITY], scale &gt; 0 [LOG] = 1. */
  LAPLACE,
  /** y real; mu [IDENTITY], sigma &gt; 0 [LOG] = 1, nu &gt; 0 [LOG] required. */
  STUDENT_T,
  /** y &gt; 0; mu [IDENTITY], sigma &gt; 0 [LOG] = 1 (of log y). */
  LOG_NORMAL,
  /** y &gt;= 0; rate &gt; 0 [LOG]. */
  EXPONENTIAL,
  /** y &gt; 0; mean &gt; 0 [LOG], shape &gt; 0 [LOG] required. */
  GAMMA,
  /** y &gt; 0; mean &gt; 0 [LOG], shape &gt; 0 [LOG] required. */
  INVERSE_GAUSSIAN,
  /** y in (0,1); mean in (0,1) [LOGIT], precision &gt; 0 [LOG] required. */
  BETA,
  /** y in radians; mu [IDENTITY], kappa &gt; 0 [LOG] required. */
  VON_MISES,
  /** y a count &gt;= 0; rate &gt; 0 [LOG]. */
  POISSON,
  /** y in {0, 1}, or a soft label in [0, 1]; p in (0,1) [LOGIT]. */
  BERNOULLI,
  /** y successes; p [LOGIT], trials a positive int, known or constant. */
  BINOMIAL,
  /** y a count &gt;= 0; mean &gt; 0 [LOG], size &gt; 0 [LOG] required (NB2). */
  NEGATIVE_BINOMIAL,
  /** y real; mu [IDENTITY]; constant delta &gt; 0 = 1 (the normalised Huber density). */
  HUBER,
  /** y real; mu [IDENTITY] (density 1/(pi cosh r)). */
  LOG_COSH,
  /** y a label +-1 or boolean; score [IDENTITY]; a margin loss, not a likelihood. */
  HINGE,
  /** y in {0, 1}; p [LOGIT]; constants gamma &gt;= 0 = 2, alpha in [0,1] or -1 (off) = -1. */
  FOCAL,
  /** y in {0, 1}; p [LOGIT], uncertainty &gt; 0 [SOFTPLUS] required. */
  UNCERTAIN_BERNOULLI,
  /** y a class index in [0,K) or a target distribution; logits double[K] [SOFTMAX]. */
  CATEGORICAL,
  /** y real; weights [SOFTMAX], mu [IDENTITY], sigma [LOG], each double[K]. */
  GAUSSIAN_MIXTURE,
  /** y double[D]; mu double[D], then sigma double[D] [LOG] or scaleTril. */
  MULTIVARIATE_NORMAL,
  /** y an int[] ranking, best first; scores double[K] [IDENTITY]. */
  PLACKETT_LUCE
}
