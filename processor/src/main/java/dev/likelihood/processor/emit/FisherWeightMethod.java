package dev.likelihood.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.likelihood.processor.derive.DerivedLoss;
import dev.likelihood.processor.model.Component;
import dev.likelihood.processor.model.LikelihoodModel;
import dev.likelihood.processor.model.LinkRules;
import dev.likelihood.processor.model.ParameterBinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                    + " sample's weight, if any, is not applied.\n",
                eta.name(),
                eta.name(),
                eta.name(),
                eta.name(),
                model.offset().isPresent()
                    ? " (the linear predictor with the offset added)"
                    : "");
    Map<String, String> variables = new LinkedHashMap<>();
    for (Component c : model.predictorComponents()) {
      method.addParameter(TypeName.get(double.class), c.name());
      variables.put(c.name(), c.name());
    }
    CodeBlock.Builder code = CodeBlock.builder();
    ParameterBinding primary = model.parameters().get(0);
    if (LinkRules.needsPositiveEta(primary.link(), primary.parameter().domain())) {
      code.beginControlFlow("if (!($L > 0.0))", eta.name());
      code.add("// the link's inverse is undefined or leaves the parameter's domain here\n");
      code.addStatement("return $T.NaN", Double.class);
      code.endControlFlow();
    }
    StraightLineCode straight =
        new StraightLineCode(
            List.of(loss.fisherWeight()), variables, LocalNames.reserving(model), code, constants);
    code.addStatement("return $L", JavaText.code(straight.java(loss.fisherWeight())));
    return method.addCode(code.build()).build();
  }
}
