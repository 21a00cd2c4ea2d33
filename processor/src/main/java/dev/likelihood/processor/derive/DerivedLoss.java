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
 */
public record DerivedLoss(
    LikelihoodModel model,
    List<Case> cases,
    List<Guard> guards,
    String formula,
    List<Expr> droppedTerms,
    Expr mean,
    Expr mode) {

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
   * @param gradient d nll / d component for each {@code @Param} component in record order
   */
  public record Case(Double label, Expr nll, List<Expr> gradient) {
    public Case {
      gradient = List.copyOf(gradient);
    }
  }

  /**
   * A link whose inverse is only valid for eta &gt; 0.
   *
   * @param component the {@code @Param} component
   * @param eta the linear predictor tested, with any offset added
   */
  public record Guard(Component component, Expr eta) {}
}
