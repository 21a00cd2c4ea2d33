package dev.likelihood.processor.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.likelihood.processor.derive.DerivedLoss;
import dev.likelihood.processor.derive.Kernel;
import dev.likelihood.processor.model.Component;
import dev.likelihood.processor.model.LikelihoodModel;
import dev.likelihood.processor.model.ParameterBinding;
import dev.likelihood.processor.model.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The call of a family's runtime kernel (see {@link Kernel}) for one sample: its arrays with the
 * sample's offsets, and the gradient arrays and factor of the {@link RowBody.Sink}.
 */
final class KernelCall {

  private final DerivedLoss loss;
  private final Map<String, String> variables;
  private final String row;
  private final CodeBlock.Builder code;

  KernelCall(DerivedLoss loss, Map<String, String> variables, String row, CodeBlock.Builder code) {
    this.loss = loss;
    this.variables = variables;
    this.row = row;
    this.code = code;
  }

  /** The key under which {@code variables} holds the offset of a vector's entry 0. */
  static String baseKey(String component) {
    return "#base:" + component;
  }

  /**
   * Assigns the NLL to {@code nll}, writing the gradient through {@code sink} unless it is null.
   */
  void write(String nll, RowBody.Sink sink) {
    LikelihoodModel model = loss.model();
    Kernel kernel = loss.kernel();
    ClassName runtime = ClassName.get("dev.likelihood.runtime", kernel.runtimeClass());
    List<CodeBlock> args = new ArrayList<>();
    String width = variables.get(ExpressionWriter.WIDTH);
    Component response = model.response();
    // the kernel takes its parameters in the family's order, whatever the record's order
    List<Component> params = model.parameters().stream()
        .filter(b -> b.source() == Source.PARAM)
        .map(ParameterBinding::component)
        .toList();
    if (kernel == Kernel.PLACKETT_LUCE) {
      Component scores = params.get(0);
      args.add(CodeBlock.of("$L", scores.name()));
      args.add(CodeBlock.of("$L", base(scores)));
      args.add(CodeBlock.of("$L", width));
      args.add(CodeBlock.of("$L", response.name()));
      args.add(CodeBlock.of("$L", base(response)));
      args.add(CodeBlock.of("$L", slots(response, width)));
      if (sink != null) {
        addGradient(args, sink, scores);
        args.add(CodeBlock.of("$L", factor(sink)));
      }
      args.add(CodeBlock.of("$S", response.name()));
      args.add(JavaText.code(row));
    } else {
      args.add(CodeBlock.of("$L", response.name()));
      args.add(CodeBlock.of("$L", base(response)));
      for (Component c : params) {
        args.add(CodeBlock.of("$L", c.name()));
        args.add(CodeBlock.of("$L", base(c)));
      }
      args.add(CodeBlock.of("$L", width));
      if (sink != null) {
        params.forEach(c -> addGradient(args, sink, c));
        args.add(CodeBlock.of("$L", factor(sink)));
      }
    }
    String method = sink == null ? "nll" : "nllAndGradient";
    if (kernel == Kernel.CHOLESKY_NORMAL && model.dropConstants()) {
      code.add("// dropConstants: the kernel's D log(2 pi)/2 is taken off again\n");
      code.addStatement(
          "$L = $T.$L($L) - $L * $T.LN_SQRT_2PI", nll, runtime, method, CodeBlock.join(args, ", "), width,
          Types.STABLE_MATH);
    } else {
      code.addStatement("$L = $T.$L($L)", nll, runtime, method, CodeBlock.join(args, ", "));
    }
  }

  /** The ranking's slots: a sample's array length, or the padded width of a batch row. */
  private String slots(Component ranking, String width) {
    return base(ranking).equals("0") ? ranking.name() + ".length" : width;
  }

  private String base(Component c) {
    String base = variables.get(baseKey(c.name()));
    return base == null ? "0" : base;
  }

  private static void addGradient(List<CodeBlock> args, RowBody.Sink sink, Component c) {
    args.add(CodeBlock.of("$L", sink.array(c)));
    args.add(CodeBlock.of("$L", sink.offset(c)));
  }

  private static String factor(RowBody.Sink sink) {
    return sink.factor() == null ? "1.0" : sink.factor();
  }
}
