package dev.likelihood.samples.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code fisherWeight} against the expectation it stands for, computed here from the generated
 * per-sample methods over the response (offset 0, weight 1):
 * <ul>
 *   <li>a count or binary response: the exact sum over the support of p(y) d2 nll/d eta2, with
 *       p(y) = exp(-nll(y)) (checked to sum to 1), up to where the remaining mass is below 1e-16
 *       (a Poisson's truncated sum), and also of p(y) (d nll/d eta)^2;
 *   <li>a continuous response: the integral of p(y) (d nll/d eta)^2 (the score's variance, which
 *       also holds for LAPLACE, whose second derivative is 0 almost everywhere) by
 *       double-exponential quadrature, the density checked to integrate to 1 (HUBER's pieces
 *       split at the kinks of its clipped score).
 * </ul>
 * Both at sensible rows and, for the binary links, at logits of +-30 and +-800, where the
 * weight must be the tiny positive (or 0 where it underflows) number the sum gives, never NaN.
 */
class FisherWeightTest {

  private static final int ROWS = 16;
  /** The most terms a discrete expectation may take. */
  private static final long MAX_TERMS = 20_000;


  @Test
  void singleParameterRecordsOfTheClosedFormFamiliesHaveAFisherWeight() {
    Set<String> with = new TreeSet<>();
    FamilyCases.all().stream().filter(c -> c.fisherWeight != null).forEach(c -> with.add(c.name));
    for (String name : new String[] {"BernoulliLogit", "BernoulliProbitInt", "BernoulliCloglogBoolean",
        "BernoulliLoglogBoolean", "BernoulliCauchitBoolean", "PoissonLog", "ExponentialLog", "LaplaceDefaultScale", "LogCosh", "GammaShape3",
        "StudentTNu4DefaultSigma", "BinomialKnownTrials", "NegativeBinomialSize35", "InverseGaussianShape2",
        "VonMisesKappa15", "HuberDefaultDelta", "HuberDelta05", "HuberDelta3"}) {
      assertTrue(with.contains(name), name + " has no fisherWeight: " + with);
    }
    assertTrue(FamilyCases.all().stream().filter(c -> c.paramComponents().length != 1)
        .noneMatch(c -> c.fisherWeight != null), "a record with several parameters has a fisherWeight");
  }

  @TestFactory
  Stream<DynamicTest> fisherWeightIsTheExpectedInformation() {
    return FamilyCases.all().stream()
        // not a pmf with dropped constants; 2e9 trials are beyond enumeration (the same derivation
        // is checked with known trials)
        .filter(c -> c.fisherWeight != null && !c.name.contains("Dropped") && !c.name.contains("TwoBillion"))
        .map(c -> DynamicTest.dynamicTest(c.name, () -> check(c)));
  }

  private static void check(LossCase c) {
    Random random = c.random("fisher");
    int y = c.roles.indexOf('y');
    int eta = c.roles.indexOf('p');
    boolean discrete = c.types[y] != double.class || c.name.contains("Bernoulli") || c.name.contains("Poisson")
        || c.name.equals("Label") || c.name.equals("WeightedCount");
    int checked = 0;
    for (int t = 0; t < 4 * ROWS && checked < ROWS; t++) {
      Object[] row = neutral(c, c.row(random, false, 1));
      if (c.types[y] == boolean.class || c.name.contains("Bernoulli") || c.name.equals("Label")) {
        double[] logits = {-800, -30, 30, 800};
        if (t < logits.length) {
          row[eta] = logits[t];
        }
      }
      double weight = c.fisherWeight(row);
      String where = c.describe(row) + ": fisherWeight " + weight;
      assertTrue(weight >= 0, where);
      double[] expected = discrete ? discreteExpectations(c, row) : continuousExpectation(c, row);
      if (expected == null) {
        continue; // the quadrature did not capture the density (a scale far from 1): try another row
      }
      double tolerance = discrete ? 1e-11 : 1e-7;
      for (double e : expected) {
        assertEquals(e, weight, tolerance * Math.abs(e) + Double.MIN_NORMAL, where);
      }
      checked++;
    }
    assertTrue(checked >= ROWS / 2, c.name + ": only " + checked + " rows checked");
  }

  /** Offset 0, weight 1: fisherWeight knows neither. */
  private static Object[] neutral(LossCase c, Object[] row) {
    Object[] copy = row.clone();
    for (int k = 0; k < copy.length; k++) {
      if (c.roles.charAt(k) == 'o') {
        copy[k] = 0.0;
      } else if (c.roles.charAt(k) == 'w') {
        copy[k] = 1.0;
      }
    }
    return copy;
  }

  /** E[d2 nll/d eta2] and E[(d nll/d eta)^2] summed over the support, or null if it does not end. */
  private static double[] discreteExpectations(LossCase c, Object[] row) {
    int y = c.roles.indexOf('y');
    double mass = 0;
    double hessian = 0;
    double score = 0;
    double[] g = new double[1];
    double[] h = new double[1];
    for (long k = 0; ; k++) {
      if (k > MAX_TERMS) {
        return null; // a support too wide to enumerate here: another row
      }
      Object[] at = row.clone();
      at[y] = response(c.types[y], k);
      if (at[y] == null) {
        break;
      }
      double nll;
      try {
        nll = c.nllGradientHessian(at, g, h);
      } catch (IllegalArgumentException outsideSupport) {
        break;
      }
      double p = Math.exp(-nll);
      if (p == 0) {
        continue; // an impossible label, whose derivatives may be infinite (exp(800) at y = 0)
      }
      mass += p;
      hessian += p * h[0];
      score += p * g[0] * g[0];
      if (k > 0 && 1 - mass < 1e-16 && p < 1e-300) {
        break;
      }
    }
    assertEquals(1.0, mass, 1e-12, "the pmf sums to " + mass + ": " + c.describe(row));
    return new double[] {hessian, score};
  }

  private static Object response(Class<?> type, long k) {
    if (type == boolean.class) {
      return k <= 1 ? Boolean.valueOf(k == 1) : null;
    }
    if (type == int.class) {
      return (int) k;
    }
    if (type == long.class) {
      return k;
    }
    return (double) k;
  }

  /**
   * E[(d nll/d eta)^2] by double-exponential (exp-sinh) quadrature: y = exp(pi/2 sinh t) on
   * (0, inf), and on the real line y = m +- exp(pi/2 sinh t) on each side of the location m (the
   * row's eta: the real-line cases here have the identity link), so that LAPLACE's kink is an
   * end point; step 1/256 over t in [-6, 6]; null unless the density integrates to 1 within 1e-10.
   */
  private static double[] continuousExpectation(LossCase c, Object[] row) {
    int y = c.roles.indexOf('y');
    boolean positive;
    try {
      Object[] at = row.clone();
      at[y] = -1.0;
      c.nll(at);
      positive = false;
    } catch (IllegalArgumentException outsideSupport) {
      positive = true;
    }
    double step = 1.0 / 256;
    double mass = 0;
    double score = 0;
    double[] g = new double[1];
    if (c.name.startsWith("VonMises")) {
      // an angle: one period around mu, where the trapezoidal rule is spectrally accurate
      double mu = (Double) row[c.roles.indexOf('p')];
      int n = 2048;
      for (int i = 0; i < n; i++) {
        Object[] at = row.clone();
        at[y] = mu - Math.PI + 2 * Math.PI * i / n;
        double p = Math.exp(-c.nllAndGradient(at, g, 0)) * 2 * Math.PI / n;
        mass += p;
        score += p * g[0] * g[0];
      }
      return Math.abs(mass - 1) < 1e-10 ? new double[] {score} : null;
    }
    double center = positive ? 0 : (Double) row[c.roles.indexOf('p')];
    // HUBER's score is clipped at +-delta, with kinks at center +- delta: those become end points
    // too, the middle integrated by tanh-sinh and the tails by exp-sinh from the kinks
    double kink = c.name.startsWith("Huber") ? clippedScore(c, row, center) : 0;
    if (kink > 0) {
      for (double t = -6; t <= 6; t += step) {
        double u = Math.PI / 2 * Math.sinh(t);
        double x = center + kink * Math.tanh(u);
        double dx = kink * Math.PI / 2 * Math.cosh(t) / (Math.cosh(u) * Math.cosh(u));
        if (!Double.isFinite(dx) || dx == 0) {
          continue;
        }
        Object[] at = row.clone();
        at[y] = x;
        double p = Math.exp(-c.nllAndGradient(at, g, 0)) * dx * step;
        mass += p;
        score += p * g[0] * g[0];
      }
    }
    for (int side : positive ? new int[] {1} : new int[] {1, -1}) {
      for (double t = -6; t <= 6; t += step) {
        double d = Math.exp(Math.PI / 2 * Math.sinh(t));
        double dx = d * Math.PI / 2 * Math.cosh(t);
        double x = center + side * (kink + d);
        if (!Double.isFinite(x) || !Double.isFinite(dx) || (positive && x == 0)) {
          continue;
        }
        Object[] at = row.clone();
        at[y] = x;
        double nll = c.nllAndGradient(at, g, 0);
        double p = Math.exp(-nll) * dx * step;
        if (p == 0 || !Double.isFinite(p)) {
          continue;
        }
        mass += p;
        score += p * g[0] * g[0];
      }
    }
    return Math.abs(mass - 1) < 1e-10 ? new double[] {score} : null;
  }

  /** delta of a clipped (Huber) score: |d nll/d eta| far out in the linear tail. */
  private static double clippedScore(LossCase c, Object[] row, double center) {
    Object[] at = row.clone();
    at[c.roles.indexOf('y')] = center + 1e3;
    double[] g = new double[1];
    c.nllAndGradient(at, g, 0);
    return Math.abs(g[0]);
  }
}
