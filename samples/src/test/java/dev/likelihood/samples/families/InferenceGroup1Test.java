package dev.likelihood.samples.families;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.LaplaceDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Recipe step 4 for LAPLACE, STUDENT_T, LOG_NORMAL, EXPONENTIAL, GAMMA, INVERSE_GAUSSIAN, HUBER,
 * LOG_COSH and HINGE: the generated static {@code mean(...)} and {@code mode(...)} of the records
 * in {@code *Records.java} (their {@code @Param} components on the eta scale, {@code @Known} ones
 * on the natural scale, in record order) against Apache Commons Statistics' {@code getMean()} or
 * an independent formula, within 1e-13 relative.
 *
 * <p>The natural parameters are formed here from eta with plain {@code Math} calls (exp,
 * log1p), never with the generated code. Modes have no Commons Statistics counterpart; they are
 * the textbook formulas (INVERSE_GAUSSIAN's evaluated in {@link BigDecimal}, so that the
 * reference does not cancel where 3 mean / (2 shape) is large).
 */
class InferenceGroup1Test {

  private static final double TOLERANCE = 1e-13;
  private static final double[] LOCATIONS = {-3.5, -0.25, 0.0, 1.5, 42.0};
  private static final double[] LOG_ETAS = {-2.0, -0.5, 0.0, 0.75, 2.0};
  private static final double[] SOFTPLUS_ETAS = {-3.0, -0.5, 0.0, 1.0, 4.0};

  private final List<String> failures = new ArrayList<>();

  @AfterEach
  void report() {
    assertTrue(failures.isEmpty(), () -> failures.size() + " failures:\n" + String.join("\n", failures));
  }

  private static double softplus(double eta) {
    return eta > 30 ? eta + Math.exp(-eta) : Math.log1p(Math.exp(eta));
  }

  /** Within 1e-13 relative (so an expected 0 must be exactly 0); NaN where NaN is expected. */
  private void check(String what, double got, double expected) {
    if (Double.isNaN(expected)) {
      if (!Double.isNaN(got)) {
        failures.add(what + ": expected NaN, got " + got);
      }
      return;
    }
    double error = Math.abs(got - expected);
    if (!(error <= TOLERANCE * Math.abs(expected))) {
      failures.add(String.format("%s: got %s, expected %s (relative error %.3e)", what, got, expected,
          error / Math.abs(expected)));
    }
  }

  @Test
  void laplace() {
    for (double mu : LOCATIONS) {
      for (double eta : LOG_ETAS) {
        double commons = LaplaceDistribution.of(mu, Math.exp(eta)).getMean();
        check("LaplaceLogScale mean " + mu + "," + eta, LaplaceLogScaleLoss.mean(mu, eta), commons);
        check("LaplaceLogScale mode " + mu + "," + eta, LaplaceLogScaleLoss.mode(mu, eta), mu);
        double softplusMean = LaplaceDistribution.of(mu, softplus(eta)).getMean();
        check("LaplaceSoftplusScale mean", LaplaceSoftplusScaleLoss.mean(mu, eta), softplusMean);
        check("LaplaceSoftplusScale mode", LaplaceSoftplusScaleLoss.mode(mu, eta), mu);
        double scale = Math.exp(eta); // IDENTITY: eta is the scale itself, and must be > 0
        check("LaplaceIdentityScale mean", LaplaceIdentityScaleLoss.mean(mu, scale),
            LaplaceDistribution.of(mu, scale).getMean());
        check("LaplaceIdentityScale mode", LaplaceIdentityScaleLoss.mode(mu, scale), mu);
      }
      check("LaplaceDefaultScale mean", LaplaceDefaultScaleLoss.mean(mu),
          LaplaceDistribution.of(mu, 1).getMean());
      check("LaplaceDefaultScale mode", LaplaceDefaultScaleLoss.mode(mu), mu);
    }
    for (double etaMu : LOG_ETAS) {
      for (double etaScale : new double[] {-1.0, 0.5}) {
        double logMu = Math.exp(etaMu);
        check("LaplaceLogMu mean", LaplaceLogMuLoss.mean(etaMu, etaScale),
            LaplaceDistribution.of(logMu, Math.exp(etaScale)).getMean());
        check("LaplaceLogMu mode", LaplaceLogMuLoss.mode(etaMu, etaScale), logMu);
      }
    }
    for (double etaMu : SOFTPLUS_ETAS) {
      double softplusMu = softplus(etaMu);
      check("LaplaceSoftplusMu mean", LaplaceSoftplusMuLoss.mean(etaMu, 0.25),
          LaplaceDistribution.of(softplusMu, Math.exp(0.25)).getMean());
      check("LaplaceSoftplusMu mode", LaplaceSoftplusMuLoss.mode(etaMu, 0.25), softplusMu);
    }
  }

