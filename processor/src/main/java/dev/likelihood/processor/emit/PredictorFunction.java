package dev.likelihood.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.likelihood.processor.derive.Expr;
import dev.likelihood.processor.model.Component;
import dev.likelihood.processor.model.LikelihoodModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body shared by the methods that evaluate one expression of a sample's predictions ({@code
 * mean}, {@code mode}, {@code fisherWeight}): the {@code @Param} and {@code @Known} components as
 * double parameters, then straight-line code returning the expression.
 */
final class PredictorFunction {

  private PredictorFunction() {}

  /**
   * @param prelude statements before the value (a guard), or an empty block
   */
  static MethodSpec build(
      MethodSpec.Builder method, LikelihoodModel model, Expr value, ClassConstants constants, CodeBlock prelude) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (Component c : model.predictorComponents()) {
      method.addParameter(TypeName.get(double.class), c.name());
      variables.put(c.name(), c.name());
    }
    CodeBlock.Builder code = CodeBlock.builder().add(prelude);
    StraightLineCode straight =
        new StraightLineCode(List.of(value), variables, LocalNames.reserving(model), code, constants);
    code.addStatement("return $L", JavaText.code(straight.java(value)));
    return method.addCode(code.build()).build();
  }
}
