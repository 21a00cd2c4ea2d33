package dev.likelihood.processor.derive;

import static dev.likelihood.processor.derive.Exprs.call;
import static dev.likelihood.processor.derive.Exprs.constant;
import static dev.likelihood.processor.derive.Exprs.pow;
import static dev.likelihood.processor.derive.Exprs.product;
import static dev.likelihood.processor.derive.Exprs.quotient;
import static dev.likelihood.processor.derive.Exprs.square;
import static dev.likelihood.processor.derive.Exprs.sum;
import static dev.likelihood.processor.derive.Exprs.var;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likelihood.processor.derive.Expr.Var;
import org.junit.jupiter.api.Test;

/** The simplifier's identities and the differentiator's rules. */
class ExprsTest {

  private final Var x = (Var) var("x");
  private final Var y = (Var) var("y");

  @Test
  void likeTermsAndFactorsCollect() {
    assertEquals(product(constant(2), x), sum(x, x));
    assertEquals(constant(0), sum(x, product(constant(-1), x)));
    assertEquals(pow(x, 2), product(x, x));
    assertEquals(constant(1), product(x, pow(x, -1)));
    assertEquals(x, sum(x, constant(0)));
    assertEquals(x, product(x, constant(1)));
    assertEquals(constant(0), product(x, constant(0)));
  }

  @Test
  void powersOfExpBecomeExpOfMultiples() {
    assertEquals(call(Fn.EXP, product(constant(-2), x)), pow(call(Fn.EXP, x), -2));
  }

  @Test
  void powersOfProductsStayWhole() {
    Expr ratio = quotient(x, y);
    assertTrue(square(ratio) instanceof Expr.Pow);
  }

  @Test
  void logOfExpCancels() {
    assertEquals(x, Exprs.log(Exprs.exp(x)));
  }

  @Test
  void derivativesOfPrimitives() {
    assertEquals(call(Fn.SIGMOID, x), Differentiator.derivative(call(Fn.SOFTPLUS, x), x));
    assertEquals(call(Fn.D_LOG_NDTR, x), Differentiator.derivative(call(Fn.LOG_NDTR, x), x));
    assertEquals(product(constant(2), x), Differentiator.derivative(square(x), x));
    assertEquals(constant(0), Differentiator.derivative(call(Fn.SOFTPLUS, y), x));
  }

  @Test
  void timesOrZeroKeepsItsGuardThroughDifferentiation() {
    Expr e = call(Fn.TIMES_OR_ZERO, y, call(Fn.SOFTPLUS, x));
    assertEquals(call(Fn.TIMES_OR_ZERO, y, call(Fn.SIGMOID, x)), Differentiator.derivative(e, x));
  }

  @Test
  void aGroupIsFoundAgainInsideItsDerivative() {
    Expr z = Exprs.group("z", quotient(Exprs.difference(y, x), call(Fn.SOFTPLUS, x)));
    Expr nll = product(constant(0.5), square(z));
    Expr d = Regroup.apply(StableRewrites.apply(Differentiator.derivative(nll, x)), Regroup.groupsIn(nll));
    // d/dx of z^2/2 = z dz/dx, with dz/dx = -1/softplus(x) - z dLogSoftplus(x): the second term
    // found z again in (y - x) sigmoid(x) / softplus(x)^2
    assertEquals(
        product(
            z,
            sum(
                product(constant(-1), pow(call(Fn.SOFTPLUS, x), -1)),
                product(constant(-1), z, call(Fn.D_LOG_SOFTPLUS, x)))),
        d);
  }
}
