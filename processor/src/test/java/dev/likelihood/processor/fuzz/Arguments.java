package dev.likelihood.processor.fuzz;

import dev.likelihood.Family;
import dev.likelihood.Link;
import dev.likelihood.processor.fuzz.Declaration.Ann;
import dev.likelihood.processor.fuzz.Declaration.Comp;
import dev.likelihood.processor.fuzz.Declaration.Role;
import dev.likelihood.processor.fuzz.Declaration.TypeDecl;
import dev.likelihood.processor.fuzz.Families.Parameter;
import dev.likelihood.processor.fuzz.Families.Signature;
import java.util.Arrays;
import java.util.Random;

/**
 * Random arguments for one sample of a valid record: an observation inside the family's
 * support, etas, known values inside their domains, and consistent vector lengths. Also one
 * observation outside the support, which generated code must reject.
 */
final class Arguments {

  /**
   * @param annotated the arguments of the static {@code nll}, in record order
   * @param all the arguments of the record's canonical constructor
   * @param gradientWidth how many entries {@code nllAndGradient} writes
   * @param mayBeInfinite a link evaluated where it leaves its domain may give +Infinity
   * @param bad {@code annotated} with the response outside its support, or null (a boolean)
   */
  record Sample(Object[] annotated, Object[] all, int gradientWidth, boolean mayBeInfinite, Object[] bad,
      boolean zeroWeight) {}

  private final Random r;
  private final TypeDecl t;
  private final Signature sig;

  Arguments(Random r, TypeDecl t) {
    this.r = r;
    this.t = t;
    this.sig = Families.of(t.family);
  }

