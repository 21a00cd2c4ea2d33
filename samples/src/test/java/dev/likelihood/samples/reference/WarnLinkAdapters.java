package dev.likelihood.samples.reference;

import static dev.likelihood.samples.reference.ReferenceAdapters.put;

import dev.likelihood.samples.reference.ReferenceAdapters.Adapter;
import java.util.Map;

/**
 * The reference records whose link on a positive parameter (NORMAL sigma, POISSON rate) is one
 * of IDENTITY, INVERSE, INVERSE_SQUARED or SQRT: the processor accepts these with a compile-time
 * warning, which those records suppress with {@code @SuppressWarnings("likelihood")}; at run
 * time eta at or below zero gives +Infinity. Kept apart so that they can be dropped in one place
 * (this class, its call in {@link ReferenceAdapters}, and the records named here); the CSV rows
 * that use them then fail as having no adapter, by design.
 */
final class WarnLinkAdapters {

  private WarnLinkAdapters() {}

  static void register(Map<String, Adapter> map) {
    normal(map);
    poisson(map);
  }

  private static void normal(Map<String, Adapter> map) {
    put(map, "NORMAL/IDENTITY/IDENTITY/param/double", 2,
        (y, a, b) -> NormalIdentityMuIdentitySigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalIdentityMuIdentitySigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalIdentityMuIdentitySigmaLoss.INSTANCE,
        (y, a, b) -> new NormalIdentityMuIdentitySigma(y, a, b));
    put(map, "NORMAL/IDENTITY/INVERSE/param/double", 2,
        (y, a, b) -> NormalIdentityMuInverseSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalIdentityMuInverseSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalIdentityMuInverseSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalIdentityMuInverseSigma(y, a, b));
    put(map, "NORMAL/IDENTITY/SQRT/param/double", 2,
        (y, a, b) -> NormalIdentityMuSqrtSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalIdentityMuSqrtSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalIdentityMuSqrtSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalIdentityMuSqrtSigma(y, a, b));
    put(map, "NORMAL/IDENTITY/INVERSE_SQUARED/param/double", 2,
        (y, a, b) -> NormalIdentityMuInverseSquaredSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalIdentityMuInverseSquaredSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalIdentityMuInverseSquaredSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalIdentityMuInverseSquaredSigma(y, a, b));
    put(map, "NORMAL/LOG/IDENTITY/param/double", 2,
        (y, a, b) -> NormalLogMuIdentitySigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalLogMuIdentitySigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalLogMuIdentitySigmaLoss.INSTANCE,
        (y, a, b) -> new NormalLogMuIdentitySigma(y, a, b));
    put(map, "NORMAL/LOG/INVERSE/param/double", 2,
        (y, a, b) -> NormalLogMuInverseSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalLogMuInverseSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalLogMuInverseSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalLogMuInverseSigma(y, a, b));
    put(map, "NORMAL/LOG/SQRT/param/double", 2,
        (y, a, b) -> NormalLogMuSqrtSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalLogMuSqrtSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalLogMuSqrtSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalLogMuSqrtSigma(y, a, b));
    put(map, "NORMAL/LOG/INVERSE_SQUARED/param/double", 2,
        (y, a, b) -> NormalLogMuInverseSquaredSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalLogMuInverseSquaredSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalLogMuInverseSquaredSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalLogMuInverseSquaredSigma(y, a, b));
    put(map, "NORMAL/INVERSE/IDENTITY/param/double", 2,
        (y, a, b) -> NormalInverseMuIdentitySigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalInverseMuIdentitySigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalInverseMuIdentitySigmaLoss.INSTANCE,
        (y, a, b) -> new NormalInverseMuIdentitySigma(y, a, b));
    put(map, "NORMAL/INVERSE/INVERSE/param/double", 2,
        (y, a, b) -> NormalInverseMuInverseSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalInverseMuInverseSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalInverseMuInverseSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalInverseMuInverseSigma(y, a, b));
    put(map, "NORMAL/INVERSE/SQRT/param/double", 2,
        (y, a, b) -> NormalInverseMuSqrtSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalInverseMuSqrtSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalInverseMuSqrtSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalInverseMuSqrtSigma(y, a, b));
    put(map, "NORMAL/INVERSE/INVERSE_SQUARED/param/double", 2,
        (y, a, b) -> NormalInverseMuInverseSquaredSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalInverseMuInverseSquaredSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalInverseMuInverseSquaredSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalInverseMuInverseSquaredSigma(y, a, b));
    put(map, "NORMAL/SOFTPLUS/IDENTITY/param/double", 2,
        (y, a, b) -> NormalSoftplusMuIdentitySigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalSoftplusMuIdentitySigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalSoftplusMuIdentitySigmaLoss.INSTANCE,
        (y, a, b) -> new NormalSoftplusMuIdentitySigma(y, a, b));
    put(map, "NORMAL/SOFTPLUS/INVERSE/param/double", 2,
        (y, a, b) -> NormalSoftplusMuInverseSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalSoftplusMuInverseSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalSoftplusMuInverseSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalSoftplusMuInverseSigma(y, a, b));
    put(map, "NORMAL/SOFTPLUS/SQRT/param/double", 2,
        (y, a, b) -> NormalSoftplusMuSqrtSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalSoftplusMuSqrtSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalSoftplusMuSqrtSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalSoftplusMuSqrtSigma(y, a, b));
    put(map, "NORMAL/SOFTPLUS/INVERSE_SQUARED/param/double", 2,
        (y, a, b) -> NormalSoftplusMuInverseSquaredSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalSoftplusMuInverseSquaredSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalSoftplusMuInverseSquaredSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalSoftplusMuInverseSquaredSigma(y, a, b));
    put(map, "NORMAL/SQRT/IDENTITY/param/double", 2,
        (y, a, b) -> NormalSqrtMuIdentitySigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalSqrtMuIdentitySigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalSqrtMuIdentitySigmaLoss.INSTANCE,
        (y, a, b) -> new NormalSqrtMuIdentitySigma(y, a, b));
    put(map, "NORMAL/SQRT/INVERSE/param/double", 2,
        (y, a, b) -> NormalSqrtMuInverseSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalSqrtMuInverseSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalSqrtMuInverseSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalSqrtMuInverseSigma(y, a, b));
    put(map, "NORMAL/SQRT/SQRT/param/double", 2,
        (y, a, b) -> NormalSqrtMuSqrtSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalSqrtMuSqrtSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalSqrtMuSqrtSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalSqrtMuSqrtSigma(y, a, b));
    put(map, "NORMAL/SQRT/INVERSE_SQUARED/param/double", 2,
        (y, a, b) -> NormalSqrtMuInverseSquaredSigmaLoss.nll(y, a, b),
        (y, a, b, g, o) -> NormalSqrtMuInverseSquaredSigmaLoss.nllAndGradient(y, a, b, g, o),
        NormalSqrtMuInverseSquaredSigmaLoss.INSTANCE,
        (y, a, b) -> new NormalSqrtMuInverseSquaredSigma(y, a, b));
  }

