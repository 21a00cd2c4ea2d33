package dev.likelihood.samples;

import dev.likelihood.runtime.Reduction;
import java.io.PrintStream;
import java.util.Random;

/**
 * The tour: for each family, a declared record, a model fitted on data generated from a known
 * truth, what it learned against that truth, and a prediction (recipe step 4). Run it with the
 * README's first command.
 */
public final class Tour {

  private static final int ROWS = 20_000;
  private static final int ITERATIONS = 1_500;

  private final PrintStream out;
  private final Random random = new Random(20261122L);

  Tour(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    Tour tour = new Tour(System.out);
    tour.intro();
    tour.bernoulli();
    tour.normal();
    tour.poisson();
    System.out.println("\nEach FooLoss.java is in samples/target/generated-sources/annotations: read"
        + " its Javadoc for the derivation.");
  }

  void intro() {
    out.println("Likelihood: a loss is derived, not chosen. Pick a distribution for y, let the"
        + " model predict its parameters through links, minimise the negative log-likelihood.");
  }

  /** Binary classification: the fitted logistic regression. Returns {intercept, slope}. */
  double[] bernoulli() {
    section(
        "BERNOULLI, logit link: binary cross-entropy",
        "@Likelihood(family = Family.BERNOULLI, link = Link.LOGIT)\n"
            + "record Click(@Response boolean clicked, @Param double score) {}");
    double a = -1.0;
    double b = 2.0;
    double[][] x = features();
    boolean[] clicked = new boolean[ROWS];
    for (int i = 0; i < ROWS; i++) {
      clicked[i] = random.nextDouble() < 1 / (1 + Math.exp(-(a + b * x[i][1])));
    }
    out.printf("  data: %,d users, P(click) = sigmoid(%.1f + %.1f x), x uniform on [-2, 2]%n", ROWS, a, b);
    fitting();
    double[][] beta =
        LinearFit.fit(
            x, 1, (eta, g) -> ClickLoss.lossAndGradient(Reduction.MEAN, clicked, eta[0], g[0]),
            ITERATIONS, 0.05, out);
    row("intercept", beta[0][0], a);
    row("slope", beta[0][1], b);
    double score = beta[0][0] + beta[0][1] * 0.5;
    out.printf("  predict at x = 0.5: P(click) = ClickLoss.mean(score) = %.3f (truth %.3f),"
            + " most likely outcome ClickLoss.mode(score) = %s%n",
        ClickLoss.mean(score), 1 / (1 + Math.exp(-(a + b * 0.5))), ClickLoss.mode(score) == 1);
    return beta[0];
  }

  /** Heteroscedastic regression. Returns {mean intercept, mean slope, spread intercept, spread slope}. */
  double[] normal() {
    section(
        "NORMAL with a learned sigma: heteroscedastic regression",
        "@Likelihood(family = Family.NORMAL)\n"
            + "record Price(@Response double price, @Param double mean,\n"
            + "             @Param(value = \"sigma\", link = Link.SOFTPLUS) double spread) {}");
    double a = 3.0;
    double b = 2.0;
    double c = -0.5;
    double d = 0.75;
    double[][] x = features();
    double[] price = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      double sigma = Math.log1p(Math.exp(c + d * x[i][1]));
      price[i] = a + b * x[i][1] + sigma * random.nextGaussian();
    }
    out.printf("  data: %,d prices, mean %.1f + %.1f x, sigma = softplus(%.2f + %.2f x)%n", ROWS, a, b, c, d);
    fitting();
    double[][] beta =
        LinearFit.fit(
            x, 2,
            (eta, g) -> PriceLoss.lossAndGradient(Reduction.MEAN, price, eta[0], eta[1], g[0], g[1]),
            ITERATIONS, 0.05, out);
    row("mean intercept", beta[0][0], a);
    row("mean slope", beta[0][1], b);
    row("spread intercept", beta[1][0], c);
    row("spread slope", beta[1][1], d);
    out.printf("  predict at x = 1: price ~ Normal(%.3f, %.3f) (truth Normal(%.3f, %.3f))%n",
        PriceLoss.mean(beta[0][0] + beta[0][1], beta[1][0] + beta[1][1]),
        Math.log1p(Math.exp(beta[1][0] + beta[1][1])), a + b, Math.log1p(Math.exp(c + d)));
    return new double[] {beta[0][0], beta[0][1], beta[1][0], beta[1][1]};
  }

  /** Counts with exposure. Returns {intercept, slope} of the log hourly rate. */
  double[] poisson() {
    section(
        "POISSON, log link, with an offset: counts per exposure",
        "@Likelihood(family = Family.POISSON, link = Link.LOG)\n"
            + "record CallVolume(@Response int calls, @Param double eta, @Offset double logHours) {}");
    double a = 0.5;
    double b = 0.8;
    double[][] x = features();
    int[] calls = new int[ROWS];
    double[] logHours = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      double hours = 1 + random.nextInt(8);
      logHours[i] = Math.log(hours);
      calls[i] = poisson(hours * Math.exp(a + b * x[i][1]));
    }
    out.printf("  data: %,d shops open 1 to 8 hours, calls per hour = exp(%.1f + %.1f x)%n", ROWS, a, b);
    fitting();
    double[][] beta =
        LinearFit.fit(
            x, 1,
            (eta, g) -> CallVolumeLoss.lossAndGradient(Reduction.MEAN, calls, eta[0], logHours, g[0]),
            ITERATIONS, 0.05, out);
    row("intercept", beta[0][0], a);
    row("slope", beta[0][1], b);
    double eta = beta[0][0] + beta[0][1] + Math.log(8);
    out.printf("  predict at x = 1 over 8 hours: mean %.2f calls (truth %.2f), mode %.0f%n",
        CallVolumeLoss.mean(eta), 8 * Math.exp(a + b), CallVolumeLoss.mode(eta));
    return beta[0];
  }

  private double[][] features() {
    double[][] x = new double[ROWS][2];
    for (int i = 0; i < ROWS; i++) {
      x[i][0] = 1;
      x[i][1] = -2 + 4 * random.nextDouble();
    }
    return x;
  }

  /** Knuth's method; fine for the small rates of this tour. */
  private int poisson(double rate) {
    double limit = Math.exp(-rate);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }

  private void section(String title, String declaration) {
    out.println();
    out.println("== " + title + " ==");
    for (String line : declaration.split("\n")) {
      out.println("  " + line);
    }
  }

  private void fitting() {
    out.println("  fitting by gradient descent (Adam) on the generated lossAndGradient(MEAN, ...):");
  }

  private void row(String name, double learned, double truth) {
    out.printf("  %-18s learned %8.4f   truth %8.4f%n", name, learned, truth);
  }
}