  private double uniform(double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  Sample draw() {
    int k = 1 + r.nextInt(t.family == Family.GAUSSIAN_MIXTURE || t.family == Family.MULTIVARIATE_NORMAL ? 4 : 5);
    int trials = 1 + r.nextInt(20);
    for (Declaration.Const c : t.constants) {
      if (c.name().equals("trials")) {
        trials = (int) c.value();
      }
    }
    Object[] all = new Object[t.comps.size()];
    int annotatedCount = (int) t.comps.stream().filter(c -> !c.anns().isEmpty()).count();
    Object[] annotated = new Object[annotatedCount];
    Object[] bad = null;
    badValue = null;
    int width = 0;
    boolean mayBeInfinite = false;
    boolean zeroWeight = false;
    int a = 0;
    for (int j = 0; j < t.comps.size(); j++) {
      Comp c = t.comps.get(j);
      Object value;
      if (c.anns().isEmpty()) {
        value = ignored(c.type());
      } else {
        Ann ann = c.anns().get(0);
        switch (ann.role()) {
          case RESPONSE:
            value = response(c.type(), k, trials);
            break;
          case PARAM: {
            Parameter p = sig.parameter(ann.value() == null || ann.value().isEmpty()
                ? sig.primary().name() : ann.value()).orElseThrow();
            if (p.vector()) {
              int n = p.name().equals("scaleTril") ? k * (k + 1) / 2 : k;
              double[] etas = new double[n];
              for (int i = 0; i < n; i++) {
                etas[i] = uniform(-2, 2);
              }
              value = etas;
              width += n;
            } else {
              Link link = ann.link() == null ? Link.DEFAULT : ann.link();
              if (p.equals(sig.primary()) && link == Link.DEFAULT && t.outerLink != null) {
                link = t.outerLink;
              }
              link = link == Link.DEFAULT ? p.defaultLink() : link;
              boolean guarded = link == Link.INVERSE_SQUARED
                  || (p.domain() == Families.Domain.POSITIVE && Families.fit(link, p) == Families.Fit.WARN);
              mayBeInfinite |= guarded;
              value = guarded ? (r.nextInt(4) == 0 ? uniform(-1, 0) : uniform(0.05, 3))
                  : link == Link.INVERSE ? (r.nextBoolean() ? 1 : -1) * uniform(0.3, 3)
                  : uniform(-3, 3);
              width += 1;
            }
            break;
          }
          case KNOWN:
            value = known(sig.parameter(ann.value()).orElseThrow(), trials);
            break;
          case OFFSET:
            value = uniform(-1, 1);
            break;
          default:
            value = r.nextInt(5) == 0 ? 0.0 : uniform(0, 3);
            zeroWeight = (double) value == 0.0;
        }
        annotated[a] = value;
        if (ann.role() == Role.RESPONSE) {
          badIndex = a;
          badValue = outsideSupport(c.type(), k);
        }
        a++;
      }
      all[j] = value;
    }
    if (badValue != null) {
      bad = annotated.clone();
      bad[badIndex] = badValue;
    }
    return new Sample(annotated, all, width, mayBeInfinite, bad, zeroWeight);
  }

  private int badIndex = -1;
  private Object badValue;

  private Object ignored(String type) {
    switch (type) {
      case "int":
        return 7;
      case "long":
        return 7L;
      case "double":
        return 0.5;
      case "boolean":
        return true;
      default:
        return null;
    }
  }

  private Object response(String type, int k, int trials) {
    switch (sig.support()) {
      case REAL:
        return uniform(-5, 5);
      case POSITIVE:
        return uniform(0.05, 10);
      case NON_NEGATIVE:
        return r.nextInt(5) == 0 ? 0.0 : uniform(0, 10);
      case UNIT_OPEN:
        return uniform(0.01, 0.99);
      case COUNT: {
        int n = r.nextInt(21);
        return type.equals("long") ? (Object) (long) n : type.equals("double") ? (Object) (double) n : (Object) n;
      }
      case BINARY:
        return type.equals("boolean") ? (Object) r.nextBoolean()
            : type.equals("int") ? (Object) r.nextInt(2) : (Object) r.nextDouble();
      case SIGNED_BINARY:
        return type.equals("boolean") ? (Object) r.nextBoolean() : (Object) (r.nextBoolean() ? 1 : -1);
      case BOUNDED_COUNT:
        return r.nextInt(trials + 1);
      case CATEGORY: {
        if (type.equals("int")) {
          return r.nextInt(k);
        }
        double[] target = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
          target[i] = r.nextDouble();
          sum += target[i];
        }
        for (int i = 0; i < k; i++) {
          target[i] /= sum;
        }
        return target;
      }
      case REAL_VECTOR: {
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
          y[i] = uniform(-3, 3);
        }
        return y;
      }
      case RANKING: {
        int[] items = new int[k];
        for (int i = 0; i < k; i++) {
          items[i] = i;
        }
        for (int i = k - 1; i > 0; i--) {
          int s = r.nextInt(i + 1);
          int tmp = items[i];
          items[i] = items[s];
          items[s] = tmp;
        }
        int ranked = 1 + r.nextInt(k);
        if (r.nextBoolean()) {
          return Arrays.copyOf(items, ranked);
        }
        Arrays.fill(items, ranked, k, -1); // padded, as a batch row is
        return items;
      }
      default:
        throw new AssertionError(sig.support());
    }
  }

  /** An observation outside the support, or null where every value of the type is inside. */
  private Object outsideSupport(String type, int k) {
    switch (type) {
      case "double":
        return Double.NaN;
      case "int":
        return -7;
      case "long":
        return -7L;
      case "double[]": {
        double[] y = new double[k];
        y[0] = Double.NaN;
        return y;
      }
      case "int[]":
        return new int[] {k};
      default:
        return null;
    }
  }

  private Object known(Parameter p, int trials) {
    switch (p.domain()) {
      case POSITIVE:
        return uniform(0.2, 4);
      case PROBABILITY:
        return uniform(0.05, 0.95);
      case COUNT:
        return trials;
      case NON_NEGATIVE:
        return uniform(0, 3);
      case WEIGHT_OR_OFF:
        return r.nextInt(4) == 0 ? -1.0 : r.nextDouble();
      case FRACTION:
        return uniform(0, 0.9);
      default:
        return uniform(-2, 2);
    }
  }
}
