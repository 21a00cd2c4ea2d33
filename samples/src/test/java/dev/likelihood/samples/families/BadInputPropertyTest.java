package dev.likelihood.samples.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.likelihood.runtime.ParallelBatch;
import dev.likelihood.runtime.Reduction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * SPEC's "Bad input" at run time, family by family.
 *
 * <ul>
 *   <li>An observation outside the support (and a known parameter or weight outside its domain)
 *       throws {@code IllegalArgumentException} naming the component, the value and, in a batch,
 *       the absolute row: also inside a {@code [from, to)} slice and on a {@code ForkJoinPool}
 *       (the bad row sits in the third chunk); a slice that leaves the row out does not throw.
 *   <li>Every record: a column one row short, or a gradient column one row short, throws naming
 *       the column and both sizes; a vector of one sample one entry longer than the others throws
 *       naming it and both widths.
 *   <li>Every record: non-finite eta (and offset), NaN or +-Infinity, throws nothing anywhere; NaN
 *       gives a NaN NLL and a NaN batch loss, and leaves the other rows' gradients as they were.
 * </ul>
 */
class BadInputPropertyTest {

  private static final ForkJoinPool POOL = new ForkJoinPool(4);
  private static final Map<String, LossCase> CASES =
      FamilyCases.all().stream().collect(Collectors.toMap(c -> c.name, Function.identity()));

  @AfterAll
  static void shutDown() {
    POOL.shutdown();
  }

  // ---- observations outside the support, per family ----

  /** One bad value: the record, the component, the value (an entry of a vector: entry >= 0). */
  private record Bad(String record, String component, int entry, Object value, String shown) {
    @Override
    public String toString() {
      return record + "." + component + (entry >= 0 ? "[" + entry + "]" : "") + " = " + value;
    }
  }

  private static Bad bad(String record, String component, Object value) {
    return new Bad(record, component, -1, value, " = " + value);
  }

  private static Bad badEntry(String record, String component, int entry, double value) {
    return new Bad(record, component, entry, value, ", entry " + entry + " = " + value);
  }

  private static final double NAN = Double.NaN;
  private static final double INF = Double.POSITIVE_INFINITY;

