package dev.likelihood.samples.families;

import static dev.likelihood.samples.families.LossCase.of;

import dev.likelihood.samples.CallVolume;
import dev.likelihood.samples.Click;
import dev.likelihood.samples.Price;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Every record the property tests run, with a generator of valid random rows: all 22 families,
 * their links, response types, {@code @Known}, {@code @Weight}, {@code @Offset} and component
 * orders. Roles: y response, p parameter, k known, w weight, o offset, in record order.
 *
 * <p>"Sensible" rows are what a model sees while training; "wide" rows go where SPEC's accuracy
 * clause goes (logits of hundreds, scales from 1e-6 to 1e6, counts of 1e9, Beta y within 1e-12
 * of 0 or 1), staying where the NLL and its gradient are finite doubles. Parameters through a link
 * whose image can leave the domain (IDENTITY, INVERSE, INVERSE_SQUARED on a positive parameter)
 * get eta inside the valid region: outside, the NLL is +Infinity by design (SPEC, Links).
 */
final class FamilyCases {

  private FamilyCases() {}

  private static final String SAMPLES = "dev.likelihood.samples.";
  private static final String REFERENCE = "dev.likelihood.samples.reference.";

  /** All cases, in a fixed order. */
  static List<LossCase> all() {
    List<LossCase> all = new ArrayList<>();
    // NORMAL
    all.add(of(NormalWeightedOffset.class, "yppwo", (r, wide, k) -> {
      double y = real(r, wide);
      double o = offset(r, wide);
      return new Object[] {y, near(r, y, wide) - o, logEta(r, wide), weight(r), o};
    }).expScale("sigma"));
    all.add(of(Price.class, "ypp", (r, wide, k) -> {
      double y = real(r, wide);
      return new Object[] {y, near(r, y, wide), softEta(r, wide)};
    }));
    all.add(of(REFERENCE + "NormalSqrtMuInverseSigma", "ypp", (r, wide, k) -> {
      double y = real(r, wide);
      double mu = Math.sqrt(Math.abs(near(r, y, wide))) * sign(r);
      return new Object[] {y, mu, 1 / positiveScale(r, wide)};
    }).relativeSteps("sigma").scale(row -> {
      // y - mu^2 cancels at the scale of |y|; the NLL's rounding is that times d nll / d(y - mu^2)
      double y = (Double) row[0];
      double mu = (Double) row[1];
      double inverseSigma = (Double) row[2];
      return Math.abs(y) * Math.max(1, Math.abs((y - mu * mu) * inverseSigma * inverseSigma));
    }));
    all.add(of(REFERENCE + "NormalIdentityMuKnownSigma", "ypk", (r, wide, k) -> {
      double y = real(r, wide);
      return new Object[] {y, near(r, y, wide), positiveScale(r, wide)};
    }));
    all.add(of(REFERENCE + "NormalLogMuLogSigma", "ypp",
        (r, wide, k) -> new Object[] {real(r, wide), wide ? u(r, -30, 30) : 2 * r.nextGaussian(), logEta(r, wide)}).expScale("mu", "sigma"));
    // LAPLACE
    all.add(of(LaplaceLogScale.class, "ypp", (r, wide, k) -> location(r, wide, logEta(r, wide))).expScale("scale"));
    all.add(of(LaplaceSoftplusScale.class, "ypp", (r, wide, k) -> location(r, wide, softEta(r, wide))));
    all.add(of(LaplaceIdentityScale.class, "ypp", (r, wide, k) -> location(r, wide, positiveScale(r, wide))).relativeSteps("scale"));
    all.add(of(LaplaceDefaultScale.class, "yp", (r, wide, k) -> location(r, wide)));
    all.add(of(LaplaceLogMu.class, "ypp",
        (r, wide, k) -> new Object[] {real(r, wide), wide ? u(r, -20, 20) : 2 * r.nextGaussian(), logEta(r, wide)}).expScale("mu", "scale"));
    all.add(of(LaplaceSoftplusMu.class, "ypp",
        (r, wide, k) -> new Object[] {real(r, wide), wide ? u(r, -30, 30) : 3 * r.nextGaussian(), logEta(r, wide)}).expScale("scale"));
    all.add(of(LaplaceOffsetWeighted.class, "yoppw", (r, wide, k) -> {
      double y = real(r, wide);
      double o = offset(r, wide);
      return new Object[] {y, o, near(r, y, wide) - o, logEta(r, wide), weight(r)};
    }).expScale("scale"));
    // STUDENT_T
    all.add(of(StudentTNuParam.class, "yppp", (r, wide, k) -> location(r, wide, logEta(r, wide), nuEta(r, wide))).expScale("sigma", "nu"));
    all.add(of(StudentTNu4.class, "ypp", (r, wide, k) -> location(r, wide, logEta(r, wide))).expScale("sigma"));
    all.add(of(StudentTNu1e6.class, "ypp", (r, wide, k) -> location(r, wide, logEta(r, wide))).expScale("sigma"));
    all.add(of(StudentTCauchy.class, "ypp", (r, wide, k) -> location(r, wide, logEta(r, wide))).expScale("sigma"));
    all.add(of(StudentTSoftplus.class, "yppp",
        (r, wide, k) -> location(r, wide, softEta(r, wide), wide ? u(r, -8, 30) : u(r, -2, 5))));
    all.add(of(StudentTKnownSigma.class, "ypkp",
        (r, wide, k) -> location(r, wide, positiveScale(r, wide), nuEta(r, wide))).expScale("nu"));
    all.add(of(StudentTNu4DefaultSigma.class, "yp", (r, wide, k) -> location(r, wide)));
    all.add(of(StudentTWeighted.class, "ypw", (r, wide, k) -> location(r, wide, weight(r))));
    // LOG_NORMAL
    all.add(of(LogNormalLogSigma.class, "ypp", (r, wide, k) -> logLocation(r, wide, logEta(r, wide))).expScale("sigma"));
    all.add(of(LogNormalSoftplusSigma.class, "ypp", (r, wide, k) -> logLocation(r, wide, softEta(r, wide))));
    all.add(of(LogNormalDefaultSigma.class, "yp", (r, wide, k) -> logLocation(r, wide)));
    all.add(of(LogNormalKnownSigma.class, "ypk", (r, wide, k) -> logLocation(r, wide, positiveScale(r, wide))));
    all.add(of(LogNormalWeightedOffset.class, "yppow", (r, wide, k) -> {
      double y = positive(r, wide);
      double o = offset(r, wide);
      return new Object[] {y, near(r, Math.log(y), wide) - o, logEta(r, wide), o, weight(r)};
    }).expScale("sigma"));
    // EXPONENTIAL
    all.add(of(ExponentialLog.class, "yp", (r, wide, k) -> {
      double y = nonNegative(r, wide);
      return new Object[] {y, rateEta(r, y, wide)};
    }).expScale("rate"));
    all.add(of(ExponentialSoftplus.class, "yp", (r, wide, k) -> new Object[] {nonNegative(r, wide), softEta(r, wide)}));
    all.add(of(ExponentialExposure.class, "ypow", (r, wide, k) -> {
      double y = nonNegative(r, wide);
      double o = offset(r, wide);
      return new Object[] {y, rateEta(r, y, wide) - o, o, weight(r)};
    }).expScale("rate"));
    // GAMMA
    all.add(of(GammaLog.class, "ypp", (r, wide, k) -> {
      double y = positive(r, wide);
      return new Object[] {y, logMeanEta(r, y, wide), shapeEta(r, wide)};
    }).expScale("mean", "shape"));
    all.add(of(GammaSoftplus.class, "ypp",
        (r, wide, k) -> new Object[] {positive(r, wide), softEta(r, wide), softEta(r, wide)}));
    all.add(of(GammaIdentityMean.class, "ypp", (r, wide, k) -> {
      double y = positive(r, wide);
      return new Object[] {y, y * Math.exp(r.nextGaussian()), shapeEta(r, wide)};
    }).relativeSteps("mean").expScale("shape"));
    all.add(of(GammaInverseMean.class, "ypp", (r, wide, k) -> {
      double y = positive(r, wide);
      return new Object[] {y, Math.exp(r.nextGaussian()) / y, shapeEta(r, wide)};
    }).relativeSteps("mean").expScale("shape"));
    all.add(of(GammaShape3.class, "yp", (r, wide, k) -> {
      double y = positive(r, wide);
      return new Object[] {y, logMeanEta(r, y, wide)};
    }).expScale("mean"));
    all.add(of(GammaOffsetWeighted.class, "oyppw", (r, wide, k) -> {
      double y = positive(r, wide);
      double o = offset(r, wide);
      return new Object[] {o, y, logMeanEta(r, y, wide) - o, shapeEta(r, wide), weight(r)};
    }).expScale("mean", "shape"));
    // INVERSE_GAUSSIAN
    all.add(of(InverseGaussianLog.class, "ypp", (r, wide, k) -> {
      double y = positive(r, wide);
      return new Object[] {y, logMeanEta(r, y, wide), shapeEta(r, wide)};
    }).expScale("mean", "shape"));
    all.add(of(InverseGaussianSoftplus.class, "ypp",
        (r, wide, k) -> new Object[] {positive(r, wide), softEta(r, wide), softEta(r, wide)}));
    all.add(of(InverseGaussianInverseSquaredMean.class, "ypp", (r, wide, k) -> {
      double y = wide ? Math.pow(10, u(r, -60, 60)) : Math.exp(r.nextGaussian());
      double mean = y * Math.exp(0.5 * r.nextGaussian());
      return new Object[] {y, 1 / (mean * mean), shapeEta(r, wide)};
    }).relativeSteps("mean").expScale("shape"));
    all.add(of(InverseGaussianWeighted.class, "yppw", (r, wide, k) -> {
      double y = positive(r, wide);
      return new Object[] {y, logMeanEta(r, y, wide), shapeEta(r, wide), weight(r)};
    }).expScale("mean", "shape"));
    // BETA
    all.add(of(BetaLogit.class, "ypp", (r, wide, k) -> beta(r, wide, 2, 6, logEta(r, wide))).expScale("precision"));
    all.add(of(BetaProbit.class, "ypp", (r, wide, k) -> beta(r, wide, 1, 5, logEta(r, wide))).expScale("precision"));
    all.add(of(BetaCloglog.class, "ypp", (r, wide, k) -> beta(r, wide, 1, 3, logEta(r, wide))).expScale("precision"));
    all.add(of(BetaLoglog.class, "ypp", (r, wide, k) -> beta(r, wide, 1, 3, logEta(r, wide))).expScale("precision"));
    all.add(of(BetaCauchit.class, "ypp", (r, wide, k) -> beta(r, wide, 2, 100, logEta(r, wide))).expScale("precision"));
    all.add(of(BetaSoftplusPrecision.class, "ypp", (r, wide, k) -> beta(r, wide, 2, 6, softEta(r, wide))));
    all.add(of(BetaOffsetWeighted.class, "yppow", (r, wide, k) -> {
      Object[] b = beta(r, wide, 1, 5, logEta(r, wide));
      double o = r.nextGaussian();
      return new Object[] {b[0], (Double) b[1] - o, b[2], o, weight(r)};
    }).expScale("precision"));
    // VON_MISES
    all.add(of(VonMises.class, "ypp", (r, wide, k) -> angle(r, wide, kappaEta(r, wide))).expScale("kappa"));
    all.add(of(VonMisesSoftplusKappa.class, "ypp", (r, wide, k) -> angle(r, wide, softEta(r, wide))));
    all.add(of(VonMisesWeightedOffset.class, "yppwo", (r, wide, k) -> {
      Object[] a = angle(r, wide, kappaEta(r, wide));
      double o = offset(r, wide);
      return new Object[] {a[0], (Double) a[1] - o, a[2], weight(r), o};
    }).expScale("kappa"));
    // POISSON
    all.add(of(REFERENCE + "PoissonLogInt", "yp", (r, wide, k) -> {
      long y = count(r, wide);
      return new Object[] {(int) y, countEta(r, y, wide)};
    }).expScale("eta"));
    all.add(of(REFERENCE + "PoissonLog", "yp", (r, wide, k) -> {
      double y = r.nextInt(4) == 0 ? u(r, 0, 20) : count(r, wide); // a double count may be fractional
      return new Object[] {y, countEta(r, y, wide)};
    }).expScale("eta"));
    all.add(of(REFERENCE + "PoissonIdentityLong", "yp", (r, wide, k) -> {
      long y = count(r, wide);
      return new Object[] {y, (y + 0.5) * Math.exp(r.nextGaussian())};
    }).relativeSteps("eta"));
    all.add(of(SAMPLES + "WeightedCount", "ypw", (r, wide, k) -> {
      long y = count(r, wide);
      return new Object[] {y, countEta(r, y, wide), weight(r)};
    }).expScale("eta"));
    all.add(of(CallVolume.class, "ypo", (r, wide, k) -> {
      long y = count(r, wide);
      double o = offset(r, wide);
      return new Object[] {(int) y, countEta(r, y, wide) - o, o};
    }).expScale("eta"));
    all.add(of(PoissonExposureWeighted.class, "ypow", (r, wide, k) -> {
      long y = count(r, wide);
      double o = offset(r, wide);
      return new Object[] {y, countEta(r, y, wide) - o, o, weight(r)};
    }).expScale("eta"));
    all.add(of(PoissonSoftplusDropped.class, "yp", (r, wide, k) -> {
      double y = count(r, wide);
      return new Object[] {y, wide ? u(r, -30, 30) : 3 * r.nextGaussian() + 1};
    }));
    // BERNOULLI
    all.add(of(Click.class, "yp", (r, wide, k) -> new Object[] {r.nextBoolean(), logit(r, wide)}));
    all.add(of(SAMPLES + "Label", "yp", (r, wide, k) -> new Object[] {r.nextInt(2), logit(r, wide)}));
    all.add(of(REFERENCE + "BernoulliLogit", "yp", (r, wide, k) -> new Object[] {softLabel(r), logit(r, wide)}));
    all.add(of(REFERENCE + "BernoulliProbitInt", "yp",
        (r, wide, k) -> new Object[] {r.nextInt(2), (wide ? 8 : 2) * r.nextGaussian()}));
    all.add(of(REFERENCE + "BernoulliCloglogBoolean", "yp",
        (r, wide, k) -> new Object[] {r.nextBoolean(), wide ? u(r, -30, 6.5) : u(r, -4, 2)}));
    all.add(of(REFERENCE + "BernoulliLoglogBoolean", "yp",
        (r, wide, k) -> new Object[] {r.nextBoolean(), wide ? u(r, -6.5, 30) : u(r, -2, 4)}));
    all.add(of(REFERENCE + "BernoulliCauchitBoolean", "yp",
        (r, wide, k) -> new Object[] {r.nextBoolean(), (wide ? 1000 : 3) * r.nextGaussian()}));
    all.add(of(BernoulliSoftWeighted.class, "ywp",
        (r, wide, k) -> new Object[] {softLabel(r), weight(r), (wide ? 8 : 2) * r.nextGaussian()}));
    all.add(of(BernoulliCloglogOffset.class, "ypo", (r, wide, k) -> {
      double o = r.nextGaussian();
      return new Object[] {r.nextBoolean(), (wide ? u(r, -30, 6.5) : u(r, -4, 2)) - o, o};
    }));
    // BINOMIAL
    all.add(of(BinomialKnownTrials.class, "ypk", (r, wide, k) -> binomial(r, wide, trials(r, wide), logit(r, wide) / 4)));
    all.add(of(BinomialProbitKnownTrials.class, "ypk",
        (r, wide, k) -> binomial(r, wide, trials(r, wide), (wide ? 5 : 1.5) * r.nextGaussian())));
    all.add(of(BinomialCloglogKnownTrials.class, "ypk",
        (r, wide, k) -> binomial(r, wide, trials(r, wide), wide ? u(r, -30, 3.5) : u(r, -4, 1.5))));
    all.add(of(BinomialLoglogKnownTrials.class, "ypk",
        (r, wide, k) -> binomial(r, wide, trials(r, wide), wide ? u(r, -3.5, 30) : u(r, -1.5, 4))));
    all.add(of(BinomialCauchitKnownTrials.class, "ypk",
        (r, wide, k) -> binomial(r, wide, trials(r, wide), (wide ? 100 : 3) * r.nextGaussian())));
    all.add(of(BinomialTwenty.class, "yp",
        (r, wide, k) -> new Object[] {r.nextInt(21), logit(r, wide) / 4}));
    all.add(of(BinomialProbitTwenty.class, "yp",
        (r, wide, k) -> new Object[] {r.nextInt(21), (wide ? 5 : 1.5) * r.nextGaussian()}));
    all.add(of(BinomialCloglogTwoBillion.class, "yp", (r, wide, k) -> {
      int y = wide ? (int) (2e9 * r.nextDouble()) : r.nextInt(1000);
      double p = (y + 0.5) / 2e9;
      return new Object[] {y, Math.log(-Math.log1p(-p)) + (wide ? 2 : 0.5) * r.nextGaussian()};
    }));
    all.add(of(BinomialOffsetWeighted.class, "ypkow", (r, wide, k) -> {
      Object[] b = binomial(r, wide, trials(r, wide), logit(r, wide) / 4);
      double o = r.nextGaussian();
      return new Object[] {b[0], (Double) b[1] - o, b[2], o, weight(r)};
    }));
    // NEGATIVE_BINOMIAL
    all.add(of(NegativeBinomial.class, "ypp", (r, wide, k) -> {
      long y = count(r, wide);
      return new Object[] {(int) y, countEta(r, y, wide), sizeEta(r, wide)};
    }).expScale("mean", "size"));
    all.add(of(NegativeBinomialLong.class, "ypp", (r, wide, k) -> {
      long y = count(r, wide);
      return new Object[] {y, countEta(r, y, wide), sizeEta(r, wide)};
    }).expScale("mean", "size"));
    all.add(of(NegativeBinomialSoftplus.class, "ypp",
        (r, wide, k) -> new Object[] {(int) count(r, wide), softEta(r, wide), softEta(r, wide)}).expScale("mean", "size"));
    all.add(of(NegativeBinomialSizeFirst.class, "pyp", (r, wide, k) -> {
      long y = count(r, wide);
      return new Object[] {sizeEta(r, wide), y, countEta(r, y, wide)};
    }).expScale("mean", "size"));
    all.add(of(NegativeBinomialExposure.class, "yppow", (r, wide, k) -> {
      long y = count(r, wide);
      double o = offset(r, wide);
      return new Object[] {y, countEta(r, y, wide) - o, sizeEta(r, wide), o, weight(r)};
    }).scale(row -> Math.max(Math.exp(LossCase.get(row, 1, 0) + LossCase.get(row, 3, 0)), Math.exp(LossCase.get(row, 2, 0)))));
    // HUBER
    all.add(of(HuberDefaultDelta.class, "yp", (r, wide, k) -> location(r, wide)));
    all.add(of(HuberDelta05.class, "yp", (r, wide, k) -> location(r, wide)));
    all.add(of(HuberDelta3.class, "yp", (r, wide, k) -> location(r, wide)));
    all.add(of(HuberWeighted.class, "ypw", (r, wide, k) -> location(r, wide, weight(r))));
    // LOG_COSH
    all.add(of(LogCosh.class, "yp", (r, wide, k) -> location(r, wide)));
    all.add(of(LogCoshOffsetWeighted.class, "ypow", (r, wide, k) -> {
      double y = real(r, wide);
      double o = offset(r, wide);
      return new Object[] {y, near(r, y, wide) - o, o, weight(r)};
    }));
    // HINGE
    all.add(of(HingeBoolean.class, "yp", (r, wide, k) -> new Object[] {r.nextBoolean(), score(r, wide)}));
    all.add(of(HingeInt.class, "yp", (r, wide, k) -> new Object[] {r.nextBoolean() ? 1 : -1, score(r, wide)}));
    all.add(of(HingeWeighted.class, "ypw",
        (r, wide, k) -> new Object[] {r.nextBoolean() ? 1 : -1, score(r, wide), weight(r)}));
    // FOCAL
    all.add(of(Focal.class, "yp", (r, wide, k) -> new Object[] {r.nextBoolean(), logit(r, wide)}));
    all.add(of(FocalInt.class, "yp", (r, wide, k) -> new Object[] {r.nextInt(2), logit(r, wide)}));
    all.add(of(FocalGammaZero.class, "yp", (r, wide, k) -> new Object[] {r.nextBoolean(), logit(r, wide)}));
    all.add(of(FocalAlphaQuarter.class, "yp", (r, wide, k) -> new Object[] {r.nextInt(2), logit(r, wide)}));
    all.add(of(FocalHalfGamma.class, "yp", (r, wide, k) -> new Object[] {r.nextBoolean(), logit(r, wide)}));
    all.add(of(FocalProbit.class, "yp",
        (r, wide, k) -> new Object[] {r.nextBoolean(), (wide ? 8 : 2) * r.nextGaussian()}));
    all.add(of(FocalOffsetWeighted.class, "ypow", (r, wide, k) -> {
      double o = r.nextGaussian();
      return new Object[] {r.nextBoolean(), logit(r, wide) - o, o, weight(r)};
    }));
    // UNCERTAIN_BERNOULLI
    all.add(of(UncertainBernoulli.class, "ypp",
        (r, wide, k) -> new Object[] {r.nextBoolean(), logit(r, wide), wide ? u(r, -20, 12) : u(r, -3, 3)}));
    all.add(of(UncertainBernoulliInt.class, "ypp",
        (r, wide, k) -> new Object[] {r.nextInt(2), logit(r, wide), wide ? u(r, -20, 12) : u(r, -3, 3)}));
    all.add(of(UncertainBernoulliLogUncertainty.class, "ypp",
        (r, wide, k) -> new Object[] {r.nextBoolean(), logit(r, wide), wide ? u(r, -15, 5) : u(r, -3, 2)}).expScale("uncertainty"));
    all.add(of(UncertainBernoulliOffsetWeighted.class, "yppow", (r, wide, k) -> {
      double o = r.nextGaussian();
      return new Object[] {r.nextInt(2), logit(r, wide) - o, wide ? u(r, -20, 12) : u(r, -3, 3), o, weight(r)};
    }));
    // CATEGORICAL (k classes)
    all.add(of(CategoricalLabel.class, "yp", (r, wide, k) -> {
      int label = r.nextInt(k);
      return new Object[] {label, logits(r, wide, k, label)};
    }));
    all.add(of(CategoricalSmoothed.class, "yp",
        (r, wide, k) -> new Object[] {r.nextInt(k), logits(r, wide, k, -2)}));
    all.add(of(CategoricalSoft.class, "yp", (r, wide, k) -> {
      double[] target = target(r, k);
      return new Object[] {target, maskedWhereZero(r, wide, logits(r, wide, k, -2), target)};
    }));
    all.add(of(CategoricalSoftSmoothed.class, "yp",
        (r, wide, k) -> new Object[] {target(r, k), logits(r, wide, k, -2)}));
    all.add(of(CategoricalWeighted.class, "ypw", (r, wide, k) -> {
      int label = r.nextInt(k);
      return new Object[] {label, logits(r, wide, k, label), weight(r)};
    }));
    all.add(of(CategoricalSoftWeighted.class, "ypw", (r, wide, k) -> {
      double[] target = target(r, k);
      return new Object[] {target, maskedWhereZero(r, wide, logits(r, wide, k, -2), target), weight(r)};
    }));
    // GAUSSIAN_MIXTURE (k components)
    all.add(of(Mixture.class, "yppp", (r, wide, k) -> mixture(r, wide, k, false)).expScale("sigma"));
    all.add(of(MixtureSoftplus.class, "yppp", (r, wide, k) -> mixture(r, wide, k, true)));
    all.add(of(MixtureWeighted.class, "ypppw", (r, wide, k) -> {
      Object[] m = mixture(r, wide, k, false);
      return new Object[] {m[0], m[1], m[2], m[3], weight(r)};
    }).expScale("sigma"));
    // MULTIVARIATE_NORMAL (dimension k)
    all.add(of(MvnDiagonal.class, "ypp", (r, wide, k) -> {
      double[] y = normals(r, k, wide ? 100 : 1);
      return new Object[] {y, around(r, y, 1), etas(r, k, wide ? 6 : 1)};
    }).expScale("sigma"));
    all.add(of(MvnUnit.class, "yp", (r, wide, k) -> {
      double[] y = normals(r, k, wide ? 100 : 1);
      return new Object[] {y, around(r, y, wide ? 10 : 1)};
    }));
    all.add(of(MvnCholesky.class, "ypp", (r, wide, k) -> {
      double[] y = normals(r, k, wide ? 100 : 1);
      return new Object[] {y, around(r, y, 1), tril(r, wide, k)};
    }).expScale("scaleTril"));
    all.add(of(MvnCholeskyWeighted.class, "yppw", (r, wide, k) -> {
      double[] y = normals(r, k, wide ? 100 : 1);
      return new Object[] {y, around(r, y, 1), tril(r, wide, k), weight(r)};
    }).expScale("scaleTril"));
    all.add(of(MvnDiagonalWeighted.class, "yppw", (r, wide, k) -> {
      double[] y = normals(r, k, wide ? 100 : 1);
      return new Object[] {y, around(r, y, 1), etas(r, k, wide ? 10 : 2), weight(r)};
    }));
    // PLACKETT_LUCE (k items)
    all.add(of(Ranking.class, "yp", (r, wide, k) -> new Object[] {ranking(r, k), normals(r, k, wide ? 100 : 2)}));
    all.add(of(RankingWeighted.class, "ypw",
        (r, wide, k) -> new Object[] {ranking(r, k), normals(r, k, wide ? 100 : 2), weight(r)}));
    // one-parameter records for fisherWeight (CurvatureRecords)
    all.add(of(NegativeBinomialSize35.class, "yp", (r, wide, k) -> {
      long y = count(r, wide);
      return new Object[] {(int) y, countEta(r, y, wide)};
    }).expScale("mean"));
    all.add(of(InverseGaussianShape2.class, "yp", (r, wide, k) -> {
      double y = positive(r, wide);
      return new Object[] {y, logMeanEta(r, y, wide)};
    }).expScale("mean"));
    all.add(of(VonMisesKappa15.class, "yp", (r, wide, k) -> {
      Object[] angle = angle(r, wide, 0);
      return new Object[] {angle[0], angle[1]};
    }));
    return all;
  }

