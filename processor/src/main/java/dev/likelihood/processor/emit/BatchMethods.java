package dev.likelihood.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.likelihood.processor.derive.DerivedLoss;
import dev.likelihood.processor.model.Component;
import dev.likelihood.processor.model.LikelihoodModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The batch methods of a loss class: {@code loss} and {@code lossAndGradient} over all rows, over
 * rows {@code [from, to)}, and over {@code [from, to)} on a {@code ForkJoinPool}.
 *
 * <p>The row loop lives in one private method per kind ({@code lossRows}, {@code
 * lossAndGradientRows}) that sums one chunk of rows. Both public forms cut {@code [from, to)}
 * into the same fixed chunks ({@code ParallelBatch.CHUNK_ROWS}) and add the chunk sums in order,
 * the sequential one in a loop here, the parallel one through {@code ParallelBatch.sum}: so the
 * result is the same double whatever the pool's parallelism, and the same without a pool.
 */
final class BatchMethods {

  private static final ClassName PARALLEL_BATCH = ClassName.get(Types.RUNTIME, "ParallelBatch");
  private static final ClassName FORK_JOIN_POOL = ClassName.get("java.util.concurrent", "ForkJoinPool");

  private final DerivedLoss loss;
  private final LikelihoodModel model;
  private final VectorShapes shapes;
  private final ClassConstants constants;

  BatchMethods(DerivedLoss loss, VectorShapes shapes, ClassConstants constants) {
    this.loss = loss;
    this.model = loss.model();
    this.shapes = shapes;
    this.constants = constants;
  }

  /** What a batch method computes. */
  private enum Kind {
    LOSS("loss", ""),
    GRADIENT("lossAndGradient", ", with its gradient"),
    HESSIAN("lossGradientHessian", ", with its gradient and each row's Hessian");

    final String methodName;
    final String what;

    Kind(String methodName, String what) {
      this.methodName = methodName;
      this.what = what;
    }

    boolean withGradient() {
      return this != LOSS;
    }
  }

  /** Every batch method, in the order the class declares them. */
  List<MethodSpec> all() {
    List<MethodSpec> methods = new ArrayList<>();
    for (Kind kind : new Kind[] {Kind.LOSS, Kind.GRADIENT}) {
      methods.add(delegate(kind));
      methods.add(ranged(kind, false));
      methods.add(ranged(kind, true));
      methods.add(rows(kind));
    }
    return methods;
  }

  /**
   * {@code lossGradientHessian} over all rows and over {@code [from, to)}, and its chunk's rows;
   * only for a loss that {@link DerivedLoss#hasHessian has a Hessian} (no pool overload).
   */
  List<MethodSpec> hessian() {
    return List.of(delegate(Kind.HESSIAN), ranged(Kind.HESSIAN, false), rows(Kind.HESSIAN));
  }

  private static String rowsName(Kind kind) {
    return kind.methodName + "Rows";
  }

  /** All rows: forwards to the {@code from, to} form. */
  private MethodSpec delegate(Kind kind) {
    boolean withGradient = kind.withGradient();
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(kind.methodName)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(double.class)
            .addJavadoc("The loss over all rows$L; see the {@code from, to} overload.\n", kind.what);
    LocalNames names = LocalNames.reserving(model);
    String reduction = names.fresh("reduction");
    method.addParameter(Types.REDUCTION, reduction);
    List<String> args = new ArrayList<>();
    args.add(reduction);
    String response = model.response().name();
    if (shapes.widthIsGiven()) {
      String width = names.fresh(shapes.widthName());
      method.addParameter(int.class, width);
      args.add(width);
      args.add("0");
      args.add(CodeBlock.of("$T.rowsOf($S, $L.length, $L)", Types.CHECKS, response, response, width).toString());
    } else {
      args.add("0");
      args.add(response + ".length");
    }
    for (Component c : model.components()) {
      method.addParameter(LossClassWriter.columnType(c), c.name());
      args.add(c.name());
    }
    args.addAll(gradientParameters(method, names, withGradient));
    hessianParameter(method, names, kind).ifPresent(args::add);
    return method.addStatement("return $L($L)", kind.methodName, String.join(", ", args)).build();
  }

