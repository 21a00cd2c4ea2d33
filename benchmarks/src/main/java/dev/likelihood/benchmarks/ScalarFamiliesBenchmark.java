package dev.likelihood.benchmarks;

import dev.likelihood.runtime.Reduction;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Cost per row of the generated batch {@code lossAndGradient} of the scalar families, with
 * {@link Reduction#MEAN}, against what one would write by hand. For each case (a record, one per
 * family with its default links, see README.md) up to four variants compute the same mean NLL:
 *
 * <ul>
 *   <li>{@code <case>Generated}: the generated {@code XLoss.lossAndGradient(Reduction.MEAN, ...)};
 *   <li>{@code <case>Expert}: the ceiling, a fused hand-written loop ({@link ExpertLoops});
 *   <li>{@code <case>Naive}: the textbook composition, inverse link, density, log, chain rule
 *       ({@link NaiveLoops});
 *   <li>{@code <case>Commons}: the value only, per row {@code XDistribution.of(...).logDensity(y)}
 *       of Apache Commons Statistics, where it has the family ({@link CommonsLoops});
 * </ul>
 *
 * plus {@code poissonLogPerSample} and {@code bernoulliLogitPerSample}, the generated one-sample
 * {@code nllAndGradient} called row by row ({@link PerSampleLoops}).
 *
 * <p>Every invocation processes the {@link #ROWS} rows of its case once and declares them as its
 * operation count, so <b>the score (printed as ns/op) is ns per row</b>, and {@code
 * gc.alloc.rate.norm} is bytes per row. The data (fixed seed, responses drawn from the model) live
 * in one JMH state per case ({@link LocationRows}, {@link PositiveRows}, {@link CountRows}, {@link
 * LabelRows}), allocated once per trial; each state's setup checks that the expert, naive and
 * Commons variants agree with the generated loss ({@link Agreement}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(ScalarFamiliesBenchmark.ROWS)
public class ScalarFamiliesBenchmark {

  /** Rows of every case, all processed by each invocation (the JMH operation count). */
  public static final int ROWS = 1_000_000;

  /** The seed of every case's data. */
  static final long SEED = 20260102L;

  // normalHeteroscedastic
  @Benchmark
  public double normalHeteroscedasticGenerated(LocationRows.Normal d) {
    return NormalHeteroscedasticLoss.lossAndGradient(
        Reduction.MEAN, d.y, d.mu, d.sigma, d.gradMu, d.gradSigma);
  }

  @Benchmark
  public double normalHeteroscedasticExpert(LocationRows.Normal d) {
    return ExpertLoops.normalHeteroscedastic(d.y, d.mu, d.sigma, d.gradMu, d.gradSigma);
  }

  @Benchmark
  public double normalHeteroscedasticNaive(LocationRows.Normal d) {
    return NaiveLoops.normalHeteroscedastic(d.y, d.mu, d.sigma, d.gradMu, d.gradSigma);
  }

  @Benchmark
  public double normalHeteroscedasticCommons(LocationRows.Normal d) {
    return CommonsLoops.normalHeteroscedastic(d.y, d.mu, d.sigma);
  }

  // laplace
  @Benchmark
  public double laplaceGenerated(LocationRows.Laplace d) {
    return LaplaceRegressionLoss.lossAndGradient(
        Reduction.MEAN, d.y, d.mu, d.scale, d.gradMu, d.gradScale);
  }

  @Benchmark
  public double laplaceExpert(LocationRows.Laplace d) {
    return ExpertLoops.laplace(d.y, d.mu, d.scale, d.gradMu, d.gradScale);
  }

  @Benchmark
  public double laplaceNaive(LocationRows.Laplace d) {
    return NaiveLoops.laplace(d.y, d.mu, d.scale, d.gradMu, d.gradScale);
  }

  @Benchmark
  public double laplaceCommons(LocationRows.Laplace d) {
    return CommonsLoops.laplace(d.y, d.mu, d.scale);
  }

  // studentT
  @Benchmark
  public double studentTGenerated(LocationRows.StudentT d) {
    return StudentTRegressionLoss.lossAndGradient(
        Reduction.MEAN, d.y, d.mu, d.sigma, d.gradMu, d.gradSigma);
  }

  @Benchmark
  public double studentTExpert(LocationRows.StudentT d) {
    return ExpertLoops.studentT(d.y, d.mu, d.sigma, d.gradMu, d.gradSigma);
  }

  @Benchmark
  public double studentTNaive(LocationRows.StudentT d) {
    return NaiveLoops.studentT(d.y, d.mu, d.sigma, d.gradMu, d.gradSigma);
  }

  @Benchmark
  public double studentTCommons(LocationRows.StudentT d) {
    return CommonsLoops.studentT(d.y, d.mu, d.sigma);
  }

  // huber
  @Benchmark
  public double huberGenerated(LocationRows.Huber d) {
    return HuberRegressionLoss.lossAndGradient(Reduction.MEAN, d.y, d.mu, d.gradMu);
  }

  @Benchmark
  public double huberExpert(LocationRows.Huber d) {
    return ExpertLoops.huber(d.y, d.mu, d.gradMu);
  }

  @Benchmark
  public double huberNaive(LocationRows.Huber d) {
    return NaiveLoops.huber(d.y, d.mu, d.gradMu);
  }

  // logCosh
  @Benchmark
  public double logCoshGenerated(LocationRows.LogCosh d) {
    return LogCoshRegressionLoss.lossAndGradient(Reduction.MEAN, d.y, d.mu, d.gradMu);
  }

  @Benchmark
  public double logCoshExpert(LocationRows.LogCosh d) {
    return ExpertLoops.logCosh(d.y, d.mu, d.gradMu);
  }

  @Benchmark
  public double logCoshNaive(LocationRows.LogCosh d) {
    return NaiveLoops.logCosh(d.y, d.mu, d.gradMu);
  }

  // vonMises
  @Benchmark
  public double vonMisesGenerated(LocationRows.VonMises d) {
    return VonMisesRegressionLoss.lossAndGradient(
        Reduction.MEAN, d.y, d.mu, d.kappa, d.gradMu, d.gradKappa);
  }

  @Benchmark
  public double vonMisesExpert(LocationRows.VonMises d) {
    return ExpertLoops.vonMises(d.y, d.mu, d.kappa, d.gradMu, d.gradKappa);
  }

  @Benchmark
  public double vonMisesNaive(LocationRows.VonMises d) {
    return NaiveLoops.vonMises(d.y, d.mu, d.kappa, d.gradMu, d.gradKappa);
  }

  // logNormal
  @Benchmark
  public double logNormalGenerated(PositiveRows.LogNormal d) {
    return LogNormalRegressionLoss.lossAndGradient(
        Reduction.MEAN, d.y, d.mu, d.sigma, d.gradMu, d.gradSigma);
  }

  @Benchmark
  public double logNormalExpert(PositiveRows.LogNormal d) {
    return ExpertLoops.logNormal(d.y, d.mu, d.sigma, d.gradMu, d.gradSigma);
  }

  @Benchmark
  public double logNormalNaive(PositiveRows.LogNormal d) {
    return NaiveLoops.logNormal(d.y, d.mu, d.sigma, d.gradMu, d.gradSigma);
  }

  @Benchmark
  public double logNormalCommons(PositiveRows.LogNormal d) {
    return CommonsLoops.logNormal(d.y, d.mu, d.sigma);
  }

  // exponential
  @Benchmark
  public double exponentialGenerated(PositiveRows.Exponential d) {
    return ExponentialRegressionLoss.lossAndGradient(Reduction.MEAN, d.y, d.rate, d.gradRate);
  }

  @Benchmark
  public double exponentialExpert(PositiveRows.Exponential d) {
    return ExpertLoops.exponential(d.y, d.rate, d.gradRate);
  }

  @Benchmark
  public double exponentialNaive(PositiveRows.Exponential d) {
    return NaiveLoops.exponential(d.y, d.rate, d.gradRate);
  }

  @Benchmark
  public double exponentialCommons(PositiveRows.Exponential d) {
    return CommonsLoops.exponential(d.y, d.rate);
  }

  // gamma
  @Benchmark
  public double gammaGenerated(PositiveRows.Gamma d) {
    return GammaRegressionLoss.lossAndGradient(
        Reduction.MEAN, d.y, d.mean, d.shape, d.gradMean, d.gradShape);
  }

  @Benchmark
  public double gammaExpert(PositiveRows.Gamma d) {
    return ExpertLoops.gamma(d.y, d.mean, d.shape, d.gradMean, d.gradShape);
  }

  @Benchmark
  public double gammaNaive(PositiveRows.Gamma d) {
    return NaiveLoops.gamma(d.y, d.mean, d.shape, d.gradMean, d.gradShape);
  }

  @Benchmark
  public double gammaCommons(PositiveRows.Gamma d) {
    return CommonsLoops.gamma(d.y, d.mean, d.shape);
  }

  // inverseGaussian
  @Benchmark
  public double inverseGaussianGenerated(PositiveRows.InverseGaussian d) {
    return InverseGaussianRegressionLoss.lossAndGradient(
        Reduction.MEAN, d.y, d.mean, d.shape, d.gradMean, d.gradShape);
  }

  @Benchmark
  public double inverseGaussianExpert(PositiveRows.InverseGaussian d) {
    return ExpertLoops.inverseGaussian(d.y, d.mean, d.shape, d.gradMean, d.gradShape);
  }

  @Benchmark
  public double inverseGaussianNaive(PositiveRows.InverseGaussian d) {
    return NaiveLoops.inverseGaussian(d.y, d.mean, d.shape, d.gradMean, d.gradShape);
  }

  // beta
  @Benchmark
  public double betaGenerated(PositiveRows.Beta d) {
    return BetaRegressionLoss.lossAndGradient(
        Reduction.MEAN, d.y, d.mean, d.precision, d.gradMean, d.gradPrecision);
  }

  @Benchmark
  public double betaExpert(PositiveRows.Beta d) {
    return ExpertLoops.beta(d.y, d.mean, d.precision, d.gradMean, d.gradPrecision);
  }

  @Benchmark
  public double betaNaive(PositiveRows.Beta d) {
    return NaiveLoops.beta(d.y, d.mean, d.precision, d.gradMean, d.gradPrecision);
  }

  @Benchmark
  public double betaCommons(PositiveRows.Beta d) {
    return CommonsLoops.beta(d.y, d.mean, d.precision);
  }

  // poissonLog
  @Benchmark
  public double poissonLogGenerated(CountRows.Poisson d) {
    return PoissonLogLoss.lossAndGradient(Reduction.MEAN, d.count, d.rate, d.gradRate);
  }

  @Benchmark
  public double poissonLogExpert(CountRows.Poisson d) {
    return ExpertLoops.poissonLog(d.count, d.rate, d.gradRate);
  }

  @Benchmark
  public double poissonLogNaive(CountRows.Poisson d) {
    return NaiveLoops.poissonLog(d.count, d.rate, d.gradRate);
  }

  @Benchmark
  public double poissonLogCommons(CountRows.Poisson d) {
    return CommonsLoops.poissonLog(d.count, d.rate);
  }

  @Benchmark
  public double poissonLogPerSample(CountRows.Poisson d) {
    return PerSampleLoops.poissonLog(d.count, d.rate, d.gradRate, d.sampleGradient);
  }

  // binomial
  @Benchmark
  public double binomialGenerated(CountRows.Binomial d) {
    return BinomialRegressionLoss.lossAndGradient(
        Reduction.MEAN, d.successes, d.p, d.trials, d.gradP);
  }

  @Benchmark
  public double binomialExpert(CountRows.Binomial d) {
    return ExpertLoops.binomial(d.successes, d.p, d.trials, d.gradP);
  }

  @Benchmark
  public double binomialNaive(CountRows.Binomial d) {
    return NaiveLoops.binomial(d.successes, d.p, d.trials, d.gradP);
  }

  @Benchmark
  public double binomialCommons(CountRows.Binomial d) {
    return CommonsLoops.binomial(d.successes, d.p, d.trials);
  }

  // negativeBinomial
  @Benchmark
  public double negativeBinomialGenerated(CountRows.NegativeBinomial d) {
    return NegativeBinomialRegressionLoss.lossAndGradient(
        Reduction.MEAN, d.count, d.mean, d.size, d.gradMean, d.gradSize);
  }

  @Benchmark
  public double negativeBinomialExpert(CountRows.NegativeBinomial d) {
    return ExpertLoops.negativeBinomial(d.count, d.mean, d.size, d.gradMean, d.gradSize);
  }

  @Benchmark
  public double negativeBinomialNaive(CountRows.NegativeBinomial d) {
    return NaiveLoops.negativeBinomial(d.count, d.mean, d.size, d.gradMean, d.gradSize);
  }

  // bernoulliLogit
  @Benchmark
  public double bernoulliLogitGenerated(LabelRows.Bernoulli d) {
    return BernoulliLogitLoss.lossAndGradient(Reduction.MEAN, d.label, d.score, d.gradScore);
  }

  @Benchmark
  public double bernoulliLogitExpert(LabelRows.Bernoulli d) {
    return ExpertLoops.bernoulliLogit(d.label, d.score, d.gradScore);
  }

  @Benchmark
  public double bernoulliLogitNaive(LabelRows.Bernoulli d) {
    return NaiveLoops.bernoulliLogit(d.label, d.score, d.gradScore);
  }

  @Benchmark
  public double bernoulliLogitCommons(LabelRows.Bernoulli d) {
    return CommonsLoops.bernoulliLogit(d.label, d.score);
  }

  @Benchmark
  public double bernoulliLogitPerSample(LabelRows.Bernoulli d) {
    return PerSampleLoops.bernoulliLogit(d.label, d.score, d.gradScore, d.sampleGradient);
  }

  // hinge
  @Benchmark
  public double hingeGenerated(LabelRows.Hinge d) {
    return HingeClassifierLoss.lossAndGradient(Reduction.MEAN, d.label, d.score, d.gradScore);
  }

  @Benchmark
  public double hingeExpert(LabelRows.Hinge d) {
    return ExpertLoops.hinge(d.label, d.score, d.gradScore);
  }

  @Benchmark
  public double hingeNaive(LabelRows.Hinge d) {
    return NaiveLoops.hinge(d.label, d.score, d.gradScore);
  }

  // focal
  @Benchmark
  public double focalGenerated(LabelRows.Focal d) {
    return FocalClassifierLoss.lossAndGradient(Reduction.MEAN, d.label, d.p, d.gradP);
  }

  @Benchmark
  public double focalExpert(LabelRows.Focal d) {
    return ExpertLoops.focal(d.label, d.p, d.gradP);
  }

  @Benchmark
  public double focalNaive(LabelRows.Focal d) {
    return NaiveLoops.focal(d.label, d.p, d.gradP);
  }

  // uncertainBernoulli
  @Benchmark
  public double uncertainBernoulliGenerated(LabelRows.UncertainBernoulli d) {
    return UncertainBernoulliClassifierLoss.lossAndGradient(
        Reduction.MEAN, d.label, d.p, d.uncertainty, d.gradP, d.gradUncertainty);
  }

  @Benchmark
  public double uncertainBernoulliExpert(LabelRows.UncertainBernoulli d) {
    return ExpertLoops.uncertainBernoulli(d.label, d.p, d.uncertainty, d.gradP, d.gradUncertainty);
  }

  @Benchmark
  public double uncertainBernoulliNaive(LabelRows.UncertainBernoulli d) {
    return NaiveLoops.uncertainBernoulli(d.label, d.p, d.uncertainty, d.gradP, d.gradUncertainty);
  }
}
