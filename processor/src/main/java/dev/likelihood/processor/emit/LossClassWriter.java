package dev.likelihood.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.likelihood.processor.derive.DerivedLoss;
import dev.likelihood.processor.derive.Expr;
import dev.likelihood.processor.model.Component;
import dev.likelihood.processor.model.LikelihoodModel;
import dev.likelihood.processor.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/** Builds the {@code FooLoss} class of SPEC.md, "The generated class", from a derivation. */
public final class LossClassWriter {

  private final DerivedLoss loss;
  private final LikelihoodModel model;
  private final ClassName recordType;
  private final ClassName lossType;
  private final ClassConstants constants;
  private final VectorShapes shapes;

  public LossClassWriter(DerivedLoss loss) {
    this.loss = loss;
    this.model = loss.model();
    String[] names = model.recordName().split("\\.");
    this.recordType =
        ClassName.get(model.packageName(), names[0], java.util.Arrays.copyOfRange(names, 1, names.length));
    this.lossType = ClassName.get(model.packageName(), model.lossClassName());
    this.constants = new ClassConstants(loss);
    this.shapes = new VectorShapes(model);
  }

  public TypeSpec write() {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(lossType)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(ParameterizedTypeName.get(Types.LIKELIHOOD_LOSS, recordType))
            .alwaysQualify(model.shadowedNames().toArray(String[]::new))
            .addJavadoc("$L", DerivationJavadoc.of(loss))
            .addField(
                FieldSpec.builder(lossType, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The stateless instance, for code that works with any loss.\n")
                    .initializer("new $T()", lossType)
                    .build())
            .addFields(constants.fields())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(nll())
            .addMethod(nllAndGradient())
            .addMethods(new BatchMethods(loss, shapes, constants).all());
    if (loss.hasHessian()) {
      type.addMethod(nllGradientHessian());
      type.addMethods(new BatchMethods(loss, shapes, constants).hessian());
    }
    type.addMethod(instanceNll(false)).addMethod(instanceNll(true));
    if (model.family() == dev.likelihood.Family.CATEGORICAL) {
      CategoricalInference.addTo(type, shapes.widthSource().name());
    }
    inference("mean", loss.mean(), "The distribution's mean").ifPresent(type::addMethod);
    inference("mode", loss.mode(), "The distribution's mode").ifPresent(type::addMethod);
    if (loss.fisherWeight() != null) {
      type.addMethod(FisherWeightMethod.of(loss, constants));
    }
    return type.build();
  }

  private Map<String, String> perSampleVariables() {
    Map<String, String> variables = new LinkedHashMap<>();
    for (Component c : model.components()) {
      variables.put(c.name(), c.type().isArray() ? c.name() + "[%s]" : c.name());
      markInteger(variables, c);
    }
    return variables;
  }

  /**
   * One sample's vectors: declares their common length and checks that they agree, into the
   * variables as {@link ExpressionWriter#WIDTH}.
   */
  private void declareSampleWidth(CodeBlock.Builder code, LocalNames names, Map<String, String> variables) {
    if (!shapes.isVector()) {
      return;
    }
    String width = names.fresh(shapes.widthName());
    Component source = shapes.widthSource();
    code.addStatement("final int $L = $L.length", width, source.name());
    for (Component c : shapes.vectors()) {
      if (c != source && !VectorShapes.isRanking(c)) {
        code.addStatement(
            "$T.$L($S, $L.length, $S, $L)", Types.CHECKS,
            shapes.isTriangle(c) ? "triangleWidth" : "sameWidth", c.name(), c.name(), source.name(),
            width);
      }
    }
    variables.put(ExpressionWriter.WIDTH, width);
  }

  private MethodSpec nll() {
    LocalNames names = LocalNames.reserving(model);
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("nll")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(double.class)
            .addJavadoc("The negative log-likelihood of one sample$L.\n", weightedNote());
    addSampleParameters(method);
    CodeBlock.Builder code = CodeBlock.builder();
    Map<String, String> variables = perSampleVariables();
    declareSampleWidth(code, names, variables);
    RowBody.Outputs out =
        new RowBody(loss, variables, "Checks.NO_ROW", names, code, constants).write(false, null);
    code.addStatement("return $L", weighted(model, out.nll(), variables));
    return method.addCode(code.build()).build();
  }

  private MethodSpec nllAndGradient() {
    LocalNames names = LocalNames.reserving(model);
    String grad = names.fresh("grad");
    String offset = names.fresh("offset");
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("nllAndGradient")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(double.class)
            .addJavadoc(
                "The negative log-likelihood of one sample$L; writes its derivative with respect to"
                    + " $L into {@code $L[$L...]}.\n",
                weightedNote(),
                paramList(),
                grad,
                offset);
    addSampleParameters(method);
    method.addParameter(double[].class, grad).addParameter(int.class, offset);
    CodeBlock.Builder code = CodeBlock.builder();
    Map<String, String> variables = perSampleVariables();
    declareSampleWidth(code, names, variables);
    List<Component> params = model.paramComponents();
    List<String> positions = new ArrayList<>();
    int scalarsBefore = 0;
    StringBuilder vectorsBefore = new StringBuilder();
    for (Component c : params) {
      positions.add(offset + (scalarsBefore == 0 ? "" : " + " + scalarsBefore) + vectorsBefore);
      if (c.type().isArray()) {
        vectorsBefore.append(" + ").append(c.name()).append(".length");
      } else {
        scalarsBefore++;
      }
    }
    RowBody.Sink sink = new RowBody.Sink() {
      @Override
      public String array(Component c) {
        return grad;
      }

      @Override
      public String offset(Component c) {
        return positions.get(params.indexOf(c));
      }

      @Override
      public String factor() {
        return model.weight().map(Component::name).orElse(null);
      }
    };
    RowBody.Outputs out =
        new RowBody(loss, variables, "Checks.NO_ROW", names, code, constants).write(true, sink);
    for (int k = 0; k < out.gradient().size(); k++) {
      if (out.gradient().get(k) != null) {
        code.addStatement("$L[$L] = $L", grad, positions.get(k), weighted(model, out.gradient().get(k), variables));
      }
    }
    code.addStatement("return $L", weighted(model, out.nll(), variables));
    return method.addCode(code.build()).build();
  }

  private MethodSpec nllGradientHessian() {
    LocalNames names = LocalNames.reserving(model);
    String grad = names.fresh("grad");
    String hessian = names.fresh("hessian");
    List<Component> params = model.paramComponents();
    int p = params.size();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("nllGradientHessian")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(double.class)
            .addJavadoc(
                "The negative log-likelihood of one sample$L; writes its derivative with respect to"
                    + " $L into {@code $L[0..$L)} and its observed Hessian, d2 nll / d eta_a d eta_b"
                    + " with a and b those components in record order, row-major into"
                    + " {@code $L[0..$L)}. The offset, known parameters and constants enter as in"
                    + " {@code nllAndGradient}$L.\n",
                weightedNote(),
                paramList(),
                grad,
                p,
                hessian,
                p * p,
                kinkNote());
    addSampleParameters(method);
    method.addParameter(double[].class, grad).addParameter(double[].class, hessian);
    CodeBlock.Builder code = CodeBlock.builder();
    Map<String, String> variables = perSampleVariables();
    RowBody.Outputs out =
        new RowBody(loss, variables, "Checks.NO_ROW", names, code, constants).write(true, true, null);
    for (int a = 0; a < p; a++) {
      code.addStatement("$L[$L] = $L", grad, a, weighted(model, out.gradient().get(a), variables));
    }
    for (int k = 0; k < p * p; k++) {
      code.addStatement("$L[$L] = $L", hessian, k, weighted(model, out.hessian().get(k), variables));
    }
    code.addStatement("return $L", weighted(model, out.nll(), variables));
    return method.addCode(code.build()).build();
  }

  /** Where the NLL has a kink, what its second derivative is taken to be there. */
  String kinkNote() {
    switch (model.family()) {
      case LAPLACE:
      case HINGE:
        return "; the derivative of the kink's sign (of abs, of relu) is taken as 0, its value"
            + " almost everywhere, also at the kink itself";
      case HUBER:
        return "; the second derivative is 1 (times the link's terms) inside |r| < delta and 0"
            + " outside, and 0 at |r| = delta itself";
      default:
        return "";
    }
  }

  private MethodSpec instanceNll(boolean withGradient) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(withGradient ? "nllAndGradient" : "nll")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(double.class)
            .addParameter(recordType, "sample");
    List<String> args = new ArrayList<>();
    model.components().forEach(c -> args.add("sample." + c.name() + "()"));
    if (withGradient) {
      method.addParameter(double[].class, "grad").addParameter(int.class, "offset");
      args.add("grad");
      args.add("offset");
    }
    return method
        .addStatement("return $L($L)", withGradient ? "nllAndGradient" : "nll", String.join(", ", args))
        .build();
  }

