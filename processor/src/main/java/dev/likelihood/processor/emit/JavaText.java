package dev.likelihood.processor.emit;

import com.palantir.javapoet.CodeBlock;

/**
 * Turns expression text into a {@link CodeBlock} whose references to the runtime's
 * {@code StableMath} are type references, so that JavaPoet writes the import.
 */
final class JavaText {

  private static final String STABLE_MATH = "StableMath.";

  private JavaText() {}

  static CodeBlock code(String text) {
    CodeBlock.Builder code = CodeBlock.builder();
    int from = 0;
    for (int at = text.indexOf(STABLE_MATH); at >= 0; at = text.indexOf(STABLE_MATH, from)) {
      code.add("$L$T.", text.substring(from, at), Types.STABLE_MATH);
      from = at + STABLE_MATH.length();
    }
    return code.add("$L", text.substring(from)).build();
  }
}
