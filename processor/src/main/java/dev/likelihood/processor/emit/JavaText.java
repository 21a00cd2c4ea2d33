package dev.likelihood.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns expression text into a {@link CodeBlock} whose references to {@code Math}, {@code Double}
 * and the runtime's classes are type references: JavaPoet then writes the imports, and
 * qualifies a name where a type of the user's package would hide it.
 */
final class JavaText {

  private static final Map<String, ClassName> TYPES =
      Map.of(
          "Math", ClassName.get(Math.class),
          "Double", ClassName.get(Double.class),
          "StableMath", Types.STABLE_MATH,
          "GammaMath", ClassName.get(Types.RUNTIME, "GammaMath"),
          "BesselMath", ClassName.get(Types.RUNTIME, "BesselMath"),
          "UncertainSigmoid", ClassName.get(Types.RUNTIME, "UncertainSigmoid"),
          "StudentMath", ClassName.get(Types.RUNTIME, "StudentMath"),
          "Kernels", ClassName.get(Types.RUNTIME, "Kernels"),
          "RobustMath", ClassName.get(Types.RUNTIME, "RobustMath"),
          "Checks", Types.CHECKS);
  private static final Pattern TYPE_REFERENCE =
      Pattern.compile(
          "(?<![\\w$.])(StableMath|GammaMath|BesselMath|UncertainSigmoid|StudentMath|Kernels|RobustMath|Math|Double|Checks)\\.");

  private JavaText() {}

  static CodeBlock code(String text) {
    CodeBlock.Builder code = CodeBlock.builder();
    Matcher m = TYPE_REFERENCE.matcher(text);
    int from = 0;
    while (m.find()) {
      code.add("$L$T.", text.substring(from, m.start()), TYPES.get(m.group(1)));
      from = m.end();
    }
    return code.add("$L", text.substring(from)).build();
  }
}