  /** Rows {@code [from, to)}: checks the columns, then sums the chunks in order, or on a pool. */
  private MethodSpec ranged(Kind kind, boolean onPool) {
    boolean withGradient = kind.withGradient();
    LocalNames names = LocalNames.reserving(model);
    String pool = onPool ? names.fresh("pool") : null;
    String reduction = names.fresh("reduction");
    String givenWidth = shapes.widthIsGiven() ? names.fresh(shapes.widthName()) : null;
    String from = names.fresh("from");
    String to = names.fresh("to");
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(kind.methodName)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(double.class);
    if (onPool) {
      method.addParameter(FORK_JOIN_POOL, pool);
    }
    method.addParameter(Types.REDUCTION, reduction);
    if (givenWidth != null) {
      method.addParameter(int.class, givenWidth);
    }
    method.addParameter(int.class, from).addParameter(int.class, to);
    model.components().forEach(c -> method.addParameter(LossClassWriter.columnType(c), c.name()));
    List<String> gradients = gradientParameters(method, names, withGradient);
    Optional<String> hessian = hessianParameter(method, names, kind);
    method.addJavadoc("$L", javadoc(kind, onPool, from, to));

    CodeBlock.Builder code = CodeBlock.builder();
    if (onPool) {
      code.addStatement("$T.requireNonNull($L, $S)", Objects.class, pool, pool);
    }
    code.addStatement("$T.requireNonNull($L, $S)", Objects.class, reduction, reduction);
    BatchShape shape = new BatchShape(shapes, names, code, givenWidth);
    for (Component c : model.components()) {
      if (c != model.response() || shapes.widthIsGiven()) {
        shape.checkColumn(c.name(), c);
      }
    }
    List<Component> params = model.paramComponents();
    for (int k = 0; k < gradients.size(); k++) {
      shape.checkColumn(gradients.get(k), params.get(k));
    }
    hessian.ifPresent(h -> code.addStatement(
        "$T.columnShape($S, $L.length, $L, $L)", Types.CHECKS, h, h, shape.rows(), params.size() * params.size()));
    code.addStatement("$T.checkFromToIndex($L, $L, $L)", Objects.class, from, to, shape.rows());
    String denominator = names.fresh("denominator");
    CodeBlock meanDenominator =
        model.weight().isPresent()
            ? CodeBlock.of("$T.of($L, $L, $L)", Types.COMPENSATED_SUM, model.weight().get().name(), from, to)
            : CodeBlock.of("$L - $L", to, from);
    code.addStatement(
        "final double $L = $L == $T.SUM ? 1.0 : $L", denominator, reduction, Types.REDUCTION, meanDenominator);
    String scale = names.fresh("scale");
    if (withGradient) {
      code.addStatement("final double $L = 1.0 / $L", scale, denominator);
    }
    List<String> rowArgs = new ArrayList<>();
    shape.width().ifPresent(rowArgs::add);
    shape.triangle().ifPresent(rowArgs::add);
    if (withGradient) {
      rowArgs.add(scale);
    }
    model.components().forEach(c -> rowArgs.add(c.name()));
    rowArgs.addAll(gradients);
    hessian.ifPresent(rowArgs::add);
    String rest = String.join(", ", rowArgs);

    if (onPool) {
      String start = names.fresh("start");
      String end = names.fresh("end");
      code.addStatement(
          "return $T.sum($L, $L, $L, ($L, $L) -> $L($L, $L, $L)) / $L",
          PARALLEL_BATCH, pool, from, to, start, end, rowsName(kind), start, end, rest, denominator);
    } else {
      String sum = names.fresh("sum");
      String compensation = names.fresh("compensation");
      String start = names.fresh("start");
      String chunk = names.fresh("chunk");
      code.addStatement("double $L = 0.0", sum);
      code.addStatement("double $L = 0.0", compensation);
      code.add("// fixed chunks, summed in order: the same double as the ForkJoinPool overload\n");
      code.beginControlFlow(
          "for (int $L = $L; $L < $L; $L = $T.chunkEnd($L, $L))",
          start, from, start, to, start, PARALLEL_BATCH, start, to);
      code.addStatement(
          "final double $L = $L($L, $T.chunkEnd($L, $L), $L)",
          chunk, rowsName(kind), start, PARALLEL_BATCH, start, to, rest);
      addCompensated(code, names, sum, compensation, chunk);
      code.endControlFlow();
      code.addStatement("return $T.total($L, $L) / $L", Types.COMPENSATED_SUM, sum, compensation, denominator);
    }
    return method.addCode(code.build()).build();
  }

