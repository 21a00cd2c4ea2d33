package dev.likelihood.processor.derive;

import static dev.likelihood.processor.derive.Exprs.constant;
import static dev.likelihood.processor.derive.Exprs.dependsOn;
import static dev.likelihood.processor.derive.Exprs.substitute;
import static dev.likelihood.processor.derive.Exprs.sum;
import static dev.likelihood.processor.derive.Exprs.var;

import dev.likelihood.processor.derive.DerivedLoss.Case;
import dev.likelihood.processor.derive.DerivedLoss.Guard;
import dev.likelihood.processor.derive.Expr.Sum;
import dev.likelihood.processor.derive.Expr.Var;
import dev.likelihood.processor.model.Component;
import dev.likelihood.processor.model.LikelihoodModel;
import dev.likelihood.processor.model.LinkRules;
import dev.likelihood.processor.model.ParameterBinding;
import dev.likelihood.processor.model.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Composes a record's family with its links, rewrites the result into stable primitives, drops
 * constants if asked, specialises binary responses per label and differentiates: the record's
 * whole derivation, with no code per (family, link) pair.
 */
public final class Derivation {

  private Derivation() {}

  public static DerivedLoss derive(LikelihoodModel model) {
    Map<String, Double> constants = new HashMap<>();
    for (ParameterBinding binding : model.parameters()) {
      if (binding.source() == dev.likelihood.processor.model.Source.CONSTANT
          || binding.source() == dev.likelihood.processor.model.Source.DEFAULT) {
        constants.put(binding.parameter().name(), binding.value());
      }
    }
    Density density = Densities.of(model.family(), constants);
    Map<Var, Expr> bindings = new HashMap<>();
    Map<Var, Expr> predictorBindings = new HashMap<>();
    bindings.put(Densities.Y, var(model.response().name()));
    List<Guard> guards = new ArrayList<>();
    for (ParameterBinding binding : model.parameters()) {
      Var theta = Densities.theta(binding.parameter().name());
      switch (binding.source()) {
        case PARAM:
          Component component = binding.component();
          Expr eta = linearPredictor(model, binding);
          bindings.put(theta, InverseLinks.inverse(binding.link(), eta));
          predictorBindings.put(
              theta, InverseLinks.inverse(binding.link(), var(component.name())));
          if (LinkRules.needsPositiveEta(binding.link(), binding.parameter().domain())) {
            guards.add(new Guard(component, eta));
          }
          break;
        case KNOWN:
          bindings.put(theta, var(binding.component().name()));
          predictorBindings.put(theta, var(binding.component().name()));
          break;
        case CONSTANT:
        case DEFAULT:
          bindings.put(theta, constant(binding.value()));
          predictorBindings.put(theta, constant(binding.value()));
          break;
        default:
          throw new AssertionError(binding.source());
      }
    }

    Expr fullNll = StableRewrites.apply(substitute(density.nll(), bindings));
    List<Expr> dropped = new ArrayList<>();
    Expr nll = model.dropConstants() ? dropConstants(fullNll, model, dropped) : fullNll;

    List<Case> cases = new ArrayList<>();
    if (isBinaryLabel(model)) {
      Var y = (Var) var(model.response().name());
      for (double label : model.signature().support().labels()) {
        cases.add(specialise(model, nll, y, label));
      }
    } else {
      cases.add(new Case(null, nll, gradient(model, nll)));
    }
    return new DerivedLoss(
        model,
        cases,
        guards,
        density.formula(),
        dropped,
        inference(density.mean(), predictorBindings),
        inference(density.mode(), predictorBindings));
  }

  private static Expr linearPredictor(LikelihoodModel model, ParameterBinding binding) {
    Expr eta = var(binding.component().name());
    boolean primary = binding.parameter().equals(model.signature().primary());
    if (primary && model.offset().isPresent()) {
      return sum(eta, var(model.offset().get().name()));
    }
    return eta;
  }

  private static boolean isBinaryLabel(LikelihoodModel model) {
    ValueType type = model.response().type();
    return model.signature().support().labels() != null
        && (type == ValueType.BOOLEAN || type == ValueType.INT);
  }

  private static Case specialise(LikelihoodModel model, Expr nll, Var y, double label) {
    Expr specialised = StableRewrites.apply(substitute(nll, Map.of(y, constant(label))));
    return new Case(label, specialised, gradient(model, specialised));
  }

  private static List<Expr> gradient(LikelihoodModel model, Expr nll) {
    List<Expr> gradient = new ArrayList<>();
    for (Component component : model.paramComponents()) {
      Expr d = Differentiator.derivative(nll, (Var) var(component.name()));
      gradient.add(Regroup.apply(StableRewrites.apply(d), Regroup.groupsIn(nll)));
    }
    return gradient;
  }

  /** Stan's propto rule: keep an additive term only if it mentions a {@code @Param}. */
  private static Expr dropConstants(Expr nll, LikelihoodModel model, List<Expr> dropped) {
    List<Expr> terms = nll instanceof Sum s ? s.terms() : List.of(nll);
    List<Expr> kept = new ArrayList<>();
    for (Expr term : terms) {
      boolean mentionsParam =
          model.paramComponents().stream()
              .anyMatch(c -> dependsOn(term, (Var) var(c.name())));
      (mentionsParam ? kept : dropped).add(term);
    }
    return sum(kept);
  }

  private static Expr inference(Expr statistic, Map<Var, Expr> predictorBindings) {
    return statistic == null
        ? null
        : StableRewrites.apply(substitute(statistic, predictorBindings));
  }
}
