package dev.likelihood.benchmarks;

import dev.likelihood.runtime.Reduction;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The data of {@link ScalarFamiliesBenchmark}'s binary-label cases: BERNOULLI, HINGE, FOCAL,
 * UNCERTAIN_BERNOULLI, with boolean labels and logits (scores) ~ N(0, 1.5^2). One JMH state per
 * case, as in {@link LocationRows}.
 */
public final class LabelRows {

  private LabelRows() {}

  /** bernoulliLogit: label ~ Bernoulli(sigmoid(logit)). */
  @State(Scope.Benchmark)
  public static class Bernoulli {
    boolean[] label;
    double[] score;
    double[] gradScore;
    /** The per-sample benchmark's gradient buffer: one entry. */
    final double[] sampleGradient = new double[1];

    @Setup(Level.Trial)
    public void setUp() {
      int n = ScalarFamiliesBenchmark.ROWS;
      Draws draws = new Draws(ScalarFamiliesBenchmark.SEED);
      label = new boolean[n];
      score = new double[n];
      gradScore = new double[n];
      for (int i = 0; i < n; i++) {
        score[i] = draws.normal(0, 1.5);
        label[i] = draws.bernoulli(1 / (1 + Math.exp(-score[i])));
      }
      double loss = BernoulliLogitLoss.lossAndGradient(Reduction.MEAN, label, score, gradScore);
      Agreement agreement = new Agreement("bernoulliLogit", loss, gradScore.clone());
      double[] a = new double[n];
      agreement.check("expert", ExpertLoops.bernoulliLogit(label, score, a), a);
      agreement.check("naive", NaiveLoops.bernoulliLogit(label, score, a), a);
      agreement.check(
          "perSample", PerSampleLoops.bernoulliLogit(label, score, a, sampleGradient), a);
      agreement.checkValue("commons", CommonsLoops.bernoulliLogit(label, score));
    }
  }

  /** hinge: label ~ Bernoulli(sigmoid(score)). */
  @State(Scope.Benchmark)
  public static class Hinge {
    boolean[] label;
    double[] score;
    double[] gradScore;

    @Setup(Level.Trial)
    public void setUp() {
      int n = ScalarFamiliesBenchmark.ROWS;
      Draws draws = new Draws(ScalarFamiliesBenchmark.SEED);
      label = new boolean[n];
      score = new double[n];
      gradScore = new double[n];
      for (int i = 0; i < n; i++) {
        score[i] = draws.normal(0, 1.5);
        label[i] = draws.bernoulli(1 / (1 + Math.exp(-score[i])));
      }
      double loss = HingeClassifierLoss.lossAndGradient(Reduction.MEAN, label, score, gradScore);
      Agreement agreement = new Agreement("hinge", loss, gradScore.clone());
      double[] a = new double[n];
      agreement.check("expert", ExpertLoops.hinge(label, score, a), a);
      agreement.check("naive", NaiveLoops.hinge(label, score, a), a);
    }
  }

  /** focal (gamma = 2, alpha off): label ~ Bernoulli(sigmoid(logit)). */
  @State(Scope.Benchmark)
  public static class Focal {
    boolean[] label;
    double[] p;
    double[] gradP;

    @Setup(Level.Trial)
    public void setUp() {
      int n = ScalarFamiliesBenchmark.ROWS;
      Draws draws = new Draws(ScalarFamiliesBenchmark.SEED);
      label = new boolean[n];
      p = new double[n];
      gradP = new double[n];
      for (int i = 0; i < n; i++) {
        p[i] = draws.normal(0, 1.5);
        label[i] = draws.bernoulli(1 / (1 + Math.exp(-p[i])));
      }
      double loss = FocalClassifierLoss.lossAndGradient(Reduction.MEAN, label, p, gradP);
      Agreement agreement = new Agreement("focal", loss, gradP.clone());
      double[] a = new double[n];
      agreement.check("expert", ExpertLoops.focal(label, p, a), a);
      agreement.check("naive", NaiveLoops.focal(label, p, a), a);
    }
  }

  /**
   * uncertainBernoulli: softplus^-1 of the uncertainty u ~ N(-0.5, 0.5^2) (u from about 0.2 to
   * 1.3, so both of the generated code's regimes, u &lt;= 1/2 and above, occur), label ~
   * Bernoulli(sigmoid(logit + u z)), z ~ N(0, 1).
   */
  @State(Scope.Benchmark)
  public static class UncertainBernoulli {
    boolean[] label;
    double[] p;
    double[] uncertainty;
    double[] gradP;
    double[] gradUncertainty;

    @Setup(Level.Trial)
    public void setUp() {
      int n = ScalarFamiliesBenchmark.ROWS;
      Draws draws = new Draws(ScalarFamiliesBenchmark.SEED);
      label = new boolean[n];
      p = new double[n];
      uncertainty = new double[n];
      gradP = new double[n];
      gradUncertainty = new double[n];
      for (int i = 0; i < n; i++) {
        p[i] = draws.normal(0, 1.5);
        uncertainty[i] = draws.normal(-0.5, 0.5);
        double u = Math.log1p(Math.exp(uncertainty[i]));
        label[i] = draws.bernoulli(1 / (1 + Math.exp(-draws.normal(p[i], u))));
      }
      double loss =
          UncertainBernoulliClassifierLoss.lossAndGradient(
              Reduction.MEAN, label, p, uncertainty, gradP, gradUncertainty);
      Agreement agreement =
          new Agreement("uncertainBernoulli", loss, gradP.clone(), gradUncertainty.clone());
      double[] a = new double[n];
      double[] b = new double[n];
      agreement.check("expert", ExpertLoops.uncertainBernoulli(label, p, uncertainty, a, b), a, b);
      agreement.check("naive", NaiveLoops.uncertainBernoulli(label, p, uncertainty, a, b), a, b);
    }
  }
}
