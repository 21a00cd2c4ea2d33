package dev.likelihood.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.likelihood.processor.Compilations.compileStrict;
import static dev.likelihood.processor.Compilations.generated;
import static dev.likelihood.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Valid records generate the class SPEC.md names ("The generated class"), and that class compiles
 * under {@code -Xlint:all -Werror}: users who build with -Werror must not be broken by our code.
 */
class GeneratedCodeTest {

  /** Compiles cleanly (no error, no warning under -Xlint:all -Werror) and generates the class. */
  private static Compilation assertGenerates(String qualifiedLossName, JavaFileObject... sources) {
    Compilation compilation = compileStrict(sources);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile(qualifiedLossName);
    return compilation;
  }

  @Test
  void normal_withSoftplusSigma() {
    Compilation compilation = assertGenerates("example.PriceLoss", source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double price,
                     @Param double mean,
                     @Param(value = "sigma", link = Link.SOFTPLUS) double spread) {}
        """));
    String text = generated(compilation, "example.PriceLoss");
    assertWithMessage("PriceLoss").that(text)
        .contains("@Generated(\"dev.likelihood.processor.LikelihoodProcessor\")");
    assertWithMessage("PriceLoss").that(text)
        .contains("public final class PriceLoss implements LikelihoodLoss<Price>");
    assertWithMessage("PriceLoss").that(text)
        .contains("public static double nll(double price, double mean, double spread)");
    assertWithMessage("PriceLoss").that(text)
        .contains("public static double nllAndGradient(double price, double mean, double spread,"
            + " double[] grad,");
  }

  /**
   * A statistic's condition fixed by a @Constant is decided at compile time: ecj flags a constant
   * comparison such as {@code (0.0 > 0.0 ? mu : Double.NaN)} as dead code, which breaks users
   * who build with ecj and warnings as errors (found by the samples' EcjCompilationTest).
   */
  @Test
  void studentT_constantNu_meanHasNoConstantCondition() {
    Compilation compilation = assertGenerates("example.Models_CauchyLoss", source("example.Models", """
        package example;

        import dev.likelihood.*;

        final class Models {
          @Likelihood(family = Family.STUDENT_T, constants = @Constant(name = "nu", value = 1))
          record Cauchy(@Response double y, @Param double mu) {}

          @Likelihood(family = Family.STUDENT_T, constants = @Constant(name = "nu", value = 4))
          record Robust(@Response double y, @Param double mu) {}
        }
        """));
    assertWithMessage("nu = 1 has no mean")
        .that(generated(compilation, "example.Models_CauchyLoss"))
        .contains("public static double mean(double mu) {\n    return Double.NaN;\n  }");
    assertWithMessage("nu = 4 has mean mu")
        .that(generated(compilation, "example.Models_RobustLoss"))
        .contains("public static double mean(double mu) {\n    return mu;\n  }");
  }

  @Test
  void bernoulli_booleanLogit() {
    assertGenerates("example.ClickLoss", source("example.Click", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.BERNOULLI, link = Link.LOGIT)
        record Click(@Response boolean clicked, @Param double score) {}
        """));
  }

  @Test
  void bernoulli_intAndSoftLabels() {
    assertGenerates("example.LabelLoss", source("example.Label", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.BERNOULLI, link = Link.PROBIT)
        record Label(@Response int label, @Param double score) {}
        """));
    assertGenerates("example.SoftLabelLoss", source("example.SoftLabel", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.BERNOULLI)
        record SoftLabel(@Response double target, @Param(link = Link.CLOGLOG) double score) {}
        """));
  }

  /** The curvature methods of a one-parameter record, exactly as generated. */
  @Test
  void bernoulli_logit_hessianAndFisherWeight() {
    Compilation compilation = assertGenerates("example.TapLoss", source("example.Tap", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.BERNOULLI, link = Link.LOGIT)
        record Tap(@Response boolean tapped, @Param double score) {}
        """));
    String text = generated(compilation, "example.TapLoss");
    assertWithMessage("TapLoss").that(text).contains("""
          public static double nllGradientHessian(boolean tapped, double score, double[] grad,
              double[] hessian) {
            final double nll;
            final double dScore;
            final double d2ScoreScore;
            if (tapped) {
              final double minusScore = -score;
              final double expNegAbs = StableMath.expNegAbs(minusScore);
              final double sigmoid = StableMath.sigmoid(minusScore, expNegAbs);
              nll = StableMath.softplus(minusScore, expNegAbs);
              dScore = -sigmoid;
              d2ScoreScore = sigmoid * StableMath.sigmoid(score, expNegAbs);
            } else {
              final double expNegAbs2 = StableMath.expNegAbs(score);
              final double sigmoid2 = StableMath.sigmoid(score, expNegAbs2);
              nll = StableMath.softplus(score, expNegAbs2);
              dScore = sigmoid2;
              d2ScoreScore = sigmoid2 * StableMath.sigmoid(-score, expNegAbs2);
            }
            grad[0] = dScore;
            hessian[0] = d2ScoreScore;
            return nll;
          }
        """);
    assertWithMessage("TapLoss").that(text).contains("""
          public static double fisherWeight(double score) {
            return StableMath.productOrZero(StableMath.sigmoid(-score), StableMath.sigmoid(score));
          }
        """);
    assertWithMessage("TapLoss").that(text).contains(
        "Checks.columnShape(\"hessian\", hessian.length, tapped.length, 1);");
  }

  @Test
  void poisson_intWithOffsetAndWeight() {
    Compilation compilation = assertGenerates("example.CallsLoss", source("example.Calls", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.POISSON, link = Link.LOG)
        record Calls(@Response int calls, @Param double eta, @Offset double logExposure,
                     @Weight double w, String region) {}
        """));
    String text = generated(compilation, "example.CallsLoss");
    // components in record order, unannotated ones left out
    assertWithMessage("CallsLoss").that(text)
        .contains("public static double nll(int calls, double eta, double logExposure, double w)");
  }

  @Test
  void poisson_longAndDoubleResponses_withKnownRate() {
    assertGenerates("example.CountsLoss", source("example.Counts", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.POISSON)
        record Counts(@Response long count, @Param(link = Link.SOFTPLUS) double eta) {}
        """));
    assertGenerates("example.AveragesLoss", source("example.Averages", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.POISSON, dropConstants = true)
        record Averages(@Response double y, @Param double eta) {}
        """));
  }

  @Test
  void normal_knownSigmaAndConstant() {
    assertGenerates("example.MeasuredLoss", source("example.Measured", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Measured(@Response double y, @Param double mu, @Known("sigma") double error) {}
        """));
    assertGenerates("example.FixedLoss", source("example.Fixed", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL, constants = @Constant(name = "sigma", value = 0.5))
        record Fixed(@Response double y, @Param(link = Link.INVERSE) double mu) {}
        """));
  }

  @Test
  void nestedRecord_isNamedOuter_FooLoss() {
    Compilation compilation = assertGenerates("example.Outer_FooLoss", source("example.Outer", """
        package example;

        import dev.likelihood.*;

        public class Outer {
          @Likelihood(family = Family.BERNOULLI)
          record Foo(@Response boolean y, @Param double score) {}
        }
        """));
    assertWithMessage("Outer_FooLoss").that(generated(compilation, "example.Outer_FooLoss"))
        .contains("implements LikelihoodLoss<Outer.Foo>");
  }

  @Test
  void doublyNestedRecord_inAnInterfaceAndGenericClass() {
    assertGenerates("example.Models_Inner_PriceLoss", source("example.Models", """
        package example;

        import dev.likelihood.*;

        interface Models {
          class Inner<T> {
            @Likelihood(family = Family.NORMAL)
            record Price(@Response double y, @Param double mu) {}
          }
        }
        """));
  }

  @Test
  void classNameOverride() {
    Compilation compilation = assertGenerates("example.SquaredError", source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL, className = "SquaredError")
        record Price(@Response double y, @Param double mu) {}
        """));
    assertWithMessage("generated files").that(compilation.generatedSourceFile("example.PriceLoss"))
        .isEmpty();
  }

  @Test
  void recordInTheDefaultPackage() {
    Compilation compilation = assertGenerates("CallsLoss", source("Calls", """
        import dev.likelihood.*;

        @Likelihood(family = Family.POISSON)
        record Calls(@Response int calls, @Param double eta) {}
        """));
    assertWithMessage("CallsLoss").that(generated(compilation, "CallsLoss"))
        .doesNotContain("package ");
  }

  /** Components named like the generator's own parameters and locals must not collide. */
  @Test
  void componentNamesDoNotClashWithGeneratedNames() {
    assertGenerates("example.ClashLoss", source("example.Clash", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.POISSON)
        record Clash(@Response int i, @Param double offset, @Offset double grad,
                     @Weight double exp) {}
        """));
    assertGenerates("example.Clash2Loss", source("example.Clash2", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Clash2(@Response double sum, @Param double offset,
                      @Param("sigma") double gradOffset, @Offset double nll,
                      @Weight double dOffset) {}
        """));
    assertGenerates("example.Clash3Loss", source("example.Clash3", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Clash3(@Response double from, @Param double to, @Param("sigma") double reduction,
                      @Offset double i, @Weight double sample) {}
        """));
    assertGenerates("example.Clash4Loss", source("example.Clash4", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.BERNOULLI)
        record Clash4(@Response int compensation, @Param double term, @Offset double total,
                      @Weight double denominator) {}
        """));
    assertGenerates("example.Clash5Loss", source("example.Clash5", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Clash5(@Response double scale, @Param double dScale, @Known("sigma") double dTo,
                      @Weight double grad2) {}
        """));
  }

  /**
   * Generated code names java.lang and runtime types in plain text ("Math.exp", "Double.NaN",
   * "Checks.NO_ROW"), so a same-package type of that simple name captures them. JavaPoet would
   * qualify them if they were emitted as type references ($T), as StableMath already is.
   */
  @Test
  void recordNamedLikeATypeTheGeneratedCodeUses() {
    for (String name : new String[] {"Math", "Double", "Checks"}) {
      assertGenerates("example." + name + "Loss", source("example." + name, """
          package example;

          import dev.likelihood.*;

          @Likelihood(family = Family.POISSON)
          record %s(@Response int calls, @Param double eta, @Weight double w) {}
          """.formatted(name)));
    }
  }

  /** The signatures of SPEC.md, called as user code would call them. */
  @Test
  void signaturesMatchTheSpec() {
    JavaFileObject calls = source("example.Calls", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.POISSON)
        record Calls(@Response int calls, @Param double eta, @Offset double logExposure,
                     @Weight double w) {}
        """);
    JavaFileObject price = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double y, @Param double mu, @Param("sigma") double s) {}
        """);
    JavaFileObject user = source("example.User", """
        package example;

        import dev.likelihood.runtime.LikelihoodLoss;
        import dev.likelihood.runtime.Reduction;

        final class User {
          static double use() {
            double[] grad = new double[3];
            double total = CallsLoss.nll(3, 0.1, 0.0, 1.0)
                + CallsLoss.nllAndGradient(3, 0.1, 0.0, 1.0, grad, 0)
                + PriceLoss.nllAndGradient(1.0, 0.5, 0.0, grad, 1);
            int[] y = {1, 2};
            double[] eta = {0.1, 0.2};
            double[] offset = {0.0, 0.0};
            double[] w = {1.0, 2.0};
            double[] gEta = new double[2];
            total += CallsLoss.loss(Reduction.MEAN, y, eta, offset, w)
                + CallsLoss.loss(Reduction.SUM, 0, 1, y, eta, offset, w)
                + CallsLoss.lossAndGradient(Reduction.MEAN, y, eta, offset, w, gEta)
                + CallsLoss.lossAndGradient(Reduction.SUM, 1, 2, y, eta, offset, w, gEta);
            double[] ys = {1.0};
            double[] mu = {0.0};
            double[] s = {0.0};
            total += PriceLoss.lossAndGradient(Reduction.SUM, ys, mu, s, new double[1], new double[1]);
            LikelihoodLoss<Calls> loss = CallsLoss.INSTANCE;
            LikelihoodLoss<Price> other = PriceLoss.INSTANCE;
            return total
                + loss.nll(new Calls(3, 0.1, 0.0, 1.0))
                + loss.nllAndGradient(new Calls(3, 0.1, 0.0, 1.0), grad, 2)
                + other.nll(new Price(1.0, 0.0, 0.0));
          }
        }
        """);
    assertGenerates("example.CallsLoss", calls, price, user);
  }

  /**
   * Found by FuzzTest: a component named like a type that generated code uses (Math, Objects,
   * Checks, ParallelBatch, Reduction...) obscured that type (JLS 6.4.2), and the loss did not
   * compile; so did a className naming one of them.
   */
  @Test
  void componentsNamedLikeTypesTheGeneratedCodeUses() {
    assertGenerates("example.PriceLoss", source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double Math, @Param double Objects,
            @Param("sigma") double StableMath, @Weight double Checks,
            @Offset double ParallelBatch, double Reduction, double CompensatedSum) {}
        """));
    assertGenerates("example.Math", source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL, className = "Math")
        record Price(@Response double y, @Param double mu) {}
        """));
  }

  /** Found by FuzzTest: with scaleTril before mu, the kernel took scaleTril's length as D. */
  @Test
  void multivariateNormal_scaleTrilDeclaredBeforeMu() {
    Compilation compilation = assertGenerates("example.PointLoss", source("example.Point", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.MULTIVARIATE_NORMAL)
        record Point(@Param("scaleTril") double[] tril, @Param double[] mu,
            @Response double[] y) {}
        """));
    String text = generated(compilation, "example.PointLoss");
    assertWithMessage("PointLoss").that(text).contains("CholeskyNormal.nll(y, 0, mu, 0, tril, 0, ");
    assertWithMessage("PointLoss").that(text).contains("final int dimension = mu.length;");
  }
}
