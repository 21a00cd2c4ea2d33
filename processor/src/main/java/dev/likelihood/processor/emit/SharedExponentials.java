package dev.likelihood.processor.emit;

import dev.likelihood.processor.derive.DerivedLoss.Case;
import dev.likelihood.processor.derive.DerivedLoss.Spot;
import dev.likelihood.processor.derive.Expr;
import dev.likelihood.processor.derive.Expr.Call;
import dev.likelihood.processor.derive.Exprs;
import dev.likelihood.processor.derive.Fn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares one exponential between functions of the same argument (or of its negation) that each
 * compute it inside, as the JIT does not merge two calls of Math.exp: softplus and sigmoid share
 * exp(-|x|), logCosh and tanh share expm1(-|x|). Where one output set (an NLL and its gradient)
 * holds two or more calls of one such pair on +-x, they become {@code softplus(x, e)} and {@code
 * sigmoid(+-x, e)} with {@code e = expNegAbs(x)} (or {@code logCosh(x, v)} and {@code tanh(+-x,
 * v)} with {@code v = expm1NegAbs(x)}), which the straight-line code then declares once. The
 * logistic NLL softplus(-eta) and its gradient -sigmoid(-eta) so cost one exp and one log1p, as
 * an expert writes them. A lone call is left as it is (the generated code should read as the
 * derivation where nothing is gained).
 */
final class SharedExponentials {

  private SharedExponentials() {}

  /** The case with shared exponentials across its NLL and, if asked for, its gradient. */
  static Case lower(Case c, boolean withGradient) {
    return lower(c, withGradient, false);
  }

  /**
   * The case with shared exponentials across its NLL, its gradient if asked for, and its Hessian
   * if asked for (which implies the gradient).
   */
  static Case lower(Case c, boolean withGradient, boolean withHessian) {
    List<Expr> outputs = new ArrayList<>();
    outputs.add(c.nll());
    if (withGradient || withHessian) {
      outputs.addAll(c.gradient());
      c.spots().forEach(spot -> outputs.add(spot.value()));
    }
    if (withHessian) {
      outputs.addAll(c.hessian());
    }
    List<Expr> lowered = lower(outputs);
    if (lowered == outputs) {
      return c;
    }
    if (!withGradient && !withHessian) {
      return new Case(c.label(), lowered.get(0), c.gradient(), c.spots(), c.hessian());
    }
    int n = c.gradient().size();
    List<Spot> spots = new ArrayList<>();
    for (int k = 0; k < c.spots().size(); k++) {
      Spot spot = c.spots().get(k);
      spots.add(new Spot(spot.gradient(), spot.at(), lowered.get(1 + n + k)));
    }
    int hessianStart = 1 + n + c.spots().size();
    List<Expr> hessian = withHessian ? lowered.subList(hessianStart, lowered.size()) : c.hessian();
    return new Case(c.label(), lowered.get(0), lowered.subList(1, 1 + n), spots, hessian);
  }

  /**
   * Each function whose exponential can be shared: the function computing that exponential of
   * |x|, and the two-argument form taking it.
   */
  private static final Map<Fn, Fn[]> SHARED_FORMS = Map.of(
      Fn.SOFTPLUS, new Fn[] {Fn.EXP_NEG_ABS, Fn.SOFTPLUS_GIVEN_EXP},
      Fn.SIGMOID, new Fn[] {Fn.EXP_NEG_ABS, Fn.SIGMOID_GIVEN_EXP},
      Fn.LOG_COSH, new Fn[] {Fn.EXPM1_NEG_ABS, Fn.LOG_COSH_GIVEN_EXPM1},
      Fn.TANH, new Fn[] {Fn.EXPM1_NEG_ABS, Fn.TANH_GIVEN_EXPM1});

  /** The expressions with shared exponentials, in the same order. */
  static List<Expr> lower(List<Expr> outputs) {
    Map<Exponential, List<Call>> byMagnitude = new HashMap<>();
    outputs.forEach(e -> collect(e, byMagnitude));
    Map<Expr, Expr> replacements = new HashMap<>();
    byMagnitude.forEach((key, calls) -> {
      if (calls.stream().distinct().count() < 2) {
        return;
      }
      Expr shared = Exprs.call(key.function(), key.argument());
      for (Call c : calls) {
        replacements.put(c, Exprs.call(SHARED_FORMS.get(c.fn())[1], c.args().get(0), shared));
      }
    });
    if (replacements.isEmpty()) {
      return outputs;
    }
    List<Expr> lowered = new ArrayList<>();
    outputs.forEach(e -> lowered.add(Exprs.replace(e, replacements)));
    return lowered;
  }

  /** A shared exponential: its function of x (or of -x, whichever was met first). */
  private record Exponential(Fn function, Expr argument) {}

  private static void collect(Expr e, Map<Exponential, List<Call>> byMagnitude) {
    if (e instanceof Call c && SHARED_FORMS.containsKey(c.fn())) {
      Fn function = SHARED_FORMS.get(c.fn())[0];
      Expr x = c.args().get(0);
      Exponential negated = new Exponential(function, Exprs.neg(x));
      Exponential key = byMagnitude.containsKey(negated) ? negated : new Exponential(function, x);
      byMagnitude.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    Exprs.children(e).forEach(child -> collect(child, byMagnitude));
  }
}
