package dev.likelihood.benchmarks;

import dev.likelihood.runtime.Reduction;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The data of {@link ScalarFamiliesBenchmark}'s count cases: POISSON, BINOMIAL,
 * NEGATIVE_BINOMIAL, with int responses. One JMH state per case, as in {@link LocationRows}.
 */
public final class CountRows {

  private CountRows() {}

  /** poissonLog: log rate ~ N(log 3, 0.5^2), count ~ Poisson(rate). */
  @State(Scope.Benchmark)
  public static class Poisson {
    int[] count;
    double[] rate;
    double[] gradRate;
    /** The per-sample benchmark's gradient buffer: one entry. */
    final double[] sampleGradient = new double[1];

    @Setup(Level.Trial)
    public void setUp() {
      int n = ScalarFamiliesBenchmark.ROWS;
      Draws draws = new Draws(ScalarFamiliesBenchmark.SEED);
      count = new int[n];
      rate = new double[n];
      gradRate = new double[n];
      for (int i = 0; i < n; i++) {
        rate[i] = draws.normal(Math.log(3), 0.5);
        count[i] = draws.poisson(Math.exp(rate[i]));
      }
      double loss = PoissonLogLoss.lossAndGradient(Reduction.MEAN, count, rate, gradRate);
      Agreement agreement = new Agreement("poissonLog", loss, gradRate.clone());
      double[] a = new double[n];
      agreement.check("expert", ExpertLoops.poissonLog(count, rate, a), a);
      agreement.check("naive", NaiveLoops.poissonLog(count, rate, a), a);
      agreement.check("perSample", PerSampleLoops.poissonLog(count, rate, a, sampleGradient), a);
      agreement.checkValue("commons", CommonsLoops.poissonLog(count, rate));
    }
  }

  /** binomial: trials uniform in {1, ..., 40}, logit p ~ N(0, 1), successes ~ B(trials, p). */
  @State(Scope.Benchmark)
  public static class Binomial {
    int[] successes;
    double[] p;
    int[] trials;
    double[] gradP;

    @Setup(Level.Trial)
    public void setUp() {
      int n = ScalarFamiliesBenchmark.ROWS;
      Draws draws = new Draws(ScalarFamiliesBenchmark.SEED);
      successes = new int[n];
      p = new double[n];
      trials = new int[n];
      gradP = new double[n];
      for (int i = 0; i < n; i++) {
        trials[i] = draws.uniformInt(1, 40);
        p[i] = draws.normal(0, 1);
        successes[i] = draws.binomial(trials[i], 1 / (1 + Math.exp(-p[i])));
      }
      double loss =
          BinomialRegressionLoss.lossAndGradient(Reduction.MEAN, successes, p, trials, gradP);
      Agreement agreement = new Agreement("binomial", loss, gradP.clone());
      double[] a = new double[n];
      agreement.check("expert", ExpertLoops.binomial(successes, p, trials, a), a);
      agreement.check("naive", NaiveLoops.binomial(successes, p, trials, a), a);
      agreement.checkValue("commons", CommonsLoops.binomial(successes, p, trials));
    }
  }

  /**
   * negativeBinomial: log mean ~ N(log 4, 0.5^2), log size ~ N(log 5, 0.3^2), count ~ NB2(mean,
   * size), a gamma-Poisson mixture (counts stay far below the 171 where the naive Gamma overflows).
   */
  @State(Scope.Benchmark)
  public static class NegativeBinomial {
    int[] count;
    double[] mean;
    double[] size;
    double[] gradMean;
    double[] gradSize;

    @Setup(Level.Trial)
    public void setUp() {
      int n = ScalarFamiliesBenchmark.ROWS;
      Draws draws = new Draws(ScalarFamiliesBenchmark.SEED);
      count = new int[n];
      mean = new double[n];
      size = new double[n];
      gradMean = new double[n];
      gradSize = new double[n];
      for (int i = 0; i < n; i++) {
        mean[i] = draws.normal(Math.log(4), 0.5);
        size[i] = draws.normal(Math.log(5), 0.3);
        count[i] = draws.negativeBinomial(Math.exp(mean[i]), Math.exp(size[i]));
      }
      double loss =
          NegativeBinomialRegressionLoss.lossAndGradient(
              Reduction.MEAN, count, mean, size, gradMean, gradSize);
      Agreement agreement =
          new Agreement("negativeBinomial", loss, gradMean.clone(), gradSize.clone());
      double[] a = new double[n];
      double[] b = new double[n];
      agreement.check("expert", ExpertLoops.negativeBinomial(count, mean, size, a, b), a, b);
      agreement.check("naive", NaiveLoops.negativeBinomial(count, mean, size, a, b), a, b);
    }
  }
}