  /** mu + sigma x the standard t mean: mu where nu > 1, NaN (undefined) where nu <= 1. */
  private static double studentTMean(double mu, double nu) {
    return mu + TDistribution.of(nu).getMean();
  }

  @Test
  void studentT() {
    double[] nuEtas = {Math.log(0.5), -0.1, 0.0, 0.1, Math.log(4), Math.log(1e6)};
    for (double mu : LOCATIONS) {
      for (double etaSigma : new double[] {-1.0, 0.0, 2.0}) {
        for (double etaNu : nuEtas) {
          double nu = Math.exp(etaNu);
          check("StudentTNuParam mean " + mu + "," + etaSigma + "," + etaNu,
              StudentTNuParamLoss.mean(mu, etaSigma, etaNu), studentTMean(mu, nu));
          check("StudentTNuParam mode", StudentTNuParamLoss.mode(mu, etaSigma, etaNu), mu);
          double softNu = softplus(etaNu);
          check("StudentTSoftplus mean " + mu + "," + etaNu,
              StudentTSoftplusLoss.mean(mu, etaSigma, etaNu), studentTMean(mu, softNu));
          check("StudentTSoftplus mode", StudentTSoftplusLoss.mode(mu, etaSigma, etaNu), mu);
          double sigma = Math.exp(etaSigma);
          check("StudentTKnownSigma mean", StudentTKnownSigmaLoss.mean(mu, sigma, etaNu),
              studentTMean(mu, nu));
          check("StudentTKnownSigma mode", StudentTKnownSigmaLoss.mode(mu, sigma, etaNu), mu);
        }
        check("StudentTNu4 mean", StudentTNu4Loss.mean(mu, etaSigma), studentTMean(mu, 4));
        check("StudentTNu4 mode", StudentTNu4Loss.mode(mu, etaSigma), mu);
        check("StudentTNu1e6 mean", StudentTNu1e6Loss.mean(mu, etaSigma), studentTMean(mu, 1e6));
        check("StudentTNu1e6 mode", StudentTNu1e6Loss.mode(mu, etaSigma), mu);
        check("StudentTCauchy mean (undefined)", StudentTCauchyLoss.mean(mu, etaSigma), Double.NaN);
        check("StudentTCauchy mode", StudentTCauchyLoss.mode(mu, etaSigma), mu);
      }
      check("StudentTNu4DefaultSigma mean", StudentTNu4DefaultSigmaLoss.mean(mu), studentTMean(mu, 4));
      check("StudentTNu4DefaultSigma mode", StudentTNu4DefaultSigmaLoss.mode(mu), mu);
    }
  }

  @Test
  void logNormal() {
    double[] mus = {-3.0, -0.75, 0.0, 1.25, 4.0};
    for (double mu : mus) {
      for (double eta : new double[] {-2.0, -0.5, 0.0, 0.5, 1.0}) {
        double sigma = Math.exp(eta);
        check("LogNormalLogSigma mean " + mu + "," + eta, LogNormalLogSigmaLoss.mean(mu, eta),
            LogNormalDistribution.of(mu, sigma).getMean());
        check("LogNormalLogSigma mode " + mu + "," + eta, LogNormalLogSigmaLoss.mode(mu, eta),
            Math.exp(mu - sigma * sigma));
        double soft = softplus(eta);
        check("LogNormalSoftplusSigma mean", LogNormalSoftplusSigmaLoss.mean(mu, eta),
            LogNormalDistribution.of(mu, soft).getMean());
        check("LogNormalSoftplusSigma mode", LogNormalSoftplusSigmaLoss.mode(mu, eta),
            Math.exp(mu - soft * soft));
        check("LogNormalKnownSigma mean", LogNormalKnownSigmaLoss.mean(mu, sigma),
            LogNormalDistribution.of(mu, sigma).getMean());
        check("LogNormalKnownSigma mode", LogNormalKnownSigmaLoss.mode(mu, sigma),
            Math.exp(mu - sigma * sigma));
      }
      check("LogNormalDefaultSigma mean", LogNormalDefaultSigmaLoss.mean(mu),
          LogNormalDistribution.of(mu, 1).getMean());
      check("LogNormalDefaultSigma mode", LogNormalDefaultSigmaLoss.mode(mu), Math.exp(mu - 1));
    }
  }

