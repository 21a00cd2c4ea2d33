package dev.likelihood.processor.derive;

import static dev.likelihood.processor.derive.Exprs.call;
import static dev.likelihood.processor.derive.Exprs.constant;
import static dev.likelihood.processor.derive.Exprs.difference;
import static dev.likelihood.processor.derive.Exprs.log;
import static dev.likelihood.processor.derive.Exprs.neg;
import static dev.likelihood.processor.derive.Exprs.var;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.likelihood.Link;
import org.junit.jupiter.api.Test;

/** Every probability link's log p and log(1 - p) end in a stable primitive, never log(0). */
class StableRewritesTest {

  private final Expr eta = var("eta");

  private Expr logP(Link link) {
    return StableRewrites.apply(log(InverseLinks.inverse(link, eta)));
  }

  private Expr logOneMinusP(Link link) {
    return StableRewrites.apply(log(difference(constant(1), InverseLinks.inverse(link, eta))));
  }

  @Test
  void logit() {
    assertEquals(neg(call(Fn.SOFTPLUS, neg(eta))), logP(Link.LOGIT));
    assertEquals(neg(call(Fn.SOFTPLUS, eta)), logOneMinusP(Link.LOGIT));
  }

  @Test
  void probit() {
    assertEquals(call(Fn.LOG_NDTR, eta), logP(Link.PROBIT));
    assertEquals(call(Fn.LOG_NDTR, neg(eta)), logOneMinusP(Link.PROBIT));
  }

  @Test
  void cloglog() {
    assertEquals(call(Fn.LOG1MEXP_OF_EXP, eta), logP(Link.CLOGLOG));
    assertEquals(neg(call(Fn.EXP, eta)), logOneMinusP(Link.CLOGLOG));
  }

  @Test
  void loglog() {
    assertEquals(neg(call(Fn.EXP, neg(eta))), logP(Link.LOGLOG));
    assertEquals(call(Fn.LOG1MEXP_OF_EXP, neg(eta)), logOneMinusP(Link.LOGLOG));
  }

  @Test
  void cauchitCarriesTheComplementExactlyAndItsLogAsAPrimitive() {
    assertEquals(call(Fn.LOG_CAUCHY_CDF, eta), logP(Link.CAUCHIT));
    assertEquals(call(Fn.LOG_CAUCHY_CDF, neg(eta)), logOneMinusP(Link.CAUCHIT));
  }

  @Test
  void vonMisesNormaliserOfALogConcentrationIsOnePrimitive() {
    assertEquals(
        call(Fn.LOG_I0E_OF_EXP, eta), StableRewrites.apply(call(Fn.LOG_I0E, call(Fn.EXP, eta))));
    // any other concentration keeps logI0e
    assertEquals(call(Fn.LOG_I0E, eta), StableRewrites.apply(call(Fn.LOG_I0E, eta)));
  }

  @Test
  void logOfThePositiveLinks() {
    assertEquals(eta, logP(Link.LOG));
    assertEquals(call(Fn.LOG_SOFTPLUS, eta), logP(Link.SOFTPLUS));
    assertEquals(Exprs.product(constant(2), log(eta)), logP(Link.SQRT));
    assertEquals(neg(log(eta)), logP(Link.INVERSE));
    assertEquals(Exprs.product(constant(-0.5), log(eta)), logP(Link.INVERSE_SQUARED));
  }
}
