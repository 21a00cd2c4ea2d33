package dev.likelihood.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.likelihood.processor.derive.Expr;
import dev.likelihood.processor.derive.Expr.Call;
import dev.likelihood.processor.derive.Expr.Const;
import dev.likelihood.processor.derive.Expr.Element;
import dev.likelihood.processor.derive.Expr.Index;
import dev.likelihood.processor.derive.Expr.Named;
import dev.likelihood.processor.derive.Expr.Pow;
import dev.likelihood.processor.derive.Expr.Reduce;
import dev.likelihood.processor.derive.Expr.Var;
import dev.likelihood.processor.derive.Exprs;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Common-subexpression elimination and the straight-line code it leads to: every
 * subexpression used more than once across the outputs becomes one {@code final double}
 * temporary, declared just before its first use and named after what it computes. A reduction
 * becomes a loop whose body is a scope of its own, with the parts that do not depend on the
 * loop's index computed once before the loop.
 */
final class StraightLineCode {

  private final StraightLineCode parent;
  /** The indices of the loops this scope runs in: what its temporaries may depend on. */
  private final Set<Index> bound;
  private final Map<Expr, Integer> uses = new HashMap<>();
  private final ClassConstants constants;
  private final Map<Expr, String> temporaries = new HashMap<>();
  private final LocalNames names;
  private final CodeBlock.Builder code;
  private final Map<String, String> variables;
  private final ExpressionWriter writer;

  /**
   * @param outputs every expression the code will need, so that sharing is seen across them
   * @param variables how each IR variable is spelled (a vector as a pattern such as
   *     {@code logits[base + %s]}, the vectors' length under {@link ExpressionWriter#WIDTH})
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
    this(null, Set.of(), outputs, variables, names, code, constants);
  }

  private StraightLineCode(
      StraightLineCode parent,
      Set<Index> bound,
      List<Expr> outputs,
      Map<String, String> variables,
      LocalNames names,
      CodeBlock.Builder code,
      ClassConstants constants) {
    this.parent = parent;
    this.bound = bound;
    this.constants = constants;
    this.names = names;
    this.code = code;
    this.variables = variables;
    this.writer = new ExpressionWriter(Style.JAVA, variables, this::temporaryFor);
    outputs.forEach(this::count);
  }

  /** Java source for the expression, declaring the temporaries it needs first. */
  String java(Expr e) {
    return writer.write(e);
  }

  /** As {@link #java}, parenthesised where it is to be a factor of a product (a sum is). */
  String javaOperandOfProduct(Expr e) {
    return writer.writeOperandOfProduct(e);
  }

  /**
   * The scope of a loop over {@code index} whose body computes {@code outputs}: what they share
   * that does not depend on the index is declared here first, before the caller opens the loop.
   *
   * @param loopVariable the loop's Java variable
   */
  StraightLineCode loop(Index index, String loopVariable, List<Expr> outputs) {
    outputs.forEach(this::hoistInvariants);
    Map<String, String> inner = new LinkedHashMap<>(variables);
    inner.put(index.name(), loopVariable);
    Set<Index> innerBound = new HashSet<>(bound);
    innerBound.add(index);
    return new StraightLineCode(this, innerBound, outputs, inner, names, code, constants);
  }

  /** The Java spelling of the vectors' common length. */
  String width() {
    return variables.get(ExpressionWriter.WIDTH);
  }

  private void count(Expr e) {
    if (uses.merge(e, 1, Integer::sum) == 1 && !(e instanceof Reduce)) {
      // a reduction's body is counted by the loop's own scope
      Exprs.children(e).forEach(this::count);
      if (e instanceof Pow p && (p.exponent() == 2 || p.exponent() == 3)) {
        // a square is written b * b: b must be a name, not a formula evaluated twice
        uses.merge(p.base(), 1, Integer::sum);
      }
    }
  }

  /** Declares, in this scope, each largest part of {@code e} that depends on no other index. */
  private void hoistInvariants(Expr e) {
    if (isAtomic(e) || isReciprocal(e)) {
      return;
    }
    Expr unscaled = Exprs.withoutCoefficient(e);
    if (unscaled != e && (isAtomic(unscaled) || unscaled instanceof Reduce)) {
      hoistInvariants(unscaled); // -x is written as a subtraction where it is used
      return;
    }
    if (bound.containsAll(freeIndices(e))) {
      if (lookup(e) == null && constants.nameOf(e) == null) {
        if (e instanceof Reduce r) {
          reduction(r);
        } else {
          declare(e);
        }
      }
      return;
    }
    Exprs.children(e).forEach(this::hoistInvariants);
  }

  private String temporaryFor(Expr e) {
    String constant = constants.nameOf(e);
    if (constant != null) {
      return constant;
    }
    if (temporaries.containsKey(e)) {
      return temporaries.get(e); // null while its own definition is being written
    }
    String outer = parent == null ? null : parent.lookup(e);
    if (outer != null) {
      return outer;
    }
    if (isAtomic(e) || isReciprocal(e) || !bound.containsAll(freeIndices(e))) {
      return null;
    }
    if (e instanceof Reduce r) {
      return reduction(r);
    }
    return uses.getOrDefault(e, 0) < 2 ? null : declare(e);
  }

  private String lookup(Expr e) {
    String name = temporaries.get(e);
    return name != null ? name : parent == null ? null : parent.lookup(e);
  }

