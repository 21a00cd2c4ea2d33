package dev.likelihood.processor.emit;

import com.palantir.javapoet.ClassName;

/** The runtime types generated code refers to. */
final class Types {

  static final String RUNTIME = "dev.likelihood.runtime";
  static final ClassName CHECKS = ClassName.get(RUNTIME, "Checks");
  static final ClassName STABLE_MATH = ClassName.get(RUNTIME, "StableMath");
  static final ClassName REDUCTION = ClassName.get(RUNTIME, "Reduction");
  static final ClassName LIKELIHOOD_LOSS = ClassName.get(RUNTIME, "LikelihoodLoss");
  static final ClassName COMPENSATED_SUM = ClassName.get(RUNTIME, "CompensatedSum");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private Types() {}
}
