package dev.likelihood.processor.derive;

import static dev.likelihood.processor.derive.Exprs.call;
import static dev.likelihood.processor.derive.Exprs.constant;
import static dev.likelihood.processor.derive.Exprs.product;
import static dev.likelihood.processor.derive.Exprs.substitute;
import static dev.likelihood.processor.derive.Exprs.var;

import dev.likelihood.processor.derive.Expr.Var;
import dev.likelihood.processor.model.Component;
import dev.likelihood.processor.model.LikelihoodModel;
import dev.likelihood.processor.model.ParameterBinding;
import dev.likelihood.processor.model.Source;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Second-order quantities of a derived loss: the observed Hessian of one sample's NLL in the
 * {@code @Param} components, and the expected (Fisher) information of a single-parameter model,
 * the working weight of IRLS. Both are derived, never written per (family, link).
 */
final class Curvature {

  private Curvature() {}

  /**
   * d2 nll / d eta_a d eta_b, row-major over the {@code @Param} components in record order: each
   * gradient entry differentiated again and rewritten as the gradient is. Entry (b, a) is entry
   * (a, b), the same expression, so the Hessian is symmetric bit for bit. Empty where the record
   * has a vector parameter or a primitive whose second derivative has no rule (UNCERTAIN_BERNOULLI's
   * logMeanSigmoid).
   */
  static List<Expr> hessian(LikelihoodModel model, Expr nll, List<Expr> gradient) {
    List<Component> params = model.paramComponents();
    if (params.isEmpty() || params.stream().anyMatch(c -> c.type().isArray())) {
      return List.of();
    }
    int p = params.size();
    for (int a = 0; a < p; a++) {
      for (int b = a; b < p; b++) {
        if (!Differentiator.differentiable(gradient.get(a), (Var) var(params.get(b).name()))) {
          return List.of();
        }
      }
    }
    Expr[] entries = new Expr[p * p];
    Set<Expr.Group> groups = Regroup.groupsIn(nll);
    for (int a = 0; a < p; a++) {
      for (int b = a; b < p; b++) {
        Expr d = Differentiator.derivative(gradient.get(a), (Var) var(params.get(b).name()));
        Set<Expr.Group> all = new LinkedHashSet<>(groups);
        all.addAll(Regroup.groupsIn(d));
        Expr entry = Regroup.apply(StableRewrites.apply(d), all);
        entries[a * p + b] = entry;
        entries[b * p + a] = entry;
      }
    }
    return List.of(entries);
  }

  /**
   * The expected information of one sample with respect to eta, I(theta) (d theta / d eta)^2, for
   * a record whose only {@code @Param} is the family's primary parameter; null where the family
   * states no information in closed form. Each factor (d theta / d eta) / denominator is taken as
   * slope * d log(denominator) / d eta after the link is substituted and the log rewritten into its
   * stable primitive; the two factors multiply as productOrZero, since one may overflow where the
   * other underflows (exp(eta) and the cloglog tail at eta = 800).
   *
   * @param predictorBindings each natural parameter as an expression of the predictor components
   *     (no offset), as the inference methods take them
   */
  static Expr fisherWeight(LikelihoodModel model, Density density, Map<Var, Expr> predictorBindings) {
    List<Component> params = model.paramComponents();
    Information information = density.information();
    if (information == null || params.size() != 1 || params.get(0).type().isArray()) {
      return null;
    }
    ParameterBinding primary = model.parameters().get(0);
    if (primary.source() != Source.PARAM || !primary.component().equals(params.get(0))) {
      return null;
    }
    Var eta = (Var) var(params.get(0).name());
    Expr theta = predictorBindings.get(Densities.theta(primary.parameter().name()));
    Expr slope = Differentiator.derivative(theta, eta);
    List<Expr> factors = new ArrayList<>();
    for (Information.Denominator d : List.of(information.first(), information.second())) {
      if (d.slope() == 0) {
        factors.add(StableRewrites.apply(slope));
      } else {
        Expr log = StableRewrites.apply(substitute(d.log(), predictorBindings));
        factors.add(StableRewrites.apply(product(constant(d.slope()), Differentiator.derivative(log, eta))));
      }
    }
    Expr coefficient = StableRewrites.apply(substitute(information.coefficient(), predictorBindings));
    return StableRewrites.apply(product(coefficient, call(Fn.PRODUCT_OR_ZERO, factors.get(0), factors.get(1))));
  }
}
