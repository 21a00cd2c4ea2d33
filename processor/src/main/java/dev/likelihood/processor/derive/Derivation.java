package dev.likelihood.processor.derive;

import static dev.likelihood.processor.derive.Exprs.constant;
import static dev.likelihood.processor.derive.Exprs.dependsOn;
import static dev.likelihood.processor.derive.Exprs.element;
import static dev.likelihood.processor.derive.Exprs.substitute;
import static dev.likelihood.processor.derive.Exprs.substituteElements;
import static dev.likelihood.processor.derive.Exprs.substituteIndex;
import static dev.likelihood.processor.derive.Exprs.sum;
import static dev.likelihood.processor.derive.Exprs.var;

import dev.likelihood.processor.derive.DerivedLoss.Case;
import dev.likelihood.processor.derive.DerivedLoss.Guard;
import dev.likelihood.processor.derive.DerivedLoss.Spot;
import dev.likelihood.processor.derive.Expr.Delta;
import dev.likelihood.processor.derive.Expr.Element;
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
import java.util.function.UnaryOperator;

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
    Kernel kernel = kernelOf(model);
    if (kernel != null) {
      return new DerivedLoss(
          model, List.of(), List.of(), kernel.formula(), List.of(), null, null, kernel, null);
    }
    boolean vectorFamily = model.parameters().stream().anyMatch(b -> b.parameter().vector());
    boolean vectorResponse = model.response().type().isArray();
    Density density = vectorFamily
        ? VectorDensities.of(model.family(), constants, vectorResponse)
        : Densities.of(model.family(), constants);
    Map<Var, Expr> bindings = new HashMap<>();
    Map<Var, Expr> predictorBindings = new HashMap<>();
    Map<String, UnaryOperator<Expr>> elements = new HashMap<>();
    String response = model.response().name();
    if (vectorResponse) {
      elements.put("$y", index -> element(response, index));
    } else {
      bindings.put(Densities.Y, var(response));
    }
    List<Guard> guards = new ArrayList<>();
    for (ParameterBinding binding : model.parameters()) {
      if (binding.parameter().vector()) {
        elements.put("$" + binding.parameter().name(), vectorEntry(binding));
        continue;
      }
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

    Expr fullNll =
        StableRewrites.apply(substituteElements(substitute(density.nll(), bindings), elements));
    List<Expr> dropped = new ArrayList<>();
    Expr nll = model.dropConstants() ? dropConstants(fullNll, model, dropped) : fullNll;

    List<Case> cases = new ArrayList<>();
    if (isBinaryLabel(model)) {
      Var y = (Var) var(model.response().name());
      for (double label : model.signature().support().labels()) {
        cases.add(specialise(model, nll, y, label));
      }
    } else {
      cases.add(withSpots(model, null, nll, gradient(model, nll)));
    }
    return new DerivedLoss(
        model,
        cases,
        guards,
        density.formula(),
        dropped,
        inference(density.mean(), predictorBindings),
        inference(density.mode(), predictorBindings),
        null,
        vectorFamily ? null : Curvature.fisherWeight(model, density, predictorBindings));
  }

  /** The runtime kernel computing the family, or null where the NLL is derived. */
  private static Kernel kernelOf(LikelihoodModel model) {
    if (model.family() == dev.likelihood.Family.PLACKETT_LUCE) {
      return Kernel.PLACKETT_LUCE;
    }
    boolean cholesky = model.parameters().stream()
        .anyMatch(b -> b.parameter().name().equals("scaleTril"));
    return model.family() == dev.likelihood.Family.MULTIVARIATE_NORMAL && cholesky
        ? Kernel.CHOLESKY_NORMAL
        : null;
  }

  /** theta[i] of a vector parameter: its link's inverse at eta[i], or its constant value. */
  private static UnaryOperator<Expr> vectorEntry(ParameterBinding binding) {
    if (binding.source() != dev.likelihood.processor.model.Source.PARAM) {
      double value = binding.value();
      return index -> constant(value);
    }
    String eta = binding.component().name();
    if (binding.link() == dev.likelihood.Link.SOFTMAX) {
      return index -> InverseLinks.softmax(eta, index);
    }
    return index -> InverseLinks.inverse(binding.link(), element(eta, index));
  }

  /**
   * The case with each vector gradient split where a Kronecker delta [j = x] appears: 0 in the
   * loop over j, 1 at the entry x, where the specialised form is rewritten again (p[x] - 1 becomes
   * expm1(...), not a difference).
   */
  private static Case withSpots(LikelihoodModel model, Double label, Expr nll, List<Expr> gradient) {
    List<Expr> everywhere = new ArrayList<>();
    List<Spot> spots = new ArrayList<>();
    for (int k = 0; k < gradient.size(); k++) {
      Expr g = gradient.get(k);
      List<Delta> deltas = new ArrayList<>();
      collectDeltas(g, deltas);
      if (deltas.size() > 1) {
        throw new IllegalStateException("more than one Kronecker delta in " + g);
      }
      if (deltas.isEmpty()) {
        everywhere.add(g);
        continue;
      }
      Delta d = deltas.get(0);
      Expr at = d.a().equals(DerivedLoss.ENTRY) ? d.b() : d.a();
      everywhere.add(StableRewrites.apply(Exprs.replace(g, java.util.Map.of(d, constant(0)))));
      spots.add(new Spot(k, at, StableRewrites.apply(substituteIndex(g, DerivedLoss.ENTRY, at))));
    }
    List<Expr> hessian = spots.isEmpty() ? Curvature.hessian(model, nll, everywhere) : List.of();
    return new Case(label, nll, everywhere, spots, hessian);
  }

  private static void collectDeltas(Expr e, List<Delta> deltas) {
    if (e instanceof Delta d && !deltas.contains(d)) {
      deltas.add(d);
    }
    Exprs.children(e).forEach(child -> collectDeltas(child, deltas));
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
    return withSpots(model, label, specialised, gradient(model, specialised));
  }

  private static List<Expr> gradient(LikelihoodModel model, Expr nll) {
    List<Expr> gradient = new ArrayList<>();
    for (Component component : model.paramComponents()) {
      Expr d = component.type().isArray()
          ? Differentiator.derivative(nll, new Element(component.name(), DerivedLoss.ENTRY))
          : Differentiator.derivative(nll, (Var) var(component.name()));
      // the groups of a vector entry j (z[j]) appear only in the derivative itself
      java.util.Set<Expr.Group> groups = Regroup.groupsIn(nll);
      groups.addAll(Regroup.groupsIn(d));
      gradient.add(Regroup.apply(StableRewrites.apply(d), groups));
    }
    return gradient;
  }

  /** Stan's propto rule: keep an additive term only if it mentions a {@code @Param}. */
  private static Expr dropConstants(Expr nll, LikelihoodModel model, List<Expr> dropped) {
    List<Expr> terms = new ArrayList<>();
    for (Expr term : nll instanceof Sum s ? s.terms() : List.of(nll)) {
      terms.addAll(Densities.additiveParts(term));
    }
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