  static List<Bad> badValues() {
    List<Bad> list = new ArrayList<>();
    for (double y : new double[] {NAN, INF, -INF}) {
      // the real-line families: y must be finite
      for (String r : List.of("NormalWeightedOffset", "Price", "LaplaceLogScale", "StudentTNuParam", "StudentTWeighted",
          "VonMises", "HuberDefaultDelta", "LogCosh", "Mixture")) {
        list.add(bad(r, r.equals("Price") ? "price" : "y", y));
      }
    }
    for (double y : new double[] {0.0, -1.0, -Double.MIN_VALUE, NAN, INF}) {
      for (String r : List.of("LogNormalLogSigma", "GammaLog", "GammaOffsetWeighted", "InverseGaussianLog")) {
        list.add(bad(r, "y", y));
      }
    }
    for (double y : new double[] {-1e-300, -1.0, NAN, INF}) {
      list.add(bad("ExponentialLog", "y", y));
      list.add(bad("ExponentialExposure", "y", y));
    }
    for (double y : new double[] {0.0, 1.0, -0.5, 1.5, NAN}) {
      list.add(bad("BetaLogit", "y", y));
      list.add(bad("BetaOffsetWeighted", "y", y));
    }
    list.add(bad("PoissonLogInt", "y", -1));
    list.add(bad("PoissonLog", "y", -0.5));
    list.add(bad("PoissonLog", "y", NAN));
    list.add(bad("PoissonLog", "y", INF));
    list.add(bad("WeightedCount", "count", -2L));
    list.add(bad("CallVolume", "calls", -1));
    list.add(bad("PoissonExposureWeighted", "y", Long.MIN_VALUE));
    list.add(bad("Label", "label", 2));
    list.add(bad("Label", "label", -1));
    list.add(bad("BernoulliProbitInt", "y", 2));
    list.add(bad("BernoulliLogit", "y", 1.5));
    list.add(bad("BernoulliLogit", "y", -0.25));
    list.add(bad("BernoulliLogit", "y", NAN));
    list.add(bad("BernoulliSoftWeighted", "y", 1.0000000000000002));
    list.add(bad("BinomialKnownTrials", "y", -1));
    list.add(bad("BinomialTwenty", "y", 21));
    list.add(bad("BinomialTwenty", "y", -1));
    list.add(bad("BinomialProbitTwenty", "y", Integer.MAX_VALUE));
    list.add(bad("BinomialCloglogTwoBillion", "y", -5));
    list.add(bad("NegativeBinomial", "y", -1));
    list.add(bad("NegativeBinomialLong", "y", -3L));
    list.add(bad("NegativeBinomialSizeFirst", "y", -1L));
    list.add(bad("NegativeBinomialExposure", "y", -7L));
    list.add(bad("HingeInt", "y", 0));
    list.add(bad("HingeInt", "y", 2));
    list.add(bad("HingeWeighted", "y", -2));
    list.add(bad("FocalInt", "y", 2));
    list.add(bad("FocalAlphaQuarter", "y", -1));
    list.add(bad("UncertainBernoulliInt", "y", 2));
    list.add(bad("UncertainBernoulliOffsetWeighted", "y", -1));
    list.add(bad("CategoricalLabel", "label", 3)); // K = 3 in these batches
    list.add(bad("CategoricalLabel", "label", -1));
    list.add(bad("CategoricalSmoothed", "label", 7));
    list.add(bad("CategoricalWeighted", "label", 3));
    list.add(badEntry("CategoricalSoft", "target", 1, 1.5));
    list.add(badEntry("CategoricalSoft", "target", 0, -0.5));
    list.add(badEntry("CategoricalSoftWeighted", "target", 2, NAN));
    list.add(badEntry("MvnDiagonal", "y", 1, NAN));
    list.add(badEntry("MvnCholesky", "y", 2, -INF));
    list.add(badEntry("MvnUnit", "y", 0, INF));
    // known parameters and weights outside their domain
    list.add(bad("NormalIdentityMuKnownSigma", "sigma", 0.0));
    list.add(bad("NormalIdentityMuKnownSigma", "sigma", -1.0));
    list.add(bad("LogNormalKnownSigma", "sigma", NAN));
    list.add(bad("StudentTKnownSigma", "sigma", -2.0));
    list.add(bad("BinomialKnownTrials", "trials", 0));
    // (trials < 0 with y = 0 is reported as y outside [0, trials]: the support check comes first)
    list.add(bad("BinomialOffsetWeighted", "trials", 0));
    for (String r : List.of("NormalWeightedOffset", "WeightedCount", "HingeWeighted", "CategoricalWeighted",
        "MixtureWeighted", "RankingWeighted", "MvnCholeskyWeighted")) {
      list.add(bad(r, r.equals("CategoricalWeighted") ? "weight" : "w", -1.0));
      list.add(bad(r, r.equals("CategoricalWeighted") ? "weight" : "w", NAN));
    }
    return list;
  }

  @TestFactory
  Stream<DynamicTest> observationsOutsideTheSupportAreRejected() {
    return badValues().stream().map(b -> DynamicTest.dynamicTest(b.toString(), () -> rejects(b)));
  }

  /** A valid row of the case with the bad value put in (copies, never the row's own arrays). */
  private static Object[] spoil(LossCase c, Object[] row, Bad b) {
    Object[] copy = row.clone();
    int component = Arrays.asList(c.names).indexOf(b.component());
    assertTrue(component >= 0, c.name + " has no component " + b.component());
    if (b.entry() >= 0) {
      double[] v = ((double[]) row[component]).clone();
      v[b.entry()] = (Double) b.value();
      copy[component] = v;
    } else {
      copy[component] = b.value();
    }
    return copy;
  }

