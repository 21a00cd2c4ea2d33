package dev.likelihood.samples.reference;

import dev.likelihood.runtime.LikelihoodLoss;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generated loss of every reference record, seen through the columns of the reference CSVs:
 * {@code y, eta1, eta2}. For a known sigma {@code eta2} holds sigma itself; where the record has
 * no second component it is ignored. Keys are {@code FAMILY/link1/link2/mode2/response}, the
 * response being the Java type of the record's {@code @Response}.
 *
 * <p>The records whose link on sigma or rate draws the processor's warning are registered by
 * {@link WarnLinkAdapters}, so they can be left out in one place.
 */
final class ReferenceAdapters {

  /** A one-sample NLL in the CSV's columns. */
  @FunctionalInterface
  interface Nll {
    double at(double y, double eta1, double eta2);
  }

  /** A one-sample NLL and gradient in the CSV's columns. */
  @FunctionalInterface
  interface NllAndGradient {
    double at(double y, double eta1, double eta2, double[] grad, int offset);
  }

  /** Builds a record from the CSV's columns. */
  @FunctionalInterface
  interface Sample<T> {
    T of(double y, double eta1, double eta2);
  }

  /**
   * One generated class: its static {@code nll} and {@code nllAndGradient}, and the same through
   * {@code INSTANCE} on a record instance.
   *
   * @param gradients how many entries {@code nllAndGradient} writes (one per {@code @Param})
   */
  record Adapter(
      String key,
      int gradients,
      Nll nll,
      NllAndGradient nllAndGradient,
      Nll instanceNll,
      NllAndGradient instanceNllAndGradient) {}

  private static final Map<String, Adapter> ALL = build();

  private ReferenceAdapters() {}

  /** The adapter for a CSV row's combination and response type, or null. */
  static Adapter find(String family, String link1, String link2, String mode2, String response) {
    return ALL.get(key(family, link1, link2, mode2, response));
  }

  static String key(String family, String link1, String link2, String mode2, String response) {
    return family + "/" + link1 + "/" + link2 + "/" + mode2 + "/" + response;
  }

  static Map<String, Adapter> all() {
    return ALL;
  }

  static <T> void put(
      Map<String, Adapter> map,
      String key,
      int gradients,
      Nll nll,
      NllAndGradient nllAndGradient,
      LikelihoodLoss<T> instance,
      Sample<T> sample) {
    Adapter adapter =
        new Adapter(
            key,
            gradients,
            nll,
            nllAndGradient,
            (y, a, b) -> instance.nll(sample.of(y, a, b)),
            (y, a, b, g, o) -> instance.nllAndGradient(sample.of(y, a, b), g, o));
    if (map.put(key, adapter) != null) {
      throw new IllegalStateException("two adapters for " + key);
    }
  }

  private static Map<String, Adapter> build() {
    Map<String, Adapter> map = new TreeMap<>();
    normal(map);
    bernoulli(map);
    poisson(map);
    WarnLinkAdapters.register(map);
    return map;
  }