  private String declare(Expr e) {
    temporaries.put(e, null); // writing the definition below must not find itself
    String definition = writer.write(e);
    String name = names.fresh(hint(e));
    temporaries.put(e, name);
    code.addStatement("final double $L = $L", name, JavaText.code(definition));
    return name;
  }

  /** A reduction as a loop; logsumexp shifts by the running maximum, so no exp overflows. */
  private String reduction(Reduce r) {
    temporaries.put(r, null);
    String k = names.fresh(r.index().name());
    StraightLineCode body = loop(r.index(), k, List.of(r.body()));
    String name = names.fresh(hint(r));
    String forK = "for (int " + k + " = 0; " + k + " < " + width() + "; " + k + "++)";
    switch (r.kind()) {
      case SUM:
        code.addStatement("double $L = 0.0", name);
        code.beginControlFlow(forK);
        code.addStatement("$L += $L", name, JavaText.code(body.java(r.body())));
        code.endControlFlow();
        break;
      case MAX:
        code.addStatement("double $L = $T.NEGATIVE_INFINITY", name, Double.class);
        code.beginControlFlow(forK);
        code.addStatement("$L = $T.max($L, $L)", name, Math.class, name, JavaText.code(body.java(r.body())));
        code.endControlFlow();
        break;
      default:
        if (isShiftedByItsMaximum(r)) {
          // every term is v[k] - max(v) <= 0, one of them 0: the sum of exps lies in [1, K], so
          // no running maximum is needed (the expert's loop); -Infinity terms add exp = 0
          String sumExp = names.fresh(name + "Sum");
          code.addStatement("double $L = 0.0", sumExp);
          code.beginControlFlow(forK);
          code.addStatement("$L += $T.exp($L)", sumExp, Math.class, JavaText.code(body.java(r.body())));
          code.endControlFlow();
          code.addStatement("final double $L = $T.log($L)", name, Math.class, sumExp);
          break;
        }
        String max = names.fresh(name + "Max");
        String sum = names.fresh(name + "Sum");
        String term = names.fresh("term");
        code.add("// one pass: the sum of exp(term - max) is rescaled whenever the maximum grows\n");
        code.addStatement("double $L = $T.NEGATIVE_INFINITY", max, Double.class);
        code.addStatement("double $L = 0.0", sum);
        code.beginControlFlow(forK);
        code.addStatement("final double $L = $L", term, JavaText.code(body.java(r.body())));
        code.beginControlFlow("if ($L > $L)", term, max);
        code.addStatement("$L = $L * $T.exp($L - $L) + 1.0", sum, sum, Math.class, max, term);
        code.addStatement("$L = $L", max, term);
        code.nextControlFlow("else if ($L != $T.NEGATIVE_INFINITY)", term, Double.class);
        code.addStatement("$L += $T.exp($L - $L)", sum, Math.class, term, max);
        code.endControlFlow();
        code.endControlFlow();
        code.addStatement("final double $L = $L + $T.log($L)", name, max, Math.class, sum);
        break;
    }
    temporaries.put(r, name);
    return name;
  }

  /**
   * Whether a logsumexp's body is {@code v[k] - max_m v[m]} for one vector v (the softmax's
   * shift). Then no term exceeds 0 and the largest is 0, unless every entry is -Infinity or one
   * is NaN, where the plain sum gives NaN as the running maximum would (-Infinity - -Infinity).
   */
  private static boolean isShiftedByItsMaximum(Reduce r) {
    if (!(r.body() instanceof Expr.Sum sum) || sum.terms().size() != 2) {
      return false;
    }
    for (int first = 0; first < 2; first++) {
      Expr shift = sum.terms().get(1 - first);
      if (sum.terms().get(first) instanceof Element e
          && e.index().equals(r.index())
          && Exprs.coefficientOf(shift) == -1
          && Exprs.withoutCoefficient(shift) instanceof Reduce max
          && max.kind() == Expr.Reduction.MAX
          && max.body() instanceof Element m
          && m.vector().equals(e.vector())
          && m.index().equals(max.index())) {
        return true;
      }
    }
    return false;
  }

  /** The indices an expression depends on that no reduction inside it binds. */
  private static Set<Index> freeIndices(Expr e) {
    Set<Index> free = new HashSet<>();
    if (e instanceof Index i) {
      free.add(i);
      return free;
    }
    for (Expr child : Exprs.children(e)) {
      free.addAll(freeIndices(child));
    }
    if (e instanceof Reduce r) {
      free.remove(r.index());
    }
    return free;
  }

  /**
   * 1/x stays a division where it is used: a shared reciprocal would turn a / x into a * (1/x),
   * which rounds differently, and nll(...) must return exactly what nllAndGradient(...) returns.
   */
  private static boolean isReciprocal(Expr e) {
    return e instanceof Pow p && p.exponent() < 0;
  }

  private static boolean isAtomic(Expr e) {
    return e instanceof Const || e instanceof Named || e instanceof Var || e instanceof Index
        || e instanceof Expr.Element || e instanceof Expr.Width;
  }

  private static String hint(Expr e) {
    if (e instanceof Reduce r) {
      switch (r.kind()) {
        case SUM:
          return "sum";
        case MAX:
          return "max";
        default:
          return "logSumExp";
      }
    }
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
