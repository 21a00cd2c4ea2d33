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
 * Shares one exponential between softplus and sigmoid of the same argument (or of its negation):
 * each computes exp(-|x|) inside, and the JIT does not merge two calls of Math.exp. Where one
 * output set (an NLL and its gradient) holds two or more such calls on +-x, they become {@code
 * softplus(x, e)} and {@code sigmoid(+-x, e)} with {@code e = expNegAbs(x)}, which the
 * straight-line code then declares once. The logistic NLL softplus(-eta) and its gradient
 * -sigmoid(-eta) so cost one exp and one log1p, as an expert writes them. A lone call is left as
 * it is (the generated code should read as the derivation where nothing is gained).
 */
final class SharedExponentials {

  private SharedExponentials() {}

  /** The case with shared exponentials across its NLL and, if asked for, its gradient. */
  static Case lower(Case c, boolean withGradient) {
    List<Expr> outputs = new ArrayList<>();
    outputs.add(c.nll());
    if (withGradient) {
      outputs.addAll(c.gradient());
      c.spots().forEach(spot -> outputs.add(spot.value()));
    }
    List<Expr> lowered = lower(outputs);
    if (lowered == outputs) {
      return c;
    }
    if (!withGradient) {
      return new Case(c.label(), lowered.get(0), c.gradient(), c.spots());
    }
    int n = c.gradient().size();
    List<Spot> spots = new ArrayList<>();
    for (int k = 0; k < c.spots().size(); k++) {
      Spot spot = c.spots().get(k);
      spots.add(new Spot(spot.gradient(), spot.at(), lowered.get(1 + n + k)));
    }
    return new Case(c.label(), lowered.get(0), lowered.subList(1, 1 + n), spots);
  }

  /** The expressions with shared exponentials, in the same order. */
  static List<Expr> lower(List<Expr> outputs) {
    Map<Expr, List<Call>> byMagnitude = new HashMap<>();
    outputs.forEach(e -> collect(e, byMagnitude));
    Map<Expr, Expr> replacements = new HashMap<>();
    byMagnitude.forEach((argument, calls) -> {
      if (calls.stream().distinct().count() < 2) {
        return;
      }
      Expr e = Exprs.call(Fn.EXP_NEG_ABS, argument);
      for (Call c : calls) {
        Fn shared = c.fn() == Fn.SOFTPLUS ? Fn.SOFTPLUS_GIVEN_EXP : Fn.SIGMOID_GIVEN_EXP;
        replacements.put(c, Exprs.call(shared, c.args().get(0), e));
      }
    });
    if (replacements.isEmpty()) {
      return outputs;
    }
    List<Expr> lowered = new ArrayList<>();
    outputs.forEach(e -> lowered.add(Exprs.replace(e, replacements)));
    return lowered;
  }

  private static void collect(Expr e, Map<Expr, List<Call>> byMagnitude) {
    if (e instanceof Call c && (c.fn() == Fn.SOFTPLUS || c.fn() == Fn.SIGMOID)) {
      Expr x = c.args().get(0);
      Expr negated = Exprs.neg(x);
      Expr key = byMagnitude.containsKey(negated) ? negated : x;
      byMagnitude.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    Exprs.children(e).forEach(child -> collect(child, byMagnitude));
  }
}