  private Optional<MethodSpec> inference(String name, Expr statistic, String what) {
    if (statistic == null) {
      return Optional.empty();
    }
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(double.class)
            .addJavadoc(
                "$L for one sample's predictions (recipe step 4)$L.\n",
                what,
                model.offset().isPresent()
                    ? "; the offset is not applied: pass the linear predictor with the offset added"
                    : "");
    return Optional.of(PredictorFunction.build(method, model, statistic, constants, CodeBlock.of("")));
  }

  private void addSampleParameters(MethodSpec.Builder method) {
    for (Component c : model.components()) {
      method.addParameter(sampleType(c), c.name());
    }
  }

  /** Marks an int or long component for {@link ExpressionWriter#integerKey}. */
  static void markInteger(Map<String, String> variables, Component c) {
    if (c.type() == ValueType.INT || c.type() == ValueType.LONG) {
      variables.put(ExpressionWriter.integerKey(c.name()), c.name());
    }
  }

  /** The value times the sample's weight, where the model has one. */
  static String weighted(LikelihoodModel model, String value, Map<String, String> variables) {
    return model.weight().map(w -> variables.get(w.name()) + " * " + value).orElse(value);
  }

  private String weightedNote() {
    return model.weight().map(w -> ", times its weight {@code " + w.name() + "}").orElse("");
  }

  private String paramList() {
    List<String> names = new ArrayList<>();
    model.paramComponents().forEach(c -> names.add("{@code " + c.name() + "}"));
    return names.isEmpty() ? "no parameter" : String.join(", ", names);
  }

  private static TypeName sampleType(Component c) {
    return typeName(c.type());
  }

  static TypeName columnType(Component c) {
    return c.type().isArray()
        ? typeName(c.type())
        : com.palantir.javapoet.ArrayTypeName.of(typeName(c.type()));
  }

  private static TypeName typeName(ValueType type) {
    switch (type) {
      case BOOLEAN:
        return TypeName.BOOLEAN;
      case INT:
        return TypeName.INT;
      case LONG:
        return TypeName.LONG;
      case DOUBLE:
        return TypeName.DOUBLE;
      case DOUBLE_ARRAY:
        return com.palantir.javapoet.ArrayTypeName.of(TypeName.DOUBLE);
      case INT_ARRAY:
        return com.palantir.javapoet.ArrayTypeName.of(TypeName.INT);
      default:
        throw new AssertionError(type);
    }
  }

  static String gradientColumn(Component c) {
    return "grad" + Character.toUpperCase(c.name().charAt(0)) + c.name().substring(1);
  }
}