  /** One chunk's rows {@code [from, to)}: their compensated sum, writing their gradients. */
  private MethodSpec rows(Kind kind) {
    boolean withGradient = kind.withGradient();
    LocalNames names = LocalNames.reserving(model);
    String from = names.fresh("from");
    String to = names.fresh("to");
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(rowsName(kind))
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(double.class)
            .addParameter(int.class, from)
            .addParameter(int.class, to);
    String width = shapes.isVector() ? names.fresh(shapes.widthName()) : null;
    String triangle = shapes.vectors().stream().anyMatch(shapes::isTriangle) ? names.fresh("triangle") : null;
    if (width != null) {
      method.addParameter(int.class, width);
    }
    if (triangle != null) {
      method.addParameter(int.class, triangle);
    }
    String scale = names.fresh("scale");
    if (withGradient) {
      method.addParameter(double.class, scale);
    }
    model.components().forEach(c -> method.addParameter(LossClassWriter.columnType(c), c.name()));
    List<String> gradients = gradientParameters(method, names, withGradient);
    Optional<String> hessian = hessianParameter(method, names, kind);

    CodeBlock.Builder code = CodeBlock.builder();
    BatchShape shape = BatchShape.declared(shapes, names, code, width, triangle);
    String sum = names.fresh("sum");
    String compensation = names.fresh("compensation");
    String i = names.fresh("i");
    code.addStatement("double $L = 0.0", sum);
    code.addStatement("double $L = 0.0", compensation);
    code.beginControlFlow("for (int $L = $L; $L < $L; $L++)", i, from, i, to, i);
    Map<String, String> variables = shape.rowVariables(i);
    List<Component> params = model.paramComponents();
    RowBody.Sink sink = new RowBody.Sink() {
      @Override
      public String array(Component c) {
        return gradients.get(params.indexOf(c));
      }

      @Override
      public String offset(Component c) {
        return variables.get(KernelCall.baseKey(c.name()));
      }

      @Override
      public String factor() {
        return model.weight().map(w -> scale + " * " + variables.get(w.name())).orElse(scale);
      }
    };
    RowBody.Outputs out =
        new RowBody(loss, variables, i, names, code, constants)
            .write(withGradient, kind == Kind.HESSIAN, withGradient ? sink : null);
    for (int k = 0; k < gradients.size(); k++) {
      if (out.gradient().get(k) != null) {
        String entry = LossClassWriter.weighted(model, out.gradient().get(k), variables);
        code.addStatement("$L[$L] = $L * $L", gradients.get(k), i, scale, entry);
      }
    }
    hessian.ifPresent(h -> writeHessianBlock(code, names, h, i, scale, out, variables));
    String term = names.fresh("term");
    code.addStatement("final double $L = $L", term, LossClassWriter.weighted(model, out.nll(), variables));
    addCompensated(code, names, sum, compensation, term);
    code.endControlFlow();
    code.addStatement("return $T.total($L, $L)", Types.COMPENSATED_SUM, sum, compensation);
    return method.addCode(code.build()).build();
  }

  /** Row i's P x P block of the reduced loss's Hessian, at {@code hessian[i * P * P]}. */
  private void writeHessianBlock(
      CodeBlock.Builder code, LocalNames names, String hessian, String i, String scale,
      RowBody.Outputs out, Map<String, String> variables) {
    int entries = out.hessian().size();
    String block = entries == 1 ? i : names.fresh("block");
    if (entries > 1) {
      code.addStatement("final int $L = $L * $L", block, i, entries);
    }
    for (int k = 0; k < entries; k++) {
      String entry = LossClassWriter.weighted(model, out.hessian().get(k), variables);
      code.addStatement("$L[$L$L] = $L * $L", hessian, block, k == 0 ? "" : " + " + k, scale, entry);
    }
  }

