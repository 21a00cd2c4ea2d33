package dev.likelihood.spark;

import dev.likelihood.runtime.fit.Predictor;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * One linear predictor read from a Dataset: {@code eta = b0 + sum_j b_j x_j} over named numeric
 * columns (cast to double), with or without the intercept. Immutable and serializable: it
 * travels to the executors inside the partition functions.
 */
public final class PredictorColumns implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String parameter;
  private final boolean intercept;
  private final String[] features;

  private PredictorColumns(String parameter, boolean intercept, String[] features) {
    this.parameter = parameter;
    this.intercept = intercept;
    this.features = features;
  }

  /**
   * The predictor of {@code parameter} with an intercept and these feature columns.
   *
   * @throws IllegalArgumentException for a blank parameter or a feature name that is blank or
   *     repeated
   */
  public static PredictorColumns of(String parameter, String... features) {
    if (parameter == null || parameter.isBlank()) {
      throw new IllegalArgumentException("a predictor needs a parameter name, got '" + parameter
          + "'");
    }
    String[] copy = features == null ? new String[0] : features.clone();
    Set<String> seen = new HashSet<>();
    for (String feature : copy) {
      if (feature == null || feature.isBlank() || !seen.add(feature)) {
        throw new IllegalArgumentException("predictor '" + parameter + "': feature column '"
            + feature + "' is " + (feature == null || feature.isBlank() ? "blank" : "repeated")
            + "; give distinct column names");
      }
      if (feature.equals(Predictor.INTERCEPT)) {
        throw new IllegalArgumentException("predictor '" + parameter + "': '"
            + Predictor.INTERCEPT + "' is added by itself; do not list it as a column");
      }
    }
    return new PredictorColumns(parameter, true, copy);
  }

  /**
   * This predictor without the intercept.
   *
   * @throws IllegalArgumentException if it has no feature columns then
   */
  public PredictorColumns withoutIntercept() {
    if (features.length == 0) {
      throw new IllegalArgumentException("predictor '" + parameter
          + "' has no feature columns, so it needs its intercept");
    }
    return new PredictorColumns(parameter, false, features);
  }

  /** The parameter this predictor models. */
  public String parameter() {
    return parameter;
  }

  /** Whether the first coefficient is the intercept. */
  public boolean hasIntercept() {
    return intercept;
  }

  /** The feature column names, in coefficient order (after the intercept). */
  public String[] features() {
    return features.clone();
  }

  /** The number of coefficients: the features, plus one for the intercept. */
  public int coefficients() {
    return features.length + (intercept ? 1 : 0);
  }

  /** The runtime predictor that names these coefficients, for the driver's fitter. */
  Predictor named() {
    String[] names = new String[coefficients()];
    int at = 0;
    if (intercept) {
      names[at++] = Predictor.INTERCEPT;
    }
    System.arraycopy(features, 0, names, at, features.length);
    return Predictor.named(parameter, names);
  }

  @Override
  public String toString() {
    return parameter + " ~ " + (intercept ? "1" : "0")
        + (features.length == 0 ? "" : " + " + String.join(" + ", Arrays.asList(features)));
  }
}
