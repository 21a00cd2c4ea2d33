package dev.likelihood.processor.derive;

import java.util.List;

/**
 * A node of the symbolic expression IR: the language in which families and links are written,
 * differentiated and rewritten into stable forms. Nodes are immutable values with structural
 * equality, which common-subexpression elimination relies on. Build them through {@link Exprs},
 * which simplifies as it goes.
 */
public sealed interface Expr
    permits Expr.Const, Expr.Named, Expr.Var, Expr.Sum, Expr.Product, Expr.Pow, Expr.Call, Expr.Group {

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
}