  private static void rejects(Bad b) {
    LossCase c = CASES.get(b.record());
    assertTrue(c != null, "no case " + b.record());
    Random random = c.random("bad " + b);
    int n = 3 * ParallelBatch.CHUNK_ROWS + 50;
    List<Object[]> rows = c.rows(random, n, false, 3);
    int row = 2 * ParallelBatch.CHUNK_ROWS + 17 + random.nextInt(100);
    Object[] spoilt = spoil(c, rows.get(row), b);
    if (b.component().equals("trials")) {
      spoilt[0] = 0; // y = 0 is within [0, trials] for any trials: the trials are what is wrong
    }
    rows.set(row, spoilt);
    String single = "'" + b.component() + "'" + b.shown();
    String inBatch = "'" + b.component() + "' at row " + row + b.shown();
    expect(single, () -> c.nll(spoilt));
    expect(single, () -> c.nllAndGradient(spoilt, new double[c.gradientSize(spoilt)], 0));
    expect(single, () -> c.instanceNll(spoilt));
    expect(single, () -> c.instanceNllAndGradient(spoilt, new double[c.gradientSize(spoilt)], 0));
    LossCase.Batch batch = c.batch(rows);
    for (ForkJoinPool pool : new ForkJoinPool[] {null, POOL}) {
      for (Reduction reduction : Reduction.values()) {
        expect(inBatch, () -> c.loss(pool, reduction, 0, n, batch));
        expect(inBatch, () -> c.lossAndGradient(pool, reduction, 0, n, batch, batch.gradients(0)));
        expect(inBatch, () -> c.loss(pool, reduction, row - 5, row + 6, batch));
        expect(inBatch, () -> c.lossAndGradient(pool, reduction, 1000, row + 1, batch, batch.gradients(0)));
        // the row is not read outside its slice
        c.loss(pool, reduction, 0, row, batch);
        c.lossAndGradient(pool, reduction, row + 1, n, batch, batch.gradients(0));
      }
    }
  }

