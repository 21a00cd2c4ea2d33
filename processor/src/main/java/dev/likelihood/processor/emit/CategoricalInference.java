package dev.likelihood.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/** SPEC's inference methods of a CATEGORICAL loss: the class probabilities and the mode. */
final class CategoricalInference {

  private static final ClassName SOFTMAX = ClassName.get(Types.RUNTIME, "Softmax");

  private CategoricalInference() {}

  static void addTo(TypeSpec.Builder type, String logits) {
    String out = logits.equals("out") ? "probabilities" : "out";
    type.addMethod(
        MethodSpec.methodBuilder("probabilities")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addJavadoc(
                "Writes the class probabilities softmax($L) into {@code $L} (recipe step 4); a"
                    + " masked class (logit -Infinity) gets exactly 0.\n\n"
                    + "@throws IllegalArgumentException if the two lengths differ\n",
                logits, out)
            .addParameter(double[].class, logits)
            .addParameter(double[].class, out)
            .addStatement("$T.sameWidth($S, $L.length, $S, $L.length)", Types.CHECKS, out, out, logits, logits)
            .addStatement("$T.probabilities($L, 0, $L.length, $L, 0)", SOFTMAX, logits, logits, out)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("mode")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(int.class)
            .addJavadoc(
                "The most probable class: the index of the largest logit, the first of equal ones"
                    + " (recipe step 4); -1 if a logit is NaN.\n")
            .addParameter(double[].class, logits)
            .addStatement("return $T.argmax($L, 0, $L.length)", SOFTMAX, logits, logits)
            .build());
  }
}