  private static void normal(Map<String, Adapter> map) {
    put(map, "NORMAL/IDENTITY/LOG/param/double", 2,
        (y, a, b) -> NormalIdentityMuLogSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalIdentityMuLogSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalIdentityMuLogSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalIdentityMuLogSigma(y, a, b));
    put(map, "NORMAL/IDENTITY/SOFTPLUS/param/double", 2,
        (y, a, b) -> NormalIdentityMuSoftplusSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalIdentityMuSoftplusSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalIdentityMuSoftplusSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalIdentityMuSoftplusSigma(y, a, b));
    put(map, "NORMAL/IDENTITY//known/double", 1,
        (y, a, b) -> NormalIdentityMuKnownSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalIdentityMuKnownSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalIdentityMuKnownSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalIdentityMuKnownSigma(y, a, b));
    put(map, "NORMAL/IDENTITY//default/double", 1,
        (y, a, b) -> NormalIdentityMuDefaultSigmaLoss.nll(y, a),
        (y, a, b, g, o) -> NormalIdentityMuDefaultSigmaLoss.nllAndGradient(y, a, g, o),
        NormalIdentityMuDefaultSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalIdentityMuDefaultSigma(y, a));
    put(map, "NORMAL/LOG/LOG/param/double", 2,
        (y, a, b) -> NormalLogMuLogSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalLogMuLogSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalLogMuLogSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalLogMuLogSigma(y, a, b));
    put(map, "NORMAL/LOG/SOFTPLUS/param/double", 2,
        (y, a, b) -> NormalLogMuSoftplusSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalLogMuSoftplusSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalLogMuSoftplusSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalLogMuSoftplusSigma(y, a, b));
    put(map, "NORMAL/LOG//known/double", 1,
        (y, a, b) -> NormalLogMuKnownSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalLogMuKnownSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalLogMuKnownSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalLogMuKnownSigma(y, a, b));
    put(map, "NORMAL/LOG//default/double", 1,
        (y, a, b) -> NormalLogMuDefaultSigmaLoss.nll(y, a),
        (y, a, b, g, o) -> NormalLogMuDefaultSigmaLoss.nllAndGradient(y, a, g, o),
        NormalLogMuDefaultSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalLogMuDefaultSigma(y, a));
    put(map, "NORMAL/INVERSE/LOG/param/double", 2,
        (y, a, b) -> NormalInverseMuLogSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalInverseMuLogSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalInverseMuLogSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalInverseMuLogSigma(y, a, b));
    put(map, "NORMAL/INVERSE/SOFTPLUS/param/double", 2,
        (y, a, b) -> NormalInverseMuSoftplusSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalInverseMuSoftplusSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalInverseMuSoftplusSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalInverseMuSoftplusSigma(y, a, b));
    put(map, "NORMAL/INVERSE//known/double", 1,
        (y, a, b) -> NormalInverseMuKnownSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalInverseMuKnownSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalInverseMuKnownSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalInverseMuKnownSigma(y, a, b));
    put(map, "NORMAL/INVERSE//default/double", 1,
        (y, a, b) -> NormalInverseMuDefaultSigmaLoss.nll(y, a),
        (y, a, b, g, o) -> NormalInverseMuDefaultSigmaLoss.nllAndGradient(y, a, g, o),
        NormalInverseMuDefaultSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalInverseMuDefaultSigma(y, a));
    put(map, "NORMAL/SOFTPLUS/LOG/param/double", 2,
        (y, a, b) -> NormalSoftplusMuLogSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalSoftplusMuLogSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalSoftplusMuLogSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalSoftplusMuLogSigma(y, a, b));
    put(map, "NORMAL/SOFTPLUS/SOFTPLUS/param/double", 2,
        (y, a, b) -> NormalSoftplusMuSoftplusSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalSoftplusMuSoftplusSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalSoftplusMuSoftplusSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalSoftplusMuSoftplusSigma(y, a, b));
    put(map, "NORMAL/SOFTPLUS//known/double", 1,
        (y, a, b) -> NormalSoftplusMuKnownSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalSoftplusMuKnownSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalSoftplusMuKnownSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalSoftplusMuKnownSigma(y, a, b));
    put(map, "NORMAL/SOFTPLUS//default/double", 1,
        (y, a, b) -> NormalSoftplusMuDefaultSigmaLoss.nll(y, a),
        (y, a, b, g, o) -> NormalSoftplusMuDefaultSigmaLoss.nllAndGradient(y, a, g, o),
        NormalSoftplusMuDefaultSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalSoftplusMuDefaultSigma(y, a));
    put(map, "NORMAL/SQRT/LOG/param/double", 2,
        (y, a, b) -> NormalSqrtMuLogSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalSqrtMuLogSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalSqrtMuLogSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalSqrtMuLogSigma(y, a, b));
    put(map, "NORMAL/SQRT/SOFTPLUS/param/double", 2,
        (y, a, b) -> NormalSqrtMuSoftplusSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalSqrtMuSoftplusSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalSqrtMuSoftplusSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalSqrtMuSoftplusSigma(y, a, b));
    put(map, "NORMAL/SQRT//known/double", 1,
        (y, a, b) -> NormalSqrtMuKnownSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalSqrtMuKnownSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalSqrtMuKnownSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalSqrtMuKnownSigma(y, a, b));
    put(map, "NORMAL/SQRT//default/double", 1,
        (y, a, b) -> NormalSqrtMuDefaultSigmaLoss.nll(y, a),
        (y, a, b, g, o) -> NormalSqrtMuDefaultSigmaLoss.nllAndGradient(y, a, g, o),
        NormalSqrtMuDefaultSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalSqrtMuDefaultSigma(y, a));
  }