  private static void expect(String fragment, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, "expected " + fragment);
    assertTrue(e.getMessage().contains(fragment), "the message should contain [" + fragment + "]: " + e.getMessage());
  }

  // ---- rankings ----

  @TestFactory
  Stream<DynamicTest> invalidRankingsAreRejected() {
    LossCase c = CASES.get("RankingWeighted");
    // K = 4 items: (ranking, the value the message names)
    Object[][] rankings = {
        {new int[] {0, 2, 2, 1}, " = 2"}, // a repeat
        {new int[] {0, 4, 1}, " = 4"}, // out of range
        {new int[] {3, -2}, " = -2"}, // negative, not the -1 padding
        {new int[] {1, -1, 0}, " = 0"}, // after the padding
        {new int[] {0, 1, 2, 3, 0}, " has 5 ranking slots but there are 4 items"}, // too many slots
    };
    return Arrays.stream(rankings).map(bad -> DynamicTest.dynamicTest(Arrays.toString((int[]) bad[0]), () -> {
      Random random = c.random("ranking");
      Object[] row = {bad[0], FamilyCases.normals(random, 4, 1), 1.0};
      String shown = (String) bad[1];
      expect("'ranking'" + shown, () -> c.nll(row));
      expect("'ranking'" + shown, () -> c.nllAndGradient(row, new double[4], 0));
      expect("'ranking'" + shown, () -> c.instanceNll(row));
      if (((int[]) bad[0]).length > 4) {
        return; // a batch's rankings are K wide by construction
      }
      int n = 3 * ParallelBatch.CHUNK_ROWS + 9;
      List<Object[]> rows = c.rows(random, n, false, 4);
      int at = 3 * ParallelBatch.CHUNK_ROWS + 3;
      rows.set(at, row);
      LossCase.Batch batch = c.batch(rows);
      for (ForkJoinPool pool : new ForkJoinPool[] {null, POOL}) {
        expect("'ranking' at row " + at + shown, () -> c.loss(pool, Reduction.SUM, 0, n, batch));
        expect("'ranking' at row " + at + shown, () -> c.lossAndGradient(pool, Reduction.MEAN, 7, at + 1, batch, batch.gradients(0)));
        c.loss(pool, Reduction.SUM, at + 1, n, batch);
      }
    }));
  }

  // ---- shapes, for every record ----

  @TestFactory
  Stream<DynamicTest> mismatchedLengthsNameTheColumnAndBothSizes() {
    return FamilyCases.all().stream().map(c -> DynamicTest.dynamicTest(c.name, () -> {
      Random random = c.random("lengths");
      int n = 5;
      List<Object[]> rows = c.rows(random, n, false, 3);
      LossCase.Batch batch = c.batch(rows);
      int[] params = c.paramComponents();
      for (int col = 0; col < c.names.length; col++) {
        if (c.roles.charAt(col) == 'y') {
          continue; // the response defines the rows
        }
        Object[] columns = batch.columns.clone();
        int full = java.lang.reflect.Array.getLength(columns[col]);
        int shorter = full - batch.widths[col];
        columns[col] = truncate(columns[col], shorter);
        String name = c.names[col];
        for (Executable call : List.<Executable>of(
            () -> c.loss(null, Reduction.SUM, 0, n, batch, columns),
            () -> c.lossAndGradient(null, Reduction.MEAN, 0, n, batch, columns, batch.gradients(0)),
            () -> c.loss(POOL, Reduction.MEAN, 1, 3, batch, columns))) {
          IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, c.name + " column " + name);
          String message = e.getMessage();
          assertTrue(message.contains("'" + name + "'") && message.contains(" " + shorter + " ")
              && (message.contains(" " + full) || message.contains(" " + n + " ")),
              c.name + ": column '" + name + "' of " + shorter + " entries for " + full + ": " + message);
        }
      }
      for (int p = 0; p < params.length; p++) {
        double[][] grads = batch.gradients(0);
        int full = grads[p].length;
        grads[p] = new double[full - batch.widths[params[p]]];
        String name = "grad" + Character.toUpperCase(c.names[params[p]].charAt(0)) + c.names[params[p]].substring(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> c.lossAndGradient(null, Reduction.SUM, 0, n, batch, grads), c.name + " " + name);
        assertTrue(e.getMessage().contains("'" + name + "'") && e.getMessage().contains(" " + grads[p].length + " ")
            && (e.getMessage().contains(" " + full) || e.getMessage().contains(" " + n + " ")), c.name + ": " + e.getMessage());
      }
      // one sample's vectors of different widths
      Object[] row = rows.get(0);
      long vectors = Arrays.stream(row).filter(v -> v instanceof double[] || v instanceof int[]).count();
      boolean ranked = Arrays.stream(row).anyMatch(v -> v instanceof int[]);
      for (int col = 0; col < row.length && vectors > 1; col++) {
        if (row[col] instanceof double[] && !ranked) { // K scores and a shorter ranking are valid
          double[] v = (double[]) row[col];
          Object[] longer = row.clone();
          longer[col] = Arrays.copyOf(v, v.length + 1);
          expectWidths(c, longer, c.names[col], v.length + 1, v.length);
        } else if (row[col] instanceof int[]) {
          int k = batch.width;
          Object[] longer = row.clone();
          int[] ranking = new int[k + 1];
          Arrays.fill(ranking, -1);
          longer[col] = ranking;
          expectWidths(c, longer, c.names[col], k + 1, k);
        }
      }
    }));
  }

  private static void expectWidths(LossCase c, Object[] row, String name, int longer, int others) {
    for (Executable call : List.<Executable>of(() -> c.nll(row),
        () -> c.nllAndGradient(row, new double[c.gradientSize(row) + 3], 0), () -> c.instanceNll(row))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, c.name + " " + name);
      String message = e.getMessage();
      assertTrue(message.contains(" " + longer) && message.contains(" " + others)
          && (message.contains("'" + name + "'")), c.name + ": '" + name + "' " + longer + " wide: " + message);
    }
  }

  private static Object truncate(Object column, int length) {
    if (column instanceof double[]) {
      return Arrays.copyOf((double[]) column, length);
    } else if (column instanceof int[]) {
      return Arrays.copyOf((int[]) column, length);
    } else if (column instanceof long[]) {
      return Arrays.copyOf((long[]) column, length);
    }
    return Arrays.copyOf((boolean[]) column, length);
  }

  // ---- non-finite eta, for every record ----

  @TestFactory
  Stream<DynamicTest> nonFiniteEtaPropagatesWithoutThrowing() {
    return FamilyCases.all().stream().map(c -> DynamicTest.dynamicTest(c.name, () -> {
      Random random = c.random("non-finite");
      for (int t = 0; t < 4; t++) {
        int n = 7;
        List<Object[]> rows = c.rows(random, n, t % 2 == 1, 1 + random.nextInt(4));
        int at = 3;
        for (int col = 0; col < c.names.length; col++) {
          char role = c.roles.charAt(col);
          if (role != 'p' && role != 'o') {
            continue;
          }
          int width = LossCase.width(rows.get(at)[col]);
          for (double eta : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            int entry = random.nextInt(width);
            Object[] row = LossCase.with(rows.get(at), col, entry, eta);
            String what = c.name + " " + c.names[col] + (width > 1 || row[col] instanceof double[] ? "[" + entry + "]" : "")
                + " = " + eta + ": " + c.describe(row);
            double nll;
            try {
              nll = c.nll(row);
              double[] grad = new double[c.gradientSize(row)];
              assertEquals(nll, c.nllAndGradient(row, grad, 0), 0.0, what);
              assertEquals(nll, c.instanceNll(row), 0.0, what);
              List<Object[]> spoilt = new ArrayList<>(rows);
              spoilt.set(at, row);
              LossCase.Batch batch = c.batch(spoilt);
              LossCase.Batch clean = c.batch(rows);
              double[][] g = batch.gradients(0);
              double[][] expected = clean.gradients(0);
              double sum = c.lossAndGradient(null, Reduction.SUM, 0, n, batch, g);
              c.lossAndGradient(null, Reduction.SUM, 0, n, clean, expected);
              if (Double.isNaN(nll)) {
                assertTrue(Double.isNaN(sum), "a NaN row makes the SUM NaN: " + what + " gave " + sum);
              } else if (Double.isInfinite(nll)) {
                assertEquals(nll, sum, 0.0, what);
              }
              c.loss(POOL, Reduction.MEAN, 0, n, batch);
              for (int p = 0; p < g.length; p++) {
                int w = g[p].length / n;
                for (int x = 0; x < g[p].length; x++) {
                  if (x / w != at) {
                    assertEquals(expected[p][x], g[p][x], 0.0, "row " + x / w + " is another row's: " + what);
                  }
                }
              }
            } catch (RuntimeException e) {
              throw new AssertionError("non-finite eta must not throw: " + what, e);
            }
            boolean emptyRanking = Arrays.stream(row).anyMatch(v -> v instanceof int[] && ((int[]) v).length == 0);
            if (Double.isNaN(eta) && !emptyRanking) { // an empty ranking has probability 1 whatever the scores (NLL 0)
              assertTrue(Double.isNaN(nll), "NaN eta gives a NaN NLL: " + what + " gave " + nll);
            }
          }
        }
      }
    }));
  }

  static {
    if (CASES.size() != FamilyCases.all().size()) {
      fail("two cases share a name");
    }
  }
}