  @Test
  void exponential() {
    for (double eta : new double[] {-5.0, -2.0, -0.5, 0.0, 0.75, 2.0, 6.0}) {
      // Commons Statistics parameterises the exponential by its mean, 1 / rate
      check("ExponentialLog mean " + eta, ExponentialLogLoss.mean(eta),
          ExponentialDistribution.of(1 / Math.exp(eta)).getMean());
      check("ExponentialLog mode " + eta, ExponentialLogLoss.mode(eta), 0.0);
      check("ExponentialSoftplus mean " + eta, ExponentialSoftplusLoss.mean(eta),
          ExponentialDistribution.of(1 / softplus(eta)).getMean());
      check("ExponentialSoftplus mode " + eta, ExponentialSoftplusLoss.mode(eta), 0.0);
    }
  }

  /** mean (k - 1) / k for k >= 1, else 0 (the density is unbounded or maximal at y = 0). */
  private static double gammaMode(double mean, double k) {
    return k >= 1 ? mean * (k - 1) / k : 0.0;
  }

  private void checkGamma(String what, double got, double mean, double k, boolean isMode) {
    if (isMode) {
      check(what + " (k = " + k + ")", got, gammaMode(mean, k)); // 0 must be exactly 0
    } else {
      // GammaDistribution.of(shape, scale) has mean shape * scale, scale = mean / shape
      check(what + " (k = " + k + ")", got, GammaDistribution.of(k, mean / k).getMean());
    }
  }

  @Test
  void gamma() {
    double[] shapeEtas = {Math.log(0.3), -0.1, 0.0, 0.1, Math.log(2.5), Math.log(40)};
    for (double etaMean : LOG_ETAS) {
      for (double etaShape : shapeEtas) {
        double mean = Math.exp(etaMean);
        double k = Math.exp(etaShape);
        checkGamma("GammaLog mean", GammaLogLoss.mean(etaMean, etaShape), mean, k, false);
        checkGamma("GammaLog mode", GammaLogLoss.mode(etaMean, etaShape), mean, k, true);
        // IDENTITY: eta is the mean itself; INVERSE: the mean is 1 / eta
        checkGamma("GammaIdentityMean mean", GammaIdentityMeanLoss.mean(mean, etaShape), mean, k, false);
        checkGamma("GammaIdentityMean mode", GammaIdentityMeanLoss.mode(mean, etaShape), mean, k, true);
        checkGamma("GammaInverseMean mean", GammaInverseMeanLoss.mean(1 / mean, etaShape), 1 / (1 / mean), k,
            false);
        checkGamma("GammaInverseMean mode", GammaInverseMeanLoss.mode(1 / mean, etaShape), 1 / (1 / mean), k,
            true);
      }
      for (double eta : SOFTPLUS_ETAS) {
        double mean = softplus(etaMean);
        double k = softplus(eta);
        checkGamma("GammaSoftplus mean", GammaSoftplusLoss.mean(etaMean, eta), mean, k, false);
        checkGamma("GammaSoftplus mode", GammaSoftplusLoss.mode(etaMean, eta), mean, k, true);
      }
      double mean = Math.exp(etaMean);
      checkGamma("GammaShape3 mean", GammaShape3Loss.mean(etaMean), mean, 3, false);
      checkGamma("GammaShape3 mode", GammaShape3Loss.mode(etaMean), mean, 3, true);
    }
  }

