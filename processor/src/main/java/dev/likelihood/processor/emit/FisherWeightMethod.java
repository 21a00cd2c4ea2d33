package dev.likelihood.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.likelihood.processor.derive.DerivedLoss;
import dev.likelihood.processor.model.Component;
import dev.likelihood.processor.model.LikelihoodModel;
import dev.likelihood.processor.model.LinkRules;
import dev.likelihood.processor.model.ParameterBinding;
import javax.lang.model.element.Modifier;

/**
 * {@code fisherWeight(...)}: the expected information of one sample with respect to the only
 * {@code @Param}, the working weight of IRLS, for the models whose derivation has one.
 */
final class FisherWeightMethod {

  private FisherWeightMethod() {}

  static MethodSpec of(DerivedLoss loss, ClassConstants constants) {
    LikelihoodModel model = loss.model();
    Component eta = model.paramComponents().get(0);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("fisherWeight")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(double.class)
            .addJavadoc(
                "The expected (Fisher) information of one sample with respect to {@code $L},"
                    + " E[d2 nll / d $L^2] over the response: the IRLS working weight. It is the"
                    + " family's information for its primary parameter times the squared slope of"
                    + " the link, formed so that neither underflows alone (under the logit link"
                    + " sigmoid($L) sigmoid(-$L)). Takes the arguments of {@code mean}$L; the"
                    + " sample's weight, if any, is not applied. (Generated for the records whose"
                    + " only parameter is the primary one of NORMAL, LAPLACE, STUDENT_T, LOG_NORMAL,"
                    + " EXPONENTIAL, GAMMA, INVERSE_GAUSSIAN, VON_MISES, POISSON, BERNOULLI, BINOMIAL,"
                    + " NEGATIVE_BINOMIAL, LOG_COSH or HUBER, under any link; NaN where a link valid"
                    + " only for"
                    + " a positive eta is given another.)\n",
                eta.name(),
                eta.name(),
                eta.name(),
                eta.name(),
                model.offset().isPresent()
                    ? " (the linear predictor with the offset added)"
                    : "");
    CodeBlock.Builder guard = CodeBlock.builder();
    ParameterBinding primary = model.parameters().get(0);
    if (LinkRules.needsPositiveEta(primary.link(), primary.parameter().domain())) {
      guard.beginControlFlow("if (!($L > 0.0))", eta.name());
      guard.add("// the link's inverse is undefined or leaves the parameter's domain here\n");
      guard.addStatement("return $T.NaN", Double.class);
      guard.endControlFlow();
    }
    return PredictorFunction.build(method, model, loss.fisherWeight(), constants, guard.build());
  }
}
