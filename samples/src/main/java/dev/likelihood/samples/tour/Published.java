package dev.likelihood.samples.tour;

import java.util.List;

/**
 * The published maximum-likelihood fits the tour compares itself with, each number exactly as
 * its source printed it, with the source. The data are in {@code src/main/resources/data} (see
 * the README there).
 */
public final class Published {

  /** One coefficient row of a printed regression table. */
  public record Coefficient(String name, PrintedNumber estimate, PrintedNumber standardError) {}

  /** A summary statistic of a fit, such as a deviance or a log-likelihood. */
  public record Statistic(String name, PrintedNumber value) {}

  /** A printed fit: its coefficients in the printed order and its summary statistics. */
  public record Fit(String title, String source, List<Coefficient> coefficients, List<Statistic> statistics) {

    public Coefficient coefficient(String name) {
      return coefficients.stream()
          .filter(c -> c.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException(
              title + ": no published coefficient '" + name + "'; published: "
                  + coefficients.stream().map(Coefficient::name).toList()));
    }

    public PrintedNumber statistic(String name) {
      return statistics.stream()
          .filter(s -> s.name().equals(name))
          .map(Statistic::value)
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException(
              title + ": no published statistic '" + name + "'; published: "
                  + statistics.stream().map(Statistic::name).toList()));
    }
  }

  /**
   * R's {@code ?glm} example: {@code glm(counts ~ outcome + treatment, family = poisson())} on
   * Dobson (1990, p. 93). The treatment estimates are exactly 0 (the design is balanced); R
   * prints rounding noise there (1.338e-15, 3.795e-16, ... depending on the platform), so they
   * are recorded as 0 to the printed precision of the other rows.
   */
  public static final Fit DOBSON_POISSON = new Fit(
      "Dobson (1990) randomised controlled trial, Poisson log-linear model",
      "R, summary(glm(counts ~ outcome + treatment, family = poisson())), the first example of"
          + " ?glm (stats package); printed output as reproduced in the JuliaStats/GLM.jl README",
      List.of(
          coefficient("(Intercept)", "3.045e+00", "1.709e-01"),
          coefficient("outcome2", "-4.543e-01", "2.022e-01"),
          coefficient("outcome3", "-2.930e-01", "1.927e-01"),
          coefficient("treatment2", "0.000e+00", "2.000e-01"),
          coefficient("treatment3", "0.000e+00", "2.000e-01")),
      List.of(
          statistic("null deviance (8 df)", "10.5814"),
          statistic("residual deviance (4 df)", "5.1291"),
          statistic("AIC", "56.761")));

  /** statsmodels' printed Logit summary on the Spector and Mazzeo (1980) data. */
  public static final Fit SPECTOR_LOGIT = new Fit(
      "Spector and Mazzeo (1980), logistic regression of GRADE on GPA, TUCE, PSI",
      "statsmodels, 'Regression with Discrete Dependent Variable' (statsmodels.org/stable/"
          + "discretemod.html): print(sm.Logit(spector_data.endog, spector_data.exog).fit()"
          + ".summary()); x1, x2, x3 are GPA, TUCE, PSI",
      List.of(
          coefficient("const", "-13.0213", "4.931"),
          coefficient("GPA", "2.8261", "1.263"),
          coefficient("TUCE", "0.0952", "0.142"),
          coefficient("PSI", "2.3787", "1.065")),
      List.of(
          statistic("Log-Likelihood", "-12.890"),
          statistic("LL-Null", "-20.592")));

  /**
   * The Probit fit of the same data, as statsmodels' own test suite holds its Probit to it
   * (results from Stata 11, {@code statsmodels/discrete/tests/results/results_discrete.py},
   * {@code Spector.probit}), rounded to the digits statsmodels' summary prints (4 decimals for
   * estimates, 3 for standard errors and log-likelihoods).
   */
  public static final Fit SPECTOR_PROBIT = new Fit(
      "Spector and Mazzeo (1980), probit regression of GRADE on GPA, TUCE, PSI",
      "statsmodels' test results for Probit on the spector data (Stata 11):"
          + " statsmodels/discrete/tests/results/results_discrete.py, Spector.probit; params"
          + " 1.62581025407, .051728948442, 1.42633236818, -7.45232041607, bse .693882522754,"
          + " .083890261293, .595037920474, 2.54247249731, llf -12.8188033249334,"
          + " llnull -20.5917296966173",
      List.of(
          coefficient("const", "-7.4523", "2.542"),
          coefficient("GPA", "1.6258", "0.694"),
          coefficient("TUCE", "0.0517", "0.084"),
          coefficient("PSI", "1.4263", "0.595")),
      List.of(
          statistic("Log-Likelihood", "-12.819"),
          statistic("LL-Null", "-20.592")));

  private Published() {}

  private static Coefficient coefficient(String name, String estimate, String standardError) {
    return new Coefficient(name, PrintedNumber.of(estimate), PrintedNumber.of(standardError));
  }

  private static Statistic statistic(String name, String value) {
    return new Statistic(name, PrintedNumber.of(value));
  }
}