  /** mean (sqrt(1 + a^2) - a), a = 3 mean / (2 shape), evaluated in 40-digit decimal. */
  private static double inverseGaussianMode(double mean, double shape) {
    MathContext mc = new MathContext(40);
    BigDecimal m = new BigDecimal(mean);
    BigDecimal a = m.multiply(BigDecimal.valueOf(3)).divide(new BigDecimal(shape).multiply(BigDecimal.valueOf(2)), mc);
    BigDecimal root = BigDecimal.ONE.add(a.multiply(a, mc)).sqrt(mc);
    return m.multiply(root.subtract(a), mc).doubleValue();
  }

  @Test
  void inverseGaussian() {
    for (double etaMean : LOG_ETAS) {
      for (double etaShape : new double[] {-2.0, -0.5, 0.0, 1.0, 3.0}) {
        double mean = Math.exp(etaMean);
        double shape = Math.exp(etaShape);
        if (1.5 * mean / shape > 10) {
          continue; // large a: inverseGaussianModeWithoutCancellation
        }
        check("InverseGaussianLog mean", InverseGaussianLogLoss.mean(etaMean, etaShape), mean);
        check("InverseGaussianLog mode " + etaMean + "," + etaShape,
            InverseGaussianLogLoss.mode(etaMean, etaShape), inverseGaussianMode(mean, shape));
        double softMean = softplus(etaMean);
        double softShape = softplus(etaShape);
        check("InverseGaussianSoftplus mean", InverseGaussianSoftplusLoss.mean(etaMean, etaShape),
            softMean);
        check("InverseGaussianSoftplus mode", InverseGaussianSoftplusLoss.mode(etaMean, etaShape),
            inverseGaussianMode(softMean, softShape));
        // INVERSE_SQUARED: the mean is 1 / sqrt(eta), i.e. eta = 1 / mean^2
        double eta = 1 / (mean * mean);
        double sqMean = 1 / Math.sqrt(eta);
        check("InverseGaussianInverseSquaredMean mean",
            InverseGaussianInverseSquaredMeanLoss.mean(eta, etaShape), sqMean);
        check("InverseGaussianInverseSquaredMean mode",
            InverseGaussianInverseSquaredMeanLoss.mode(eta, etaShape), inverseGaussianMode(sqMean, shape));
      }
    }
  }

  /**
   * Where 3 mean / (2 shape) is large, sqrt(1 + a^2) - a cancels: the textbook form loses about
   * log10(2 a^2) digits (1e-9 relative at a = 1500). A stable form, mean / (sqrt(1 + a^2) + a),
   * keeps full precision.
   */
  @Test
  void inverseGaussianModeWithoutCancellation() {
    for (double etaMean : new double[] {0.0, 3.0, 7.0}) {
      for (double etaShape : new double[] {-3.0, -7.0, -20.0}) {
        check("InverseGaussianLog mode " + etaMean + "," + etaShape,
            InverseGaussianLogLoss.mode(etaMean, etaShape),
            inverseGaussianMode(Math.exp(etaMean), Math.exp(etaShape)));
      }
    }
  }

  @Test
  void huberAndLogCosh() {
    for (double mu : LOCATIONS) {
      check("HuberDefaultDelta mean", HuberDefaultDeltaLoss.mean(mu), mu);
      check("HuberDefaultDelta mode", HuberDefaultDeltaLoss.mode(mu), mu);
      check("HuberDelta05 mean", HuberDelta05Loss.mean(mu), mu);
      check("HuberDelta05 mode", HuberDelta05Loss.mode(mu), mu);
      check("HuberDelta3 mean", HuberDelta3Loss.mean(mu), mu);
      check("HuberDelta3 mode", HuberDelta3Loss.mode(mu), mu);
      check("LogCosh mean", LogCoshLoss.mean(mu), mu);
      check("LogCosh mode", LogCoshLoss.mode(mu), mu);
    }
  }

  /** HINGE is a margin loss, not a distribution: no mean, no mode. */
  @Test
  void hingeHasNoInference() {
    for (Class<?> loss : List.of(HingeBooleanLoss.class, HingeIntLoss.class)) {
      for (Method m : loss.getDeclaredMethods()) {
        assertTrue(!m.getName().equals("mean") && !m.getName().equals("mode"),
            loss.getSimpleName() + " declares " + m);
      }
    }
  }
}