  /** The Hessian column's parameter, for {@link Kind#HESSIAN}. */
  private Optional<String> hessianParameter(MethodSpec.Builder method, LocalNames names, Kind kind) {
    if (kind != Kind.HESSIAN) {
      return Optional.empty();
    }
    String hessian = names.fresh("hessian");
    method.addParameter(double[].class, hessian);
    return Optional.of(hessian);
  }

  private List<String> gradientParameters(MethodSpec.Builder method, LocalNames names, boolean withGradient) {
    List<String> gradients = new ArrayList<>();
    if (withGradient) {
      for (Component c : model.paramComponents()) {
        String g = names.fresh(LossClassWriter.gradientColumn(c));
        gradients.add(g);
        method.addParameter(double[].class, g);
      }
    }
    return gradients;
  }

  /** {@code sum += term} with Neumaier's compensation (the same update as CompensatedSum). */
  private static void addCompensated(
      CodeBlock.Builder code, LocalNames names, String sum, String compensation, String term) {
    String total = names.fresh("total");
    code.add("// Neumaier's compensated summation: the rounding error of each addition is kept\n");
    code.addStatement("final double $L = $L + $L", total, sum, term);
    code.addStatement(
        "$L += $T.abs($L) >= $T.abs($L) ? ($L - $L) + $L : ($L - $L) + $L",
        compensation, Math.class, sum, Math.class, term, sum, total, term, term, total, sum);
    code.addStatement("$L = $L", sum, total);
  }

  private String javadoc(Kind kind, boolean onPool, String from, String to) {
    boolean withGradient = kind.withGradient();
    StringBuilder doc = new StringBuilder();
    doc.append("The ")
        .append(model.weight().isPresent() ? "weighted " : "")
        .append("loss over rows {@code [")
        .append(from)
        .append(", ")
        .append(to)
        .append(")}: the compensated sum of the per-row NLLs, divided by ")
        .append(model.weight().isPresent() ? "the sum of the weights" : "the row count")
        .append(" for {@link Reduction#MEAN}.\n");
    if (withGradient) {
      doc.append(
          "Each gradient column receives, at rows {@code [from, to)} only, the derivative of the"
              + " reduced loss with respect to that row's parameter component; other rows are left"
              + " untouched.\n");
    }
    if (kind == Kind.HESSIAN) {
      int p = model.paramComponents().size();
      doc.append("{@code hessian}, of length n * ").append(p * p).append(" for n rows, receives at {@code i * ")
          .append(p * p).append("} row i's ").append(p).append(" x ").append(p)
          .append(" block, row-major over the parameter components in record order: the second"
              + " derivative of the reduced loss with respect to that row's components (as in"
              + " {@code nllGradientHessian}, times the row's weight and the reduction's scale), at"
              + " rows {@code [from, to)} only.\n");
    }
    doc.append(
        onPool
            ? "<p>The rows' fixed chunks run on {@code pool}; the result, and every gradient entry,"
                + " is bit-identical to the sequential overload's whatever the pool's parallelism"
                + " (see {@code ParallelBatch}).\n"
            : kind == Kind.HESSIAN
                ? "<p>Summed in the fixed chunks of {@code lossAndGradient}, so that it returns the"
                    + " same double and writes the same gradient.\n"
                : "<p>Summed in fixed chunks of rows, so that the {@code ForkJoinPool} overload"
                    + " returns the same double.\n");
    doc.append(
        "\n@throws IllegalArgumentException if a column's length differs from the response's"
            + (kind == Kind.HESSIAN ? " (the Hessian's from n * P * P)" : "") + ", or a"
            + " row's input lies outside its support or domain (naming the component, row and"
            + " value)\n");
    doc.append("@throws IndexOutOfBoundsException if {@code [from, to)} is not within the columns\n");
    return doc.toString();
  }
}
