package dev.likelihood.processor.derive;

import dev.likelihood.processor.model.Component;
import dev.likelihood.processor.model.LikelihoodModel;
import java.util.List;

/**
 * The result of derivation: what the emitter turns into Java. Variables in the expressions are
 * the record's component names.
 *
 * @param model the validated record
 * @param cases the straight-line programs; one with a null label for a continuous response, or
 *     one per label (1, then 0) for a binary response, each specialised to its label
 * @param guards the components (with offsets already added in {@link Guard#eta}) whose value must
 *     be positive, else the NLL is +Infinity
 * @param formula the family's negative log-density as the Javadoc states it
 * @param droppedTerms the additive terms {@code dropConstants} removed
 * @param mean the distribution's mean over the predictor components, or null
 * @param mode the distribution's mode over the predictor components, or null
 * @param kernel the runtime kernel that computes the NLL and gradient instead of {@code cases}
 *     (which is then empty), or null
 * @param fisherWeight the expected information of one sample with respect to the only
 *     {@code @Param} component, over the predictor components, or null where there is none in
 *     closed form
 */
public record DerivedLoss(
    LikelihoodModel model,
    List<Case> cases,
    List<Guard> guards,
    String formula,
    List<Expr> droppedTerms,
    Expr mean,
    Expr mode,
    Kernel kernel,
    Expr fisherWeight) {

  public DerivedLoss {
    cases = List.copyOf(cases);
    guards = List.copyOf(guards);
    droppedTerms = List.copyOf(droppedTerms);
  }

  /**
   * One straight-line program.
   *
   * @param label the response value it is specialised to, or null for any value
   * @param nll the negative log-likelihood of one sample, unweighted
   * @param gradient d nll / d component for each {@code @Param} component in record order; for
   *     a vector component, d nll / d component[j] in the free index {@link #ENTRY}, with every
   *     Kronecker delta on it taken as 0
   * @param spots the entries where a delta is 1, which overwrite what {@code gradient} gives there
   * @param hessian d2 nll / d component_a d component_b, row-major over the {@code @Param}
   *     components (P x P), entry (b, a) the same expression as (a, b); empty where the record
   *     has no Hessian (a vector parameter, a primitive without a second-derivative rule)
   */
  public record Case(Double label, Expr nll, List<Expr> gradient, List<Spot> spots, List<Expr> hessian) {
    public Case {
      gradient = List.copyOf(gradient);
      spots = List.copyOf(spots);
      hessian = List.copyOf(hessian);
    }
  }

  /** Whether every case has the Hessian: the class then has {@code nllGradientHessian}. */
  public boolean hasHessian() {
    return !cases.isEmpty() && cases.stream().noneMatch(c -> c.hessian().isEmpty());
  }

  /** The free index j of a vector component's gradient entry. */
  public static final Expr.Index ENTRY = new Expr.Index("j");

  /**
   * The gradient entry of a vector component at an index the data picks ({@code logits[label]}),
   * where d nll / d component[j] has a Kronecker delta [j = label] that is 1.
   *
   * @param gradient the position of the component in {@link Case#gradient}
   * @param at the index, an integer variable of the record
   * @param value the entry there, specialised so that, say, p[y] - 1 is formed as expm1
   */
  public record Spot(int gradient, Expr at, Expr value) {}

  /**
   * A link whose inverse is only valid for eta &gt; 0.
   *
   * @param component the {@code @Param} component
   * @param eta the linear predictor tested, with any offset added
   */
  public record Guard(Component component, Expr eta) {}
}
