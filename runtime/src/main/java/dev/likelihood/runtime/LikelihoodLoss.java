package dev.likelihood.runtime;

/**
 * A generated loss seen through its record type. Every generated {@code FooLoss} exposes one
 * stateless {@code INSTANCE} implementing this; its static methods are the faster path.
 *
 * @param <T> the annotated record
 */
public interface LikelihoodLoss<T> {

  /** The negative log-likelihood of one sample (times its weight, if the record has one). */
  double nll(T sample);

  /**
   * The negative log-likelihood of one sample; writes d nll / d eta for every parameter
   * component, in record order, into {@code grad[offset...]}.
   */
  double nllAndGradient(T sample, double[] grad, int offset);
}
