package dev.likelihood.benchmarks;

import dev.likelihood.runtime.Reduction;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The data of {@link ScalarFamiliesBenchmark}'s cases with a positive or unit-interval response:
 * LOG_NORMAL, EXPONENTIAL, GAMMA, INVERSE_GAUSSIAN, BETA. One JMH state per case, as in {@link
 * LocationRows}.
 */
public final class PositiveRows {

  private PositiveRows() {}

  /** logNormal: mu ~ N(0, 1), log sigma ~ N(-0.5, 0.3^2), log y ~ N(mu, sigma). */
  @State(Scope.Benchmark)
  public static class LogNormal {
    double[] y;
    double[] mu;
    double[] sigma;
    double[] gradMu;
    double[] gradSigma;

    @Setup(Level.Trial)
    public void setUp() {
      int n = ScalarFamiliesBenchmark.ROWS;
      Draws draws = new Draws(ScalarFamiliesBenchmark.SEED);
      y = new double[n];
      mu = new double[n];
      sigma = new double[n];
      gradMu = new double[n];
      gradSigma = new double[n];
      for (int i = 0; i < n; i++) {
        mu[i] = draws.normal(0, 1);
        sigma[i] = draws.normal(-0.5, 0.3);
        y[i] = Math.exp(draws.normal(mu[i], Math.exp(sigma[i])));
      }
      double loss =
          LogNormalRegressionLoss.lossAndGradient(Reduction.MEAN, y, mu, sigma, gradMu, gradSigma);
      Agreement agreement = new Agreement("logNormal", loss, gradMu.clone(), gradSigma.clone());
      double[] a = new double[n];
      double[] b = new double[n];
      agreement.check("expert", ExpertLoops.logNormal(y, mu, sigma, a, b), a, b);
      agreement.check("naive", NaiveLoops.logNormal(y, mu, sigma, a, b), a, b);
      agreement.checkValue("commons", CommonsLoops.logNormal(y, mu, sigma));
    }
  }

  /** exponential: log rate ~ N(0, 0.5^2), y ~ Exponential(rate). */
  @State(Scope.Benchmark)
  public static class Exponential {
    double[] y;
    double[] rate;
    double[] gradRate;

    @Setup(Level.Trial)
    public void setUp() {
      int n = ScalarFamiliesBenchmark.ROWS;
      Draws draws = new Draws(ScalarFamiliesBenchmark.SEED);
      y = new double[n];
      rate = new double[n];
      gradRate = new double[n];
      for (int i = 0; i < n; i++) {
        rate[i] = draws.normal(0, 0.5);
        y[i] = draws.exponential(Math.exp(rate[i]));
      }
      double loss = ExponentialRegressionLoss.lossAndGradient(Reduction.MEAN, y, rate, gradRate);
      Agreement agreement = new Agreement("exponential", loss, gradRate.clone());
      double[] a = new double[n];
      agreement.check("expert", ExpertLoops.exponential(y, rate, a), a);
      agreement.check("naive", NaiveLoops.exponential(y, rate, a), a);
      agreement.checkValue("commons", CommonsLoops.exponential(y, rate));
    }
  }

  /** gamma: log mean ~ N(log 2, 0.5^2), log shape ~ N(log 2, 0.5^2), y ~ Gamma(shape, mean). */
  @State(Scope.Benchmark)
  public static class Gamma {
    double[] y;
    double[] mean;
    double[] shape;
    double[] gradMean;
    double[] gradShape;

