package dev.likelihood.benchmarks;

import dev.likelihood.runtime.Reduction;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost per row of the generated batch losses of the vector families (CATEGORICAL,
 * GAUSSIAN_MIXTURE, MULTIVARIATE_NORMAL diagonal and Cholesky, PLACKETT_LUCE), with a hand-written
 * CATEGORICAL loop as the ceiling to compare against.
 *
 * <p>Every invocation processes exactly {@link #ROWS_PER_INVOCATION} rows, declared as its
 * operation count, so the score is nanoseconds per row. Each data set holds about 10^6 doubles
 * per parameter column, so a single batch call streams through about 10^6 doubles: for K = 10 an
 * invocation is one call over 100,000 rows, for K = 1000 it is 100 calls over the same 1,000 rows.
 * Data are random with a fixed seed; the reduction is {@link Reduction#MEAN}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(VectorFamiliesBenchmark.ROWS_PER_INVOCATION)
public class VectorFamiliesBenchmark {

  /** Rows processed by one benchmark invocation (the JMH operation count). */
  public static final int ROWS_PER_INVOCATION = 100_000;

  /** About this many doubles in one parameter column of a data set. */
  static final int DOUBLES_PER_COLUMN = 1_000_000;

  private static final long SEED = 20260101L;

  /** Data for the families whose width is K: classes, mixture components, dimensions, items. */
  @State(Scope.Benchmark)
  public static class Rows {

    /** The vector width: classes, mixture components, MVN dimension, ranked items. */
    @Param({"10", "1000"})
    public int k;

    int rows;
    int calls;

    int[] label;
    double[] logits;
    double[] gradLogits;

    double[] mixtureY;
    double[] weights;
    double[] mixtureMu;
    double[] mixtureSigma;
    double[] gradWeights;
    double[] gradMixtureMu;
    double[] gradMixtureSigma;

    double[] y;
    double[] mu;
    double[] sigma;
    double[] gradMu;
    double[] gradSigma;

    int[] ranking;
    double[] scores;
    double[] gradScores;

    @Setup(Level.Trial)
    public void setUp() {
      rows = DOUBLES_PER_COLUMN / k;
      calls = ROWS_PER_INVOCATION / rows;
      if (rows * k != DOUBLES_PER_COLUMN || calls * rows != ROWS_PER_INVOCATION) {
        throw new IllegalStateException("K must divide the row counts: " + k);
      }
      Random random = new Random(SEED);
      int n = rows * k;

      label = new int[rows];
      logits = new double[n];
      gradLogits = new double[n];
      for (int i = 0; i < rows; i++) {
        label[i] = random.nextInt(k);
      }
      fill(random, logits, 0, 3);

      mixtureY = new double[rows];
      weights = new double[n];
      mixtureMu = new double[n];
      mixtureSigma = new double[n];
      gradWeights = new double[n];
      gradMixtureMu = new double[n];
      gradMixtureSigma = new double[n];
      fill(random, mixtureY, 0, 2);
      fill(random, weights, 0, 1);
      fill(random, mixtureMu, 0, 2);
      fill(random, mixtureSigma, 0, 0.3); // log sigma: sigma within about [0.4, 2.5]

      y = new double[n];
      mu = new double[n];
      sigma = new double[n];
      gradMu = new double[n];
      gradSigma = new double[n];
      fill(random, y, 0, 1);
      fill(random, mu, 0, 1);
      fill(random, sigma, 0, 0.3); // log sigma

      ranking = new int[n];
      scores = new double[n];
      gradScores = new double[n];
      int[] permutation = new int[k];
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < k; j++) {
          permutation[j] = j;
        }
        for (int j = k - 1; j > 0; j--) { // Fisher-Yates: a full ranking of all K items
          int swap = random.nextInt(j + 1);
          int item = permutation[j];
          permutation[j] = permutation[swap];
          permutation[swap] = item;
        }
        System.arraycopy(permutation, 0, ranking, i * k, k);
      }
      fill(random, scores, 0, 1);

      // the ceiling must compute the same thing as the generated code
      double generated = CategoryLoss.lossAndGradient(Reduction.MEAN, label, logits, gradLogits);
      double[] expertGradient = new double[n];
      double expert = expertCategorical(label, logits, expertGradient, k, rows);
      check("loss", generated, expert);
      for (int i = 0; i < n; i++) {
        check("gradient", gradLogits[i], expertGradient[i]);
      }
      // and so must the textbook composition
      double naive = naiveCategorical(label, logits, expertGradient, k, rows);
      check("naive loss", generated, naive);
      for (int i = 0; i < n; i++) {
        check("naive gradient", gradLogits[i], expertGradient[i]);
      }
    }
  }

  /** Data for MULTIVARIATE_NORMAL with a packed Cholesky factor, D(D+1)/2 entries a row. */
  @State(Scope.Benchmark)
  public static class CholeskyRows {

    /** The dimension D. */
    @Param({"10", "100"})
    public int d;

    int rows;
    int calls;
    double[] y;
    double[] mu;
    double[] scaleTril;
    double[] gradMu;
    double[] gradScaleTril;

    @Setup(Level.Trial)
    public void setUp() {
      int triangle = d * (d + 1) / 2;
      // about 10^6 doubles a call (y, mu, the factor and the gradients): 10,000 rows for D = 10
      // (0.75 M), 200 rows for D = 100 (1.05 M)
      rows = d <= 10 ? 10_000 : 200;
      calls = ROWS_PER_INVOCATION / rows;
      if (calls * rows != ROWS_PER_INVOCATION) {
        throw new IllegalStateException("rows must divide " + ROWS_PER_INVOCATION);
      }
      Random random = new Random(SEED);
      y = new double[rows * d];
      mu = new double[rows * d];
      scaleTril = new double[rows * triangle];
      gradMu = new double[rows * d];
      gradScaleTril = new double[rows * triangle];
      fill(random, y, 0, 1);
      fill(random, mu, 0, 1);
      double offDiagonal = 0.3 / Math.sqrt(d);
      for (int r = 0; r < rows; r++) {
        int base = r * triangle;
        for (int i = 0; i < d; i++) {
          for (int j = 0; j <= i; j++) {
            // a diagonal entry is log L_ii; off-diagonals are L_ij themselves
            scaleTril[base + i * (i + 1) / 2 + j] =
                random.nextGaussian() * (i == j ? 0.1 : offDiagonal);
          }
        }
      }
    }
  }

  @Benchmark
  public double categoricalLossAndGradient(Rows data) {
    double loss = 0;
    for (int c = 0; c < data.calls; c++) {
      loss += CategoryLoss.lossAndGradient(Reduction.MEAN, data.label, data.logits, data.gradLogits);
    }
    return loss;
  }

  @Benchmark
  public double categoricalLoss(Rows data) {
    double loss = 0;
    for (int c = 0; c < data.calls; c++) {
      loss += CategoryLoss.loss(Reduction.MEAN, data.label, data.logits);
    }
    return loss;
  }

  /** The ceiling: a hand-written softmax cross-entropy with its gradient. */
  @Benchmark
  public double categoricalExpertLossAndGradient(Rows data) {
    double loss = 0;
    for (int c = 0; c < data.calls; c++) {
      loss += expertCategorical(data.label, data.logits, data.gradLogits, data.k, data.rows);
    }
    return loss;
  }

  /** The textbook composition: softmax probabilities, -log p[label], gradient p - onehot. */
  @Benchmark
  public double categoricalNaiveLossAndGradient(Rows data) {
    double loss = 0;
    for (int c = 0; c < data.calls; c++) {
      loss += naiveCategorical(data.label, data.logits, data.gradLogits, data.k, data.rows);
    }
    return loss;
  }

  @Benchmark
  public double mixtureLossAndGradient(Rows data) {
    double loss = 0;
    for (int c = 0; c < data.calls; c++) {
      loss +=
          MixtureHeadLoss.lossAndGradient(
              Reduction.MEAN,
              data.mixtureY,
              data.weights,
              data.mixtureMu,
              data.mixtureSigma,
              data.gradWeights,
              data.gradMixtureMu,
              data.gradMixtureSigma);
    }
    return loss;
  }

  @Benchmark
  public double diagonalLossAndGradient(Rows data) {
    double loss = 0;
    for (int c = 0; c < data.calls; c++) {
      loss +=
          DiagonalLoss.lossAndGradient(
              Reduction.MEAN, data.k, data.y, data.mu, data.sigma, data.gradMu, data.gradSigma);
    }
    return loss;
  }

  @Benchmark
  public double correlatedLossAndGradient(CholeskyRows data) {
    double loss = 0;
    for (int c = 0; c < data.calls; c++) {
      loss +=
          CorrelatedLoss.lossAndGradient(
              Reduction.MEAN,
              data.d,
              data.y,
              data.mu,
              data.scaleTril,
              data.gradMu,
              data.gradScaleTril);
    }
    return loss;
  }

  @Benchmark
  public double rankingLossAndGradient(Rows data) {
    double loss = 0;
    for (int c = 0; c < data.calls; c++) {
      loss +=
          RankingLoss.lossAndGradient(
              Reduction.MEAN, data.k, data.ranking, data.scores, data.gradScores);
    }
    return loss;
  }

  /**
   * What an expert writes by hand for mean softmax cross-entropy: per row a max pass, a sum-exp
   * pass and a gradient pass; a plain sum, no input checks.
   */
  static double expertCategorical(int[] label, double[] logits, double[] grad, int k, int rows) {
    final double scale = 1.0 / rows;
    double sum = 0;
    for (int i = 0; i < rows; i++) {
      final int base = i * k;
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, logits[base + j]);
      }
      double sumExp = 0;
      for (int j = 0; j < k; j++) {
        sumExp += Math.exp(logits[base + j] - max);
      }
      final double logNormalizer = max + Math.log(sumExp);
      for (int j = 0; j < k; j++) {
        grad[base + j] = scale * Math.exp(logits[base + j] - logNormalizer);
      }
      final int y = base + label[i];
      grad[y] -= scale;
      sum += logNormalizer - logits[y];
    }
    return sum * scale;
  }

  /**
   * The softmax cross-entropy a user composes from its textbook definition: per row the
   * probabilities p_j = exp(l_j - max) / sum_i exp(l_i - max), with the max shift that tutorials
   * on softmax include (one exponential per logit, stored in the gradient row, then one division
   * per logit); the NLL -log p[label] (a log of the probability, not logsumexp - l[label]); the
   * gradient (p - onehot(label)) / n. A plain sum, no input checks.
   */
  static double naiveCategorical(int[] label, double[] logits, double[] grad, int k, int rows) {
    double sum = 0;
    for (int i = 0; i < rows; i++) {
      final int base = i * k;
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, logits[base + j]);
      }
      double total = 0;
      for (int j = 0; j < k; j++) {
        double e = Math.exp(logits[base + j] - max);
        grad[base + j] = e;
        total += e;
      }
      for (int j = 0; j < k; j++) {
        grad[base + j] = grad[base + j] / total; // p_j
      }
      final int y = base + label[i];
      sum += -Math.log(grad[y]);
      for (int j = 0; j < k; j++) {
        grad[base + j] = (grad[base + j] - (base + j == y ? 1 : 0)) / rows;
      }
    }
    return sum / rows;
  }

  private static void fill(Random random, double[] column, double mean, double sd) {
    for (int i = 0; i < column.length; i++) {
      column[i] = mean + sd * random.nextGaussian();
    }
  }

  private static void check(String what, double generated, double expert) {
    if (!(Math.abs(generated - expert) <= 1e-9 * Math.max(1e-300, Math.abs(expert)) + 1e-15)) {
      throw new IllegalStateException(
          "expert and generated " + what + " differ: " + expert + " vs " + generated);
    }
  }
}