  // ---- value generators ----

  static double u(Random r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  static double sign(Random r) {
    return r.nextBoolean() ? 1 : -1;
  }

  /** A real observation: N(0, 3), or wide: +-10^U(-3, 6). */
  static double real(Random r, boolean wide) {
    return wide ? sign(r) * Math.pow(10, u(r, -3, 6)) : 3 * r.nextGaussian();
  }

  /** A location near {@code y}: within a few units, or wide: within 10^U(-3, 3). */
  static double near(Random r, double y, boolean wide) {
    return y + (wide ? Math.pow(10, u(r, -3, 3)) : 2) * r.nextGaussian();
  }

  /** A positive observation: exp(N(0, 1)), or wide: 10^U(-100, 100). */
  static double positive(Random r, boolean wide) {
    return wide ? Math.pow(10, u(r, -100, 100)) : Math.exp(r.nextGaussian());
  }

  /** >= 0, with exact zeros. */
  static double nonNegative(Random r, boolean wide) {
    return r.nextInt(20) == 0 ? 0.0 : positive(r, wide);
  }

  /** A positive parameter on its natural scale (IDENTITY-linked scales, known sigmas). */
  static double positiveScale(Random r, boolean wide) {
    return wide ? Math.pow(10, u(r, -4, 4)) : Math.exp(u(r, -1.5, 1.5));
  }

  /** Eta of a LOG-linked scale. */
  static double logEta(Random r, boolean wide) {
    return wide ? u(r, -12, 12) : u(r, -1.5, 1.5);
  }

  /** Eta of a SOFTPLUS-linked positive parameter. */
  static double softEta(Random r, boolean wide) {
    return wide ? u(r, -30, 30) : u(r, -3, 3);
  }

  static double nuEta(Random r, boolean wide) {
    return wide ? u(r, -6, 18) : u(r, -1, 4);
  }

  static double shapeEta(Random r, boolean wide) {
    return wide ? u(r, -10, 15) : u(r, -2, 3);
  }

  static double sizeEta(Random r, boolean wide) {
    return wide ? u(r, -8, 20) : u(r, -2, 4);
  }

  static double kappaEta(Random r, boolean wide) {
    return wide ? u(r, -12, 14) : u(r, -3, 3);
  }

  /** An offset: N(0, 2), or wide: U(-20, 20). */
  static double offset(Random r, boolean wide) {
    return wide ? u(r, -20, 20) : 2 * r.nextGaussian();
  }

  /** A weight >= 0, exactly 0 one time in ten. */
  static double weight(Random r) {
    return r.nextInt(10) == 0 ? 0.0 : 3 * r.nextDouble();
  }

  /** A logit: N(0, 3), or wide: N(0, 30), one in ten up to +-800. */
  static double logit(Random r, boolean wide) {
    if (!wide) {
      return 3 * r.nextGaussian();
    }
    return r.nextInt(10) == 0 ? u(r, -800, 800) : 30 * r.nextGaussian();
  }

  static double score(Random r, boolean wide) {
    return (wide ? 1000 : 2) * r.nextGaussian();
  }

  /** A soft label in [0, 1], exactly 0 or 1 one time in five each. */
  static double softLabel(Random r) {
    int pick = r.nextInt(5);
    return pick == 0 ? 0.0 : pick == 1 ? 1.0 : r.nextDouble();
  }

  /** A count: U{0..19}, or wide: up to 1e9. */
  static long count(Random r, boolean wide) {
    return wide ? (long) Math.pow(10, u(r, 0, 9)) - 1 : r.nextInt(20);
  }

  /** Eta of a LOG-linked rate for count y: near log(y). */
  static double countEta(Random r, double y, boolean wide) {
    return Math.log(y + 0.5) + (wide ? 5 : 1) * r.nextGaussian();
  }

  /** Eta of a LOG-linked mean for positive y. */
  static double logMeanEta(Random r, double y, boolean wide) {
    return Math.log(y) + (wide ? 5 : 1) * r.nextGaussian();
  }

  /** Eta of a LOG-linked rate for y >= 0: near -log(y). */
  static double rateEta(Random r, double y, boolean wide) {
    return (y > 0 ? -Math.log(y) : 0) + (wide ? 5 : 1) * r.nextGaussian();
  }

  static int trials(Random r, boolean wide) {
    return wide ? 1 + (int) Math.pow(10, u(r, 0, 9)) : 1 + r.nextInt(50);
  }

  static Object[] binomial(Random r, boolean wide, int trials, double eta) {
    int y = r.nextInt(5) == 0 ? (r.nextBoolean() ? 0 : trials) : (int) Math.min(trials, (long) ((trials + 1) * r.nextDouble()));
    return new Object[] {y, eta, trials};
  }

  /** y, a location near it and the rest. */
  static Object[] location(Random r, boolean wide, Object... rest) {
    double y = real(r, wide);
    Object[] row = new Object[2 + rest.length];
    row[0] = y;
    row[1] = near(r, y, wide);
    System.arraycopy(rest, 0, row, 2, rest.length);
    return row;
  }

  /** Positive y, a location near log y and the rest. */
  static Object[] logLocation(Random r, boolean wide, Object... rest) {
    double y = positive(r, wide);
    Object[] row = new Object[2 + rest.length];
    row[0] = y;
    row[1] = near(r, Math.log(y), wide);
    System.arraycopy(rest, 0, row, 2, rest.length);
    return row;
  }

  static Object[] angle(Random r, boolean wide, double kappaEta) {
    return new Object[] {wide ? u(r, -100, 100) : u(r, -Math.PI, Math.PI), wide ? u(r, -100, 100) : 2 * r.nextGaussian(), kappaEta};
  }

  /** Beta y (wide: within 1e-12 of 0 or 1 two times in three) and the mean's eta. */
  static Object[] beta(Random r, boolean wide, double sd, double wideSd, double precisionEta) {
    double y;
    int pick = wide ? r.nextInt(3) : 2;
    if (pick == 0) {
      y = Math.pow(10, u(r, -12, -1));
    } else if (pick == 1) {
      y = 1 - Math.pow(10, u(r, -12, -1));
    } else {
      y = 1 / (1 + Math.exp(-2 * r.nextGaussian()));
    }
    return new Object[] {y, (wide ? wideSd : sd) * r.nextGaussian(), precisionEta};
  }

  static double[] normals(Random r, int k, double sd) {
    double[] v = new double[k];
    for (int j = 0; j < k; j++) {
      v[j] = sd * r.nextGaussian();
    }
    return v;
  }

  static double[] around(Random r, double[] y, double sd) {
    double[] v = new double[y.length];
    for (int j = 0; j < y.length; j++) {
      v[j] = y[j] + sd * r.nextGaussian();
    }
    return v;
  }

  static double[] etas(Random r, int k, double half) {
    double[] v = new double[k];
    for (int j = 0; j < k; j++) {
      v[j] = u(r, -half, half);
    }
    return v;
  }

  /** Logits; wide: N(0, 300), masked (-Infinity) one in ten, never at {@code keep} (-2: never). */
  static double[] logits(Random r, boolean wide, int k, int keep) {
    double[] v = normals(r, k, wide ? 300 : 3);
    if (wide && keep >= 0) {
      for (int j = 0; j < k; j++) {
        if (j != keep && r.nextInt(10) == 0) {
          v[j] = Double.NEGATIVE_INFINITY;
        }
      }
    }
    return v;
  }

  /** A target distribution with exact zeros one entry in five. */
  static double[] target(Random r, int k) {
    double[] t = new double[k];
    double sum = 0;
    for (int j = 0; j < k; j++) {
      t[j] = r.nextInt(5) == 0 ? 0 : r.nextDouble();
      sum += t[j];
    }
    if (sum == 0) {
      t[r.nextInt(k)] = 1;
      return t;
    }
    for (int j = 0; j < k; j++) {
      t[j] /= sum;
    }
    return t;
  }

  /** Wide: masks, one in five, the logits whose target is 0. */
  static double[] maskedWhereZero(Random r, boolean wide, double[] logits, double[] target) {
    for (int j = 0; j < logits.length; j++) {
      if (wide && target[j] == 0 && r.nextInt(5) == 0) {
        logits[j] = Double.NEGATIVE_INFINITY;
      }
    }
    return logits;
  }

  static Object[] mixture(Random r, boolean wide, int k, boolean softplus) {
    double y = (wide ? 100 : 3) * r.nextGaussian();
    double[] sigma = softplus ? etas(r, k, wide ? 10 : 3) : etas(r, k, wide ? 6 : 1);
    return new Object[] {y, normals(r, k, wide ? 10 : 1), normals(r, k, wide ? 100 : 3), sigma};
  }

  /** A packed row-major lower triangle: LOG-linked diagonal etas, free off-diagonal entries. */
  static double[] tril(Random r, boolean wide, int d) {
    double[] t = new double[d * (d + 1) / 2];
    int index = 0;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        t[index++] = i == j ? u(r, wide ? -5 : -1, wide ? 5 : 1) : (wide ? 3 : 0.5) * r.nextGaussian();
      }
    }
    return t;
  }

  /** A ranking of 0..k items (best first), usually all of them. */
  static int[] ranking(Random r, int k) {
    int[] items = new int[k];
    for (int j = 0; j < k; j++) {
      items[j] = j;
    }
    for (int j = k - 1; j > 0; j--) {
      int swap = r.nextInt(j + 1);
      int t = items[j];
      items[j] = items[swap];
      items[swap] = t;
    }
    int length = r.nextInt(4) == 0 ? r.nextInt(k + 1) : k;
    return java.util.Arrays.copyOf(items, length);
  }
}