    @Setup(Level.Trial)
    public void setUp() {
      int n = ScalarFamiliesBenchmark.ROWS;
      Draws draws = new Draws(ScalarFamiliesBenchmark.SEED);
      y = new double[n];
      mean = new double[n];
      shape = new double[n];
      gradMean = new double[n];
      gradShape = new double[n];
      for (int i = 0; i < n; i++) {
        mean[i] = draws.normal(Math.log(2), 0.5);
        shape[i] = draws.normal(Math.log(2), 0.5);
        double k = Math.exp(shape[i]);
        y[i] = draws.gamma(k, Math.exp(mean[i]) / k);
      }
      double loss =
          GammaRegressionLoss.lossAndGradient(Reduction.MEAN, y, mean, shape, gradMean, gradShape);
      Agreement agreement = new Agreement("gamma", loss, gradMean.clone(), gradShape.clone());
      double[] a = new double[n];
      double[] b = new double[n];
      agreement.check("expert", ExpertLoops.gamma(y, mean, shape, a, b), a, b);
      agreement.check("naive", NaiveLoops.gamma(y, mean, shape, a, b), a, b);
      agreement.checkValue("commons", CommonsLoops.gamma(y, mean, shape));
    }
  }

  /** inverseGaussian: log mean ~ N(0, 0.5^2), log shape ~ N(log 2, 0.5^2), y ~ IG(mean, shape). */
  @State(Scope.Benchmark)
  public static class InverseGaussian {
    double[] y;
    double[] mean;
    double[] shape;
    double[] gradMean;
    double[] gradShape;

    @Setup(Level.Trial)
    public void setUp() {
      int n = ScalarFamiliesBenchmark.ROWS;
      Draws draws = new Draws(ScalarFamiliesBenchmark.SEED);
      y = new double[n];
      mean = new double[n];
      shape = new double[n];
      gradMean = new double[n];
      gradShape = new double[n];
      for (int i = 0; i < n; i++) {
        mean[i] = draws.normal(0, 0.5);
        shape[i] = draws.normal(Math.log(2), 0.5);
        y[i] = draws.inverseGaussian(Math.exp(mean[i]), Math.exp(shape[i]));
      }
      double loss =
          InverseGaussianRegressionLoss.lossAndGradient(
              Reduction.MEAN, y, mean, shape, gradMean, gradShape);
      Agreement agreement =
          new Agreement("inverseGaussian", loss, gradMean.clone(), gradShape.clone());
      double[] a = new double[n];
      double[] b = new double[n];
      agreement.check("expert", ExpertLoops.inverseGaussian(y, mean, shape, a, b), a, b);
      agreement.check("naive", NaiveLoops.inverseGaussian(y, mean, shape, a, b), a, b);
    }
  }

  /** beta: logit mean ~ N(0, 1), log precision ~ N(log 10, 0.5^2), y ~ Beta(mean, precision). */
  @State(Scope.Benchmark)
  public static class Beta {
    double[] y;
    double[] mean;
    double[] precision;
    double[] gradMean;
    double[] gradPrecision;

    @Setup(Level.Trial)
    public void setUp() {
      int n = ScalarFamiliesBenchmark.ROWS;
      Draws draws = new Draws(ScalarFamiliesBenchmark.SEED);
      y = new double[n];
      mean = new double[n];
      precision = new double[n];
      gradMean = new double[n];
      gradPrecision = new double[n];
      for (int i = 0; i < n; i++) {
        mean[i] = draws.normal(0, 1);
        precision[i] = draws.normal(Math.log(10), 0.5);
        double m = 1 / (1 + Math.exp(-mean[i]));
        double phi = Math.exp(precision[i]);
        y[i] = draws.beta(m * phi, (1 - m) * phi);
      }
      double loss =
          BetaRegressionLoss.lossAndGradient(
              Reduction.MEAN, y, mean, precision, gradMean, gradPrecision);
      Agreement agreement = new Agreement("beta", loss, gradMean.clone(), gradPrecision.clone());
      double[] a = new double[n];
      double[] b = new double[n];
      agreement.check("expert", ExpertLoops.beta(y, mean, precision, a, b), a, b);
      agreement.check("naive", NaiveLoops.beta(y, mean, precision, a, b), a, b);
      agreement.checkValue("commons", CommonsLoops.beta(y, mean, precision));
    }
  }
}
