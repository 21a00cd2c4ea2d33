package dev.likelihood.processor.derive;

import java.util.List;

/**
 * A node of the symbolic expression IR: the language in which families and links are written,
 * differentiated and rewritten into stable forms. Nodes are immutable values with structural
 * equality, which common-subexpression elimination relies on. Build them through {@link Exprs},
 * which simplifies as it goes.
 */
public sealed interface Expr
    permits Expr.Const, Expr.Named, Expr.Var, Expr.Sum, Expr.Product, Expr.Pow, Expr.Call, Expr.Group,
        Expr.Index, Expr.Element, Expr.Width, Expr.Reduce, Expr.Delta {

  /** A literal number. */
  record Const(double value) implements Expr {}

  /** A named constant of the runtime, such as {@code StableMath.LN_SQRT_2PI}. */
  record Named(String javaName, String mathName, double value) implements Expr {}

  /** A variable bound by the emitter: the response, an eta, a known parameter, an offset. */
  record Var(String name) implements Expr {}

  /** A sum of two or more terms. */
  record Sum(List<Expr> terms) implements Expr {
    public Sum {
      terms = List.copyOf(terms);
    }
  }

  /** A product of two or more factors. */
  record Product(List<Expr> factors) implements Expr {
    public Product {
      factors = List.copyOf(factors);
    }
  }

  /** {@code base^exponent} for a constant exponent. */
  record Pow(Expr base, double exponent) implements Expr {}

  /** A primitive function applied to arguments. */
  record Call(Fn fn, List<Expr> args) implements Expr {
    public Call {
      args = List.copyOf(args);
      if (args.size() != fn.arity()) {
        throw new IllegalArgumentException(fn + " takes " + fn.arity() + " arguments");
      }
    }

    public Expr arg() {
      return args.get(0);
    }
  }

  /**
   * A quantity a family names and keeps whole, such as the standardised residual z = (y - mu)/sigma:
   * products never flatten into it, so z^2 stays the square of a ratio (which neither overflows
   * nor underflows where the ratio itself is moderate), and its derivative reuses z.
   */
  record Group(String name, Expr body) implements Expr {}

  /**
   * A loop index over the elements of the family's vectors, bound by a {@link Reduce} or, in a
   * vector gradient, free: the gradient's entry j.
   */
  record Index(String name) implements Expr {}

  /**
   * One element of a vector variable: {@code logits[k]}, or {@code logits[label]} where the index
   * is an integer variable of the record.
   */
  record Element(String vector, Expr index) implements Expr {}

  /** The common length of the family's vectors, K or D, known only at run time. */
  record Width() implements Expr {}

  /** How a {@link Reduce} combines its terms. */
  enum Reduction {
    /** sum_k body. */
    SUM,
    /** log sum_k exp(body), evaluated shifted by the running maximum. */
    LOG_SUM_EXP,
    /**
     * max_k body, used only as a shift that cancels (logsumexp(x) = m + logsumexp(x - m)): its
     * derivative is taken as 0, as JAX's logsumexp stops the gradient of its maximum.
     */
    MAX
  }

  /** A reduction of {@code body} over {@code index} in [0, width). */
  record Reduce(Reduction kind, Index index, Expr body) implements Expr {}

  /** Kronecker's delta: 1 where the two indices are equal, else 0. */
  record Delta(Expr a, Expr b) implements Expr {}
}
