package dev.likelihood.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.likelihood.processor.Compilations.source;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import dev.likelihood.Family;
import dev.likelihood.processor.Compilations.Outcome;
import dev.likelihood.processor.model.FamilySignatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One compilation per diagnostic code: the code and a distinctive part of its message, on the
 * exact line of the offending element, and nothing generated for the record (SPEC.md, "Bad
 * input"). Every offending component and annotation value sits on a line of its own, so the
 * line pins the element; JDK 17 and JDK 20+ place component diagnostics differently within that
 * line (see Reporter), and these tests must pass on both.
 */
class DiagnosticsTest {

  private static Outcome compile(JavaFileObject... sources) {
    return Compilations.compileRecording(sources);
  }

  /** A failed compilation with our error on the given line, and no file generated at all. */
  private static void assertError(
      Outcome outcome, JavaFileObject file, String message, String line) {
    assertThat(outcome.compilation()).failed();
    assertThat(outcome.compilation())
        .hadErrorContaining(message)
        .inFile(file)
        .onLineContaining(line);
    assertWithMessage("source files generated for an invalid record")
        .that(outcome.createdSources())
        .isEmpty();
  }

  @Test
  void notARecord_class() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        class Price {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodNotARecord] @Likelihood annotates a record, but Price is a class."
            + " Declare it as a record: record Price(...) {}",
        "@Likelihood(family = Family.NORMAL)");
  }

  @Test
  void notARecord_interface() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        interface Price {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodNotARecord] @Likelihood annotates a record, but Price is an interface.",
        "@Likelihood(family = Family.NORMAL)");
  }

  @Test
  void genericRecord() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price<T>(@Response double y, @Param double mu) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodGenericRecord] record Price has type parameters",
        "@Likelihood(family = Family.NORMAL)");
  }

  @Test
  void inaccessibleRecord_private() {
    JavaFileObject file = source("example.Outer", """
        package example;

        import dev.likelihood.*;

        class Outer {
          @Likelihood(family = Family.NORMAL)
          private record Price(@Response double y, @Param double mu) {}
        }
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodInaccessibleRecord] record Price is private, so the generated"
            + " Outer_PriceLoss in the same package cannot refer to it",
        "@Likelihood(family = Family.NORMAL)");
  }

  @Test
  void inaccessibleRecord_insidePrivateClass() {
    JavaFileObject file = source("example.Outer", """
        package example;

        import dev.likelihood.*;

        class Outer {
          private static class Hidden {
            @Likelihood(family = Family.NORMAL)
            record Price(@Response double y, @Param double mu) {}
          }
        }
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodInaccessibleRecord] record Price is inside the private Hidden, so the"
            + " generated Outer_Hidden_PriceLoss",
        "@Likelihood(family = Family.NORMAL)");
  }

  @Test
  void unsupportedFamily() {
    // The first family not implemented yet, so the test outlives each family's arrival.
    Optional<Family> missing =
        Arrays.stream(Family.values()).filter(f -> FamilySignatures.of(f).isEmpty()).findFirst();
    assumeTrue(missing.isPresent(), "every family is implemented");
    String family = missing.get().name();
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(
            family = Family.%s)
        record Price(@Response double y, @Param double mu) {}
        """.formatted(family));
    assertError(
        compile(file),
        file,
        "[LikelihoodUnsupportedFamily] family " + family + " is not implemented yet;"
            + " the families available are ",
        "family = Family." + family);
  }

  @Test
  void invalidClassName() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL,
            className = "not valid")
        record Price(@Response double y, @Param double mu) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodInvalidClassName] className \"not valid\" is not a valid Java class name."
            + " Use a simple name such as \"PriceLoss\", or leave it empty for the default",
        "className = \"not valid\"");
  }

  @Test
  void invalidClassName_keyword() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL,
            className = "class")
        record Price(@Response double y, @Param double mu) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodInvalidClassName] className \"class\" is not a valid Java class name.",
        "className = \"class\"");
  }

  @Test
  void nameClash() {
    JavaFileObject price = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double y, @Param double mu) {}
        """);
    JavaFileObject existing = source("example.PriceLoss", """
        package example;

        class PriceLoss {}
        """);
    assertError(
        compile(price, existing),
        price,
        "[LikelihoodNameClash] the generated class PriceLoss would replace the existing type"
            + " example.PriceLoss. Rename that type, or choose another name with"
            + " @Likelihood(className = \"...\")",
        "@Likelihood(family = Family.NORMAL)");
  }

  @Test
  void nameClash_classNameOfTheRecordItself() {
    JavaFileObject price = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL,
            className = "Price")
        record Price(@Response double y, @Param double mu) {}
        """);
    assertThat(compile(price).compilation())
        .hadErrorContaining("[LikelihoodNameClash] the generated class Price would replace the"
            + " existing type example.Price")
        .inFile(price)
        .onLineContaining("@Likelihood(family = Family.NORMAL,");
  }

  @Test
  void nameClash_twoRecordsGenerateTheSameClass() {
    JavaFileObject file = source("example.Prices", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL, className = "SharedLoss")
        record Price(@Response double y, @Param double mu) {}

        @Likelihood(className = "SharedLoss",
            family = Family.NORMAL)
        record Cost(@Response double y, @Param double mu) {}
        """);
    Compilation compilation = compile(file).compilation();
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[LikelihoodNameClash] the generated class SharedLoss would replace the"
            + " class generated for record example.Price")
        .inFile(file)
        .onLineContaining("@Likelihood(className = \"SharedLoss\",");
    assertWithMessage("diagnostics")
        .that(compilation.diagnostics().toString())
        .doesNotContain("[LikelihoodInternalError]");
  }

  @Test
  void conflictingAnnotations() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double y,
            @Response @Param double mu) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodConflictingAnnotations] component 'mu' carries @Response and @Param, but a"
            + " component plays one role. Keep one of them",
        "@Response @Param double mu");
  }

  @Test
  void missingResponse() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(double y, @Param double mu) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodMissingResponse] record Price has no @Response component. Annotate the"
            + " observed value with @Response",
        "record Price(");
  }

  @Test
  void duplicateResponse() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double y,
            @Response double z,
            @Param double mu) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodDuplicateResponse] component 'z' is a second @Response; 'y' is the first.",
        "@Response double z");
  }

  @Test
  void duplicateRole_weight() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double y, @Param double mu,
            @Weight double w,
            @Weight double w2) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodDuplicateRole] component 'w2' is a second @Weight; 'w' is the first.",
        "@Weight double w2");
  }

  @Test
  void duplicateRole_offset() {
    JavaFileObject file = source("example.Calls", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.POISSON)
        record Calls(@Response int y, @Param double eta,
            @Offset double exposure,
            @Offset double season) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodDuplicateRole] component 'season' is a second @Offset; 'exposure' is the"
            + " first.",
        "@Offset double season");
  }

  @Test
  void responseType_stringForNormal() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(
            @Response String y,
            @Param double mu) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodResponseType] @Response 'y' has type java.lang.String, but NORMAL takes"
            + " double. Change the component's type",
        "@Response String y");
  }

  @Test
  void responseType_booleanForPoisson() {
    JavaFileObject file = source("example.Calls", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.POISSON)
        record Calls(
            @Response boolean y,
            @Param double eta) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodResponseType] @Response 'y' has type boolean, but POISSON takes int, long,"
            + " double.",
        "@Response boolean y");
  }

  @Test
  void componentType() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double y,
            @Param int x) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodComponentType] @Param component 'x' has type int, but it must be double."
            + " Change the component's type",
        "@Param int x");
  }

  @Test
  void componentType_weight() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double y, @Param double mu,
            @Weight Double w) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodComponentType] @Weight component 'w' has type java.lang.Double, but it must"
            + " be double.",
        "@Weight Double w");
  }

  @Test
  void unknownParameter_withSuggestion() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double y, @Param double mu,
            @Param("sgima") double spread) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodUnknownParameter] NORMAL has no parameter 'sgima'; its parameters are mu,"
            + " sigma. Did you mean 'sigma'?",
        "@Param(\"sgima\") double spread");
  }

  @Test
  void unknownParameter_inConstant() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL, constants = {
            @Constant(name = "delta", value = 4)})
        record Price(@Response double y, @Param double mu) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodUnknownParameter] NORMAL has no parameter 'delta'; its parameters are mu,"
            + " sigma. Name one of them",
        "@Constant(name = \"delta\", value = 4)");
  }

  @Test
  void duplicateParameter() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double y, @Param double mu,
            @Param("sigma") double spread,
            @Known("sigma") double measured) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodDuplicateParameter] parameter 'sigma' of NORMAL is given twice: by @Param"
            + " component 'spread' and by @Known component 'measured'.",
        "@Known(\"sigma\") double measured");
  }

  @Test
  void duplicateParameter_constant() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL, constants = {
            @Constant(name = "sigma", value = 2)})
        record Price(@Response double y, @Param double mu,
            @Param("sigma") double spread) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodDuplicateParameter] parameter 'sigma' of NORMAL is given twice: by @Param"
            + " component 'spread' and by @Constant(name = \"sigma\")",
        "@Constant(name = \"sigma\", value = 2)");
  }

  @Test
  void constantDomain() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL, constants = {
            @Constant(name = "sigma", value = -1)})
        record Price(@Response double y, @Param double mu) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodConstantDomain] @Constant sigma = -1.0 is outside the parameter's domain: it"
            + " must be positive. Choose a value > 0",
        "@Constant(name = \"sigma\", value = -1)");
  }

  @Test
  void notLearnable_aCountAsParam() {
    JavaFileObject file = source("example.Trials", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.BINOMIAL)
        record Trials(@Response int y, @Param double eta,
            @Param("trials") double n) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodNotLearnable] parameter 'trials' of BINOMIAL is a positive whole number and"
            + " cannot be learned as a @Param. Give it with @Known(\"trials\") int or"
            + " @Constant(name = \"trials\", value = ...)",
        "@Param(\"trials\") double n");
  }

  @Test
  void notLearnable_aTuningConstantAsParam() {
    JavaFileObject file = source("example.Focus", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.FOCAL)
        record Focus(@Response boolean y, @Param double eta,
            @Param("gamma") double g) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodNotLearnable] parameter 'gamma' of FOCAL is non-negative and cannot be learned"
            + " as a @Param. Give it with @Constant(name = \"gamma\", value = ...)",
        "@Param(\"gamma\") double g");
  }

  @Test
  void componentType_knownTrialsMustBeAnInt() {
    JavaFileObject file = source("example.Trials", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.BINOMIAL)
        record Trials(@Response int y, @Param double eta,
            @Known("trials") double n) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodComponentType] @Known component 'n' has type double, but it must be int",
        "@Known(\"trials\") double n");
  }

  @Test
  void constantDomain_trialsMustBeAWholeNumber() {
    JavaFileObject file = source("example.Trials", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.BINOMIAL, constants = {
            @Constant(name = "trials", value = 2.5)})
        record Trials(@Response int y, @Param double eta) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodConstantDomain] @Constant trials = 2.5 is outside the parameter's domain: it"
            + " must be a positive whole number. Choose a value >= 1",
        "@Constant(name = \"trials\", value = 2.5)");
  }

  @Test
  void missingParameter() {
    JavaFileObject file = source("example.Click", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.BERNOULLI)
        record Click(@Response boolean clicked) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodMissingParameter] BERNOULLI needs its parameter 'p', which has no default."
            + " Add a component @Param(\"p\") double ...",
        "@Likelihood(family = Family.BERNOULLI)");
  }

  @Test
  void linkNotAllowed_probabilityLinkOnLocation() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double y,
            @Param(link = Link.LOGIT) double mu) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodLinkNotAllowed] link LOGIT cannot map onto parameter 'mu' of NORMAL, which is"
            + " a real number. Use one of IDENTITY, ",
        "@Param(link = Link.LOGIT) double mu");
  }

  @Test
  void linkNotAllowed_softmaxOnScalar() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double y, @Param double mu,
            @Param(value = "sigma", link = Link.SOFTMAX) double spread) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodLinkNotAllowed] link SOFTMAX cannot map onto parameter 'sigma' of NORMAL,"
            + " which is positive. Use one of LOG, SOFTPLUS",
        "link = Link.SOFTMAX");
  }

  @Test
  void linkNotAllowed_givenOnLikelihood() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL,
            link = Link.PROBIT)
        record Price(@Response double y, @Param double mu) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodLinkNotAllowed] link PROBIT cannot map onto parameter 'mu' of NORMAL",
        "link = Link.PROBIT");
  }

  @Test
  void linkConflict() {
    JavaFileObject file = source("example.Click", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.BERNOULLI, link = Link.LOGIT)
        record Click(@Response boolean clicked,
            @Param(link = Link.PROBIT) double score) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodLinkConflict] @Likelihood names link LOGIT for the primary parameter 'p', but"
            + " its @Param component 'score' names PROBIT.",
        "@Param(link = Link.PROBIT) double score");
  }

  @Test
  void rejectedParamIsNotAlsoReportedMissing() {
    JavaFileObject file = source("example.Click", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.BERNOULLI, link = Link.LOGIT)
        record Click(@Response boolean clicked,
            @Param(link = Link.PROBIT) double score) {}
        """);
    Compilation compilation = compile(file).compilation();
    assertThat(compilation).hadErrorContaining("[LikelihoodLinkConflict]");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void linkWithoutParam() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL,
            link = Link.LOG)
        record Price(@Response double y, @Known("mu") double mu) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodLinkWithoutParam] link LOG is given for parameter 'mu', which is not a @Param"
            + " here (it is @Known component 'mu'): a link maps a model output eta, and @Known"
            + " values are used as they are. Remove the link",
        "link = Link.LOG");
  }

  @Test
  void linkOutsideDomain_isAWarning() {
    JavaFileObject file = source("example.Calls", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.POISSON)
        record Calls(@Response int y,
            @Param(link = Link.IDENTITY) double rate) {}
        """);
    Compilation compilation = compile(file).compilation();
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "[LikelihoodLinkOutsideDomain] link IDENTITY can leave the domain of 'rate'"
                + " (positive): generated code returns +Infinity for eta <= 0. The safe links are"
                + " LOG, SOFTPLUS. Suppress with @SuppressWarnings(\"likelihood\") if intended")
        .inFile(file)
        .onLineContaining("@Param(link = Link.IDENTITY) double rate");
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).generatedSourceFile("example.CallsLoss");
  }

  @Test
  void linkOutsideDomain_givenOnLikelihood() {
    JavaFileObject file = source("example.Calls", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.POISSON, link = Link.INVERSE)
        record Calls(@Response int y, @Param double rate) {}
        """);
    Compilation compilation = compile(file).compilation();
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[LikelihoodLinkOutsideDomain] link INVERSE can leave the domain")
        .inFile(file)
        .onLineContaining("@Likelihood(family = Family.POISSON, link = Link.INVERSE)");
  }

  @Test
  void linkOutsideDomain_suppressedOnTheRecord() {
    JavaFileObject file = source("example.Calls", """
        package example;

        import dev.likelihood.*;

        @SuppressWarnings("likelihood")
        @Likelihood(family = Family.POISSON)
        record Calls(@Response int y,
            @Param(link = Link.IDENTITY) double rate) {}
        """);
    Compilation compilation = compile(file).compilation();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("example.CallsLoss");
  }

  @Test
  void linkOutsideDomain_suppressedOnTheComponent() {
    // @SuppressWarnings cannot target a record component; JDK 17 keeps it only where it
    // propagates (the accessor and the field), JDK 20+ on the component too.
    JavaFileObject file = source("example.Calls", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.POISSON)
        record Calls(@Response int y,
            @SuppressWarnings("likelihood") @Param(link = Link.IDENTITY) double rate) {}
        """);
    Compilation compilation = compile(file).compilation();
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void linkOutsideDomain_suppressedOnTheEnclosingClass() {
    JavaFileObject file = source("example.Model", """
        package example;

        import dev.likelihood.*;

        @SuppressWarnings({"unchecked", "likelihood"})
        class Model {
          @Likelihood(family = Family.POISSON)
          record Calls(@Response int y,
              @Param(link = Link.SQRT) double rate) {}
        }
        """);
    assertThat(compile(file).compilation()).succeededWithoutWarnings();
  }

  @Test
  void offsetWithoutParam() {
    JavaFileObject file = source("example.Calls", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.POISSON)
        record Calls(@Response int y, @Known("rate") double rate,
            @Offset double logExposure) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodOffsetWithoutParam] @Offset 'logExposure' is added to the primary"
            + " parameter's eta, but 'rate' is not a @Param here.",
        "@Offset double logExposure");
  }

  @Test
  void vectorKnown() {
    JavaFileObject file = source("example.Mixture", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.GAUSSIAN_MIXTURE)
        record Mixture(@Response double y, @Param double[] weights,
            @Known("mu") double[] mu, @Param("sigma") double[] sigma) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodVectorKnown] parameter 'mu' of GAUSSIAN_MIXTURE is a vector, which a @Known"
            + " component cannot give.",
        "@Known(\"mu\") double[] mu");
  }

  @Test
  void vectorOffset() {
    JavaFileObject file = source("example.Label", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.CATEGORICAL)
        record Label(@Response int y, @Param double[] logits,
            @Offset double shift) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodVectorOffset] @Offset 'shift' would be added to the vector parameter 'logits'"
            + " of CATEGORICAL",
        "@Offset double shift");
  }

  /** Found by FuzzTest: a vector given by one @Constant crashed the emitter (InternalError). */
  @Test
  void vectorKnown_constant() {
    JavaFileObject file = source("example.Label", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.CATEGORICAL, constants = {
            @Constant(name = "logits", value = 1)})
        record Label(@Response int y) {}
        """);
    Outcome outcome = compile(file);
    assertError(
        outcome,
        file,
        "[LikelihoodVectorKnown] parameter 'logits' of CATEGORICAL is a vector, which a @Constant"
            + " cannot give. Replace the @Constant with a component @Param(\"logits\") double[]",
        "@Constant(name = \"logits\", value = 1)");
    assertThat(outcome.compilation()).hadErrorCount(1); // not "missing" as well
  }

  /** Found by FuzzTest: the offset check read the first binding, not the primary parameter's. */
  @Test
  void vectorOffset_primaryGivenAsKnown() {
    JavaFileObject file = source("example.Label", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.CATEGORICAL)
        record Label(@Response int y,
            @Known("logits") double[] logits,
            @Offset double shift) {}
        """);
    Outcome outcome = compile(file);
    assertError(outcome, file, "[LikelihoodVectorKnown]", "@Known(\"logits\") double[] logits");
    assertError(outcome, file, "[LikelihoodVectorOffset] @Offset 'shift' would be added to the"
        + " vector parameter 'logits'", "@Offset double shift");
    assertThat(outcome.compilation()).hadErrorCount(2);
  }

  /** Found by FuzzTest: with mu missing, the offset was blamed on 'sigma', its default. */
  @Test
  void offsetWithoutParam_notReportedWhenThePrimaryIsMissing() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double y,
            @Offset double shift) {}
        """);
    Outcome outcome = compile(file);
    assertError(outcome, file, "[LikelihoodMissingParameter] NORMAL needs its parameter 'mu'",
        "@Likelihood(family = Family.NORMAL)");
    assertThat(outcome.compilation()).hadErrorCount(1);
  }

  /** Found by FuzzTest: a constant outside its domain was also reported missing. */
  @Test
  void constantDomain_isNotAlsoReportedMissing() {
    JavaFileObject file = source("example.Robust", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.STUDENT_T, constants = {
            @Constant(name = "nu", value = -1)})
        record Robust(@Response double y, @Param double mu) {}
        """);
    Outcome outcome = compile(file);
    assertError(outcome, file, "[LikelihoodConstantDomain] @Constant nu = -1.0",
        "@Constant(name = \"nu\", value = -1)");
    assertThat(outcome.compilation()).hadErrorCount(1);
  }

  /**
   * Found by FuzzTest: INVERSE_SQUARED is defined for eta &gt; 0 only, and no run-time guard
   * loops over a vector, so a mixture's mu gave NaN for a negative eta.
   */
  @Test
  void linkNotAllowed_inverseSquaredOnAVector() {
    JavaFileObject file = source("example.Mixture", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.GAUSSIAN_MIXTURE)
        record Mixture(@Response double y, @Param double[] weights,
            @Param(value = "mu", link = Link.INVERSE_SQUARED) double[] mu,
            @Param("sigma") double[] sigma) {}
        """);
    assertError(compile(file), file,
        "[LikelihoodLinkNotAllowed] link INVERSE_SQUARED cannot map onto parameter 'mu' of"
            + " GAUSSIAN_MIXTURE",
        "@Param(value = \"mu\", link = Link.INVERSE_SQUARED) double[] mu");
  }

  /** Found by FuzzTest: restricted identifiers passed the check, and the class did not compile. */
  @Test
  void invalidClassName_restrictedIdentifier() {
    for (String name : new String[] {"record", "var", "yield", "sealed", "permits"}) {
      JavaFileObject file = source("example.Price", """
          package example;

          import dev.likelihood.*;

          @Likelihood(family = Family.NORMAL,
              className = "%s")
          record Price(@Response double y, @Param double mu) {}
          """.formatted(name));
      assertError(compile(file), file,
          "[LikelihoodInvalidClassName] className \"" + name + "\" is not a valid Java class name.",
          "className = \"" + name + "\"");
    }
  }

  /**
   * Found by FuzzTest: javac lists no local classes to processors, so a record declared in a
   * method was ignored without a word. Compiled without RecordingProcessor, whose wrapped
   * environment hides javac's task from the listener that reports it.
   */
  @Test
  void inaccessibleRecord_local() {
    JavaFileObject file = source("example.Outer", """
        package example;

        import dev.likelihood.*;

        class Outer {
          void fit() {
            @Likelihood(family = Family.NORMAL)
            record Price(@Response double y, @Param double mu) {}
          }
        }
        """);
    Compilation compilation = javac().withProcessors(new LikelihoodProcessor()).compile(file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[LikelihoodInaccessibleRecord] record Price is declared inside a method")
        .inFile(file)
        .onLineContaining("@Likelihood(family = Family.NORMAL)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void exclusiveParameters() {
    JavaFileObject file = source("example.Point", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.MULTIVARIATE_NORMAL)
        record Point(@Response double[] y, @Param double[] mu,
            @Param("sigma") double[] sigma, @Param("scaleTril") double[] scaleTril) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodExclusiveParameters] MULTIVARIATE_NORMAL takes 'sigma' or 'scaleTril', not"
            + " both: 'scaleTril' replaces 'sigma'.",
        "@Likelihood(family = Family.MULTIVARIATE_NORMAL)");
  }

  @Test
  void orphanAnnotation() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        record Price(double y,
            @Param double mu) {}
        """);
    assertError(
        compile(file),
        file,
        "[LikelihoodOrphanAnnotation] @Param on component 'mu' has no effect: record Price is not"
            + " annotated with @Likelihood. Add @Likelihood(family = ...) to the record, or remove"
            + " the annotation",
        "@Param double mu");
  }

  @Test
  void unresolvedType() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double y,
            @Param Missing x) {}
        """);
    Outcome outcome = compile(file);
    assertThat(outcome.compilation()).hadErrorContaining("cannot find symbol"); // javac's own
    assertError(
        outcome,
        file,
        "[LikelihoodUnresolvedType] component 'x' of record Price has a type that never resolved"
            + " (Missing).",
        "@Param Missing x");
  }

  @Test
  void unresolvedValue() {
    JavaFileObject file = source("example.Robust", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.STUDENT_T,
            constants = @Constant(name = "nu", value = Tuning.NU))
        record Robust(@Response double y, @Param double mu) {}
        """);
    Outcome outcome = compile(file);
    assertThat(outcome.compilation()).hadErrorContaining("cannot find symbol"); // javac's own
    assertError(
        outcome,
        file,
        "[LikelihoodUnresolvedValue] 'value' of @Constant on record Robust never resolved: it"
            + " refers to a type or constant that does not exist. Fix the reference, or make sure"
            + " the processor that generates it runs",
        "constants = @Constant(name = \"nu\", value = Tuning.NU)");
  }

  /**
   * INTERNAL_ERROR cannot be provoked by a valid processor from source alone; another processor
   * that has already written example.PriceLoss makes the Filer throw. The failure must become a
   * diagnostic on the record, not an exception out of javac.
   */
  @Test
  void internalError_isReportedOnTheRecord() {
    JavaFileObject file = source("example.Price", """
        package example;

        import dev.likelihood.*;

        @Likelihood(family = Family.NORMAL)
        record Price(@Response double y, @Param double mu) {}
        """);
    Compilation compilation =
        javac()
            .withProcessors(new PreemptingProcessor("example.PriceLoss"), new LikelihoodProcessor())
            .compile(file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[LikelihoodInternalError] the Likelihood processor failed on example.Price. This is a"
                + " bug; please report it with this message.")
        .inFile(file)
        .onLineContaining("record Price(");
  }

  /** Writes an empty class of the given name in its first round, before our processor runs. */
  private static final class PreemptingProcessor extends AbstractProcessor {
    private final String qualifiedName;
    private boolean written;

    PreemptingProcessor(String qualifiedName) {
      this.qualifiedName = qualifiedName;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("dev.likelihood.Likelihood");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!written) {
        written = true;
        int dot = qualifiedName.lastIndexOf('.');
        try (Writer out = processingEnv.getFiler().createSourceFile(qualifiedName).openWriter()) {
          out.write("package " + qualifiedName.substring(0, dot) + ";\n\nfinal class "
              + qualifiedName.substring(dot + 1) + " {}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false; // leave @Likelihood to the LikelihoodProcessor
    }
  }
}