  private static void poisson(Map<String, Adapter> map) {
    put(map, "POISSON/SQRT//none/double", 1,
        (y, a, b) -> PoissonSqrtLoss.nll(y, a),
        (y, a, b, g, o) -> PoissonSqrtLoss.nllAndGradient(y, a, g, o),
        PoissonSqrtLoss.INSTANCE,
        (y, a, b) -> new PoissonSqrt(y, a));
    put(map, "POISSON/SQRT//none/int", 1,
        (y, a, b) -> PoissonSqrtIntLoss.nll((int) y, a),
        (y, a, b, g, o) -> PoissonSqrtIntLoss.nllAndGradient((int) y, a, g, o),
        PoissonSqrtIntLoss.INSTANCE,
        (y, a, b) -> new PoissonSqrtInt((int) y, a));
    put(map, "POISSON/SQRT//none/long", 1,
        (y, a, b) -> PoissonSqrtLongLoss.nll((long) y, a),
        (y, a, b, g, o) -> PoissonSqrtLongLoss.nllAndGradient((long) y, a, g, o),
        PoissonSqrtLongLoss.INSTANCE,
        (y, a, b) -> new PoissonSqrtLong((long) y, a));
    put(map, "POISSON/IDENTITY//none/double", 1,
        (y, a, b) -> PoissonIdentityLoss.nll(y, a),
        (y, a, b, g, o) -> PoissonIdentityLoss.nllAndGradient(y, a, g, o),
        PoissonIdentityLoss.INSTANCE,
        (y, a, b) -> new PoissonIdentity(y, a));
    put(map, "POISSON/IDENTITY//none/int", 1,
        (y, a, b) -> PoissonIdentityIntLoss.nll((int) y, a),
        (y, a, b, g, o) -> PoissonIdentityIntLoss.nllAndGradient((int) y, a, g, o),
        PoissonIdentityIntLoss.INSTANCE,
        (y, a, b) -> new PoissonIdentityInt((int) y, a));
    put(map, "POISSON/IDENTITY//none/long", 1,
        (y, a, b) -> PoissonIdentityLongLoss.nll((long) y, a),
        (y, a, b, g, o) -> PoissonIdentityLongLoss.nllAndGradient((long) y, a, g, o),
        PoissonIdentityLongLoss.INSTANCE,
        (y, a, b) -> new PoissonIdentityLong((long) y, a));
  }
}
