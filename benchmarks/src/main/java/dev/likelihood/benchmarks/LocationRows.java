package dev.likelihood.benchmarks;

import dev.likelihood.runtime.Reduction;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The data of {@link ScalarFamiliesBenchmark}'s cases with a real response around a location mu
 * ~ N(0, 1): NORMAL, LAPLACE, STUDENT_T, HUBER, LOG_COSH, VON_MISES. One JMH state per case, so a
 * benchmark allocates only its own columns ({@link ScalarFamiliesBenchmark#ROWS} rows, once per
 * trial); each setup checks that the expert, naive (and Commons) variants agree with the
 * generated loss ({@link Agreement}).
 */
public final class LocationRows {

  private LocationRows() {}

  /** normalHeteroscedastic: log sigma ~ N(0, 0.5^2), y ~ N(mu, sigma). */
  @State(Scope.Benchmark)
  public static class Normal {
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
        sigma[i] = draws.normal(0, 0.5);
        y[i] = draws.normal(mu[i], Math.exp(sigma[i]));
      }
      double loss =
          NormalHeteroscedasticLoss.lossAndGradient(
              Reduction.MEAN, y, mu, sigma, gradMu, gradSigma);
      Agreement agreement =
          new Agreement("normalHeteroscedastic", loss, gradMu.clone(), gradSigma.clone());
      double[] a = new double[n];
      double[] b = new double[n];
      agreement.check("expert", ExpertLoops.normalHeteroscedastic(y, mu, sigma, a, b), a, b);
      agreement.check("naive", NaiveLoops.normalHeteroscedastic(y, mu, sigma, a, b), a, b);
      agreement.checkValue("commons", CommonsLoops.normalHeteroscedastic(y, mu, sigma));
    }
  }

  /** laplace: log scale ~ N(0, 0.5^2), y ~ Laplace(mu, scale). */
  @State(Scope.Benchmark)
  public static class Laplace {
    double[] y;
    double[] mu;
    double[] scale;
    double[] gradMu;
    double[] gradScale;

    @Setup(Level.Trial)
    public void setUp() {
      int n = ScalarFamiliesBenchmark.ROWS;
      Draws draws = new Draws(ScalarFamiliesBenchmark.SEED);
      y = new double[n];
      mu = new double[n];
      scale = new double[n];
      gradMu = new double[n];
      gradScale = new double[n];
      for (int i = 0; i < n; i++) {
        mu[i] = draws.normal(0, 1);
        scale[i] = draws.normal(0, 0.5);
        y[i] = draws.laplace(mu[i], Math.exp(scale[i]));
      }
      double loss =
          LaplaceRegressionLoss.lossAndGradient(Reduction.MEAN, y, mu, scale, gradMu, gradScale);
      Agreement agreement = new Agreement("laplace", loss, gradMu.clone(), gradScale.clone());
      double[] a = new double[n];
      double[] b = new double[n];
      agreement.check("expert", ExpertLoops.laplace(y, mu, scale, a, b), a, b);
      agreement.check("naive", NaiveLoops.laplace(y, mu, scale, a, b), a, b);
      agreement.checkValue("commons", CommonsLoops.laplace(y, mu, scale));
    }
  }

  /** studentT (nu = 4): log sigma ~ N(0, 0.5^2), y = mu + sigma t with t ~ t4. */
  @State(Scope.Benchmark)
  public static class StudentT {
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
        sigma[i] = draws.normal(0, 0.5);
        y[i] = draws.studentT4(mu[i], Math.exp(sigma[i]));
      }
      double loss =
          StudentTRegressionLoss.lossAndGradient(Reduction.MEAN, y, mu, sigma, gradMu, gradSigma);
      Agreement agreement = new Agreement("studentT", loss, gradMu.clone(), gradSigma.clone());
      double[] a = new double[n];
      double[] b = new double[n];
      agreement.check("expert", ExpertLoops.studentT(y, mu, sigma, a, b), a, b);
      agreement.check("naive", NaiveLoops.studentT(y, mu, sigma, a, b), a, b);
      agreement.checkValue("commons", CommonsLoops.studentT(y, mu, sigma));
    }
  }

  /** huber (delta = 1): y drawn from the normalised Huber density around mu. */
  @State(Scope.Benchmark)
  public static class Huber {
    double[] y;
    double[] mu;
    double[] gradMu;

    @Setup(Level.Trial)
    public void setUp() {
      int n = ScalarFamiliesBenchmark.ROWS;
      Draws draws = new Draws(ScalarFamiliesBenchmark.SEED);
      y = new double[n];
      mu = new double[n];
      gradMu = new double[n];
      for (int i = 0; i < n; i++) {
        mu[i] = draws.normal(0, 1);
        y[i] = draws.huber(mu[i]);
      }
      double loss = HuberRegressionLoss.lossAndGradient(Reduction.MEAN, y, mu, gradMu);
      Agreement agreement = new Agreement("huber", loss, gradMu.clone());
      double[] a = new double[n];
      agreement.check("expert", ExpertLoops.huber(y, mu, a), a);
      agreement.check("naive", NaiveLoops.huber(y, mu, a), a);
    }
  }

  /** logCosh: y drawn from the density 1 / (pi cosh(y - mu)). */
  @State(Scope.Benchmark)
  public static class LogCosh {
    double[] y;
    double[] mu;
    double[] gradMu;

    @Setup(Level.Trial)
    public void setUp() {
      int n = ScalarFamiliesBenchmark.ROWS;
      Draws draws = new Draws(ScalarFamiliesBenchmark.SEED);
      y = new double[n];
      mu = new double[n];
      gradMu = new double[n];
      for (int i = 0; i < n; i++) {
        mu[i] = draws.normal(0, 1);
        y[i] = draws.logCosh(mu[i]);
      }
      double loss = LogCoshRegressionLoss.lossAndGradient(Reduction.MEAN, y, mu, gradMu);
      Agreement agreement = new Agreement("logCosh", loss, gradMu.clone());
      double[] a = new double[n];
      agreement.check("expert", ExpertLoops.logCosh(y, mu, a), a);
      agreement.check("naive", NaiveLoops.logCosh(y, mu, a), a);
    }
  }

  /** vonMises: log kappa ~ N(log 2, 0.5^2), y ~ von Mises(mu, kappa) (not wrapped). */
  @State(Scope.Benchmark)
  public static class VonMises {
    double[] y;
    double[] mu;
    double[] kappa;
    double[] gradMu;
    double[] gradKappa;

    @Setup(Level.Trial)
    public void setUp() {
      int n = ScalarFamiliesBenchmark.ROWS;
      Draws draws = new Draws(ScalarFamiliesBenchmark.SEED);
      y = new double[n];
      mu = new double[n];
      kappa = new double[n];
      gradMu = new double[n];
      gradKappa = new double[n];
      for (int i = 0; i < n; i++) {
        mu[i] = draws.normal(0, 1);
        kappa[i] = draws.normal(Math.log(2), 0.5);
        y[i] = draws.vonMises(mu[i], Math.exp(kappa[i]));
      }
      double loss =
          VonMisesRegressionLoss.lossAndGradient(Reduction.MEAN, y, mu, kappa, gradMu, gradKappa);
      Agreement agreement = new Agreement("vonMises", loss, gradMu.clone(), gradKappa.clone());
      double[] a = new double[n];
      double[] b = new double[n];
      agreement.check("expert", ExpertLoops.vonMises(y, mu, kappa, a, b), a, b);
      agreement.check("naive", NaiveLoops.vonMises(y, mu, kappa, a, b), a, b);
    }
  }
}