  private static void bernoulli(Map<String, Adapter> map) {
    put(map, "BERNOULLI/LOGIT//none/double", 1,
        (y, a, b) -> BernoulliLogitLoss.nll(y, a),
        (y, a, b, g, o) -> BernoulliLogitLoss.nllAndGradient(y, a, g, o),
        BernoulliLogitLoss.INSTANCE,
        (y, a, b) -> new BernoulliLogit(y, a));
    put(map, "BERNOULLI/LOGIT//none/boolean", 1,
        (y, a, b) -> BernoulliLogitBooleanLoss.nll(y != 0.0, a),
        (y, a, b, g, o) -> BernoulliLogitBooleanLoss.nllAndGradient(y != 0.0, a, g, o),
        BernoulliLogitBooleanLoss.INSTANCE,
        (y, a, b) -> new BernoulliLogitBoolean(y != 0.0, a));
    put(map, "BERNOULLI/LOGIT//none/int", 1,
        (y, a, b) -> BernoulliLogitIntLoss.nll((int) y, a),
        (y, a, b, g, o) -> BernoulliLogitIntLoss.nllAndGradient((int) y, a, g, o),
        BernoulliLogitIntLoss.INSTANCE,
        (y, a, b) -> new BernoulliLogitInt((int) y, a));
    put(map, "BERNOULLI/PROBIT//none/double", 1,
        (y, a, b) -> BernoulliProbitLoss.nll(y, a),
        (y, a, b, g, o) -> BernoulliProbitLoss.nllAndGradient(y, a, g, o),
        BernoulliProbitLoss.INSTANCE,
        (y, a, b) -> new BernoulliProbit(y, a));
    put(map, "BERNOULLI/PROBIT//none/boolean", 1,
        (y, a, b) -> BernoulliProbitBooleanLoss.nll(y != 0.0, a),
        (y, a, b, g, o) -> BernoulliProbitBooleanLoss.nllAndGradient(y != 0.0, a, g, o),
        BernoulliProbitBooleanLoss.INSTANCE,
        (y, a, b) -> new BernoulliProbitBoolean(y != 0.0, a));
    put(map, "BERNOULLI/PROBIT//none/int", 1,
        (y, a, b) -> BernoulliProbitIntLoss.nll((int) y, a),
        (y, a, b, g, o) -> BernoulliProbitIntLoss.nllAndGradient((int) y, a, g, o),
        BernoulliProbitIntLoss.INSTANCE,
        (y, a, b) -> new BernoulliProbitInt((int) y, a));
    put(map, "BERNOULLI/CLOGLOG//none/double", 1,
        (y, a, b) -> BernoulliCloglogLoss.nll(y, a),
        (y, a, b, g, o) -> BernoulliCloglogLoss.nllAndGradient(y, a, g, o),
        BernoulliCloglogLoss.INSTANCE,
        (y, a, b) -> new BernoulliCloglog(y, a));
    put(map, "BERNOULLI/CLOGLOG//none/boolean", 1,
        (y, a, b) -> BernoulliCloglogBooleanLoss.nll(y != 0.0, a),
        (y, a, b, g, o) -> BernoulliCloglogBooleanLoss.nllAndGradient(y != 0.0, a, g, o),
        BernoulliCloglogBooleanLoss.INSTANCE,
        (y, a, b) -> new BernoulliCloglogBoolean(y != 0.0, a));
    put(map, "BERNOULLI/CLOGLOG//none/int", 1,
        (y, a, b) -> BernoulliCloglogIntLoss.nll((int) y, a),
        (y, a, b, g, o) -> BernoulliCloglogIntLoss.nllAndGradient((int) y, a, g, o),
        BernoulliCloglogIntLoss.INSTANCE,
        (y, a, b) -> new BernoulliCloglogInt((int) y, a));
    put(map, "BERNOULLI/LOGLOG//none/double", 1,
        (y, a, b) -> BernoulliLoglogLoss.nll(y, a),
        (y, a, b, g, o) -> BernoulliLoglogLoss.nllAndGradient(y, a, g, o),
        BernoulliLoglogLoss.INSTANCE,
        (y, a, b) -> new BernoulliLoglog(y, a));
    put(map, "BERNOULLI/LOGLOG//none/boolean", 1,
        (y, a, b) -> BernoulliLoglogBooleanLoss.nll(y != 0.0, a),
        (y, a, b, g, o) -> BernoulliLoglogBooleanLoss.nllAndGradient(y != 0.0, a, g, o),
        BernoulliLoglogBooleanLoss.INSTANCE,
        (y, a, b) -> new BernoulliLoglogBoolean(y != 0.0, a));
    put(map, "BERNOULLI/LOGLOG//none/int", 1,
        (y, a, b) -> BernoulliLoglogIntLoss.nll((int) y, a),
        (y, a, b, g, o) -> BernoulliLoglogIntLoss.nllAndGradient((int) y, a, g, o),
        BernoulliLoglogIntLoss.INSTANCE,
        (y, a, b) -> new BernoulliLoglogInt((int) y, a));
    put(map, "BERNOULLI/CAUCHIT//none/double", 1,
        (y, a, b) -> BernoulliCauchitLoss.nll(y, a),
        (y, a, b, g, o) -> BernoulliCauchitLoss.nllAndGradient(y, a, g, o),
        BernoulliCauchitLoss.INSTANCE,
        (y, a, b) -> new BernoulliCauchit(y, a));
    put(map, "BERNOULLI/CAUCHIT//none/boolean", 1,
        (y, a, b) -> BernoulliCauchitBooleanLoss.nll(y != 0.0, a),
        (y, a, b, g, o) -> BernoulliCauchitBooleanLoss.nllAndGradient(y != 0.0, a, g, o),
        BernoulliCauchitBooleanLoss.INSTANCE,
        (y, a, b) -> new BernoulliCauchitBoolean(y != 0.0, a));
    put(map, "BERNOULLI/CAUCHIT//none/int", 1,
        (y, a, b) -> BernoulliCauchitIntLoss.nll((int) y, a),
        (y, a, b, g, o) -> BernoulliCauchitIntLoss.nllAndGradient((int) y, a, g, o),
        BernoulliCauchitIntLoss.INSTANCE,
        (y, a, b) -> new BernoulliCauchitInt((int) y, a));
  }

