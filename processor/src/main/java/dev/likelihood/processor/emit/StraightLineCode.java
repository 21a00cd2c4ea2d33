package dev.likelihood.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.likelihood.processor.derive.Expr;
import dev.likelihood.processor.derive.Expr.Call;
import dev.likelihood.processor.derive.Expr.Const;
import dev.likelihood.processor.derive.Expr.Named;
import dev.likelihood.processor.derive.Expr.Pow;
import dev.likelihood.processor.derive.Expr.Var;
import dev.likelihood.processor.derive.Exprs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Common-subexpression elimination and the straight-line code it leads to: every
 * subexpression used more than once across the outputs becomes one {@code final double}
 * temporary, declared just before its first use and named after what it computes.
 */
final class StraightLineCode {

  private final Map<Expr, Integer> uses = new HashMap<>();
  private final ClassConstants constants;
  private final Map<Expr, String> temporaries = new HashMap<>();
  private final LocalNames names;
  private final CodeBlock.Builder code;
  private final ExpressionWriter writer;

  /**
   * @param outputs every expression the code will need, so that sharing is seen across them
   * @param variables how each IR variable is spelled
   * @param names the local names already taken in the method
   * @param code where the temporaries are declared
   * @param constants the class's precomputed constants, which replace their expressions
   */
  StraightLineCode(
      List<Expr> outputs,
      Map<String, String> variables,
      LocalNames names,
      CodeBlock.Builder code,
      ClassConstants constants) {
    this.constants = constants;
    this.names = names;
    this.code = code;
    this.writer = new ExpressionWriter(Style.JAVA, variables, this::temporaryFor);
    outputs.forEach(this::count);
  }

  /** Java source for the expression, declaring the temporaries it needs first. */
  String java(Expr e) {
    return writer.write(e);
  }

  private void count(Expr e) {
    if (uses.merge(e, 1, Integer::sum) == 1) {
      Exprs.children(e).forEach(this::count);
      if (e instanceof Pow p && (p.exponent() == 2 || p.exponent() == 3)) {
        // a square is written b * b: b must be a name, not a formula evaluated twice
        uses.merge(p.base(), 1, Integer::sum);
      }
    }
  }

  private String temporaryFor(Expr e) {
    String constant = constants.nameOf(e);
    if (constant != null) {
      return constant;
    }
    if (temporaries.containsKey(e)) {
      return temporaries.get(e); // null while its own definition is being written
    }
    if (isAtomic(e) || uses.getOrDefault(e, 0) < 2 || isReciprocal(e)) {
      return null;
    }
    temporaries.put(e, null); // writing the definition below must not find itself
    String definition = writer.write(e);
    String name = names.fresh(hint(e));
    temporaries.put(e, name);
    code.addStatement("final double $L = $L", name, JavaText.code(definition));
    return name;
  }

  /**
   * 1/x stays a division where it is used: a shared reciprocal would turn a / x into a * (1/x),
   * which rounds differently, and nll(...) must return exactly what nllAndGradient(...) returns.
   */
  private static boolean isReciprocal(Expr e) {
    return e instanceof Pow p && p.exponent() < 0;
  }

  private static boolean isAtomic(Expr e) {
    return e instanceof Const || e instanceof Named || e instanceof Var;
  }

  private static String hint(Expr e) {
    if (e instanceof Call c) {
      String java = c.fn().javaName();
      return java.isEmpty() ? c.fn().mathName() : java.substring(java.lastIndexOf('.') + 1);
    }
    if (e instanceof Expr.Group g) {
      return g.name();
    }
    if (e instanceof Expr.Product p && p.factors().size() == 2
        && p.factors().get(0).equals(Exprs.constant(-1)) && p.factors().get(1) instanceof Var v) {
      return "minus" + Character.toUpperCase(v.name().charAt(0)) + v.name().substring(1);
    }
    if (e instanceof Pow p) {
      return p.exponent() == 2 ? "square" : p.exponent() == -1 ? "inverse" : "power";
    }
    return e instanceof Expr.Sum ? "sum" : "product";
  }
}