  private static void poisson(Map<String, Adapter> map) {
    put(map, "POISSON/LOG//none/double", 1,
        (y, a, b) -> PoissonLogLoss.nll(y, a),
        (y, a, b, g, o) -> PoissonLogLoss.nllAndGradient(y, a, g, o),
        PoissonLogLoss.INSTANCE,
        (y, a, b) -> new PoissonLog(y, a));
    put(map, "POISSON/LOG//none/int", 1,
        (y, a, b) -> PoissonLogIntLoss.nll((int) y, a),
        (y, a, b, g, o) -> PoissonLogIntLoss.nllAndGradient((int) y, a, g, o),
        PoissonLogIntLoss.INSTANCE,
        (y, a, b) -> new PoissonLogInt((int) y, a));
    put(map, "POISSON/LOG//none/long", 1,
        (y, a, b) -> PoissonLogLongLoss.nll((long) y, a),
        (y, a, b, g, o) -> PoissonLogLongLoss.nllAndGradient((long) y, a, g, o),
        PoissonLogLongLoss.INSTANCE,
        (y, a, b) -> new PoissonLogLong((long) y, a));
    put(map, "POISSON/SOFTPLUS//none/double", 1,
        (y, a, b) -> PoissonSoftplusLoss.nll(y, a),
        (y, a, b, g, o) -> PoissonSoftplusLoss.nllAndGradient(y, a, g, o),
        PoissonSoftplusLoss.INSTANCE,
        (y, a, b) -> new PoissonSoftplus(y, a));
    put(map, "POISSON/SOFTPLUS//none/int", 1,
        (y, a, b) -> PoissonSoftplusIntLoss.nll((int) y, a),
        (y, a, b, g, o) -> PoissonSoftplusIntLoss.nllAndGradient((int) y, a, g, o),
        PoissonSoftplusIntLoss.INSTANCE,
        (y, a, b) -> new PoissonSoftplusInt((int) y, a));
    put(map, "POISSON/SOFTPLUS//none/long", 1,
        (y, a, b) -> PoissonSoftplusLongLoss.nll((long) y, a),
        (y, a, b, g, o) -> PoissonSoftplusLongLoss.nllAndGradient((long) y, a, g, o),
        PoissonSoftplusLongLoss.INSTANCE,
        (y, a, b) -> new PoissonSoftplusLong((long) y, a));
  }
}
