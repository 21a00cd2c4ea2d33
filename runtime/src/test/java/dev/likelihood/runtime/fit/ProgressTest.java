package dev.likelihood.runtime.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProgressTest {

  /** Rosenbrock slowed to 40 ms an evaluation: about 2.5 s, so lines after the first second. */
  @Test
  void printsAtMostOneLineASecondAfterTheFirstSecondAndAFinalLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ColumnLoss slow = (eta, g) -> {
      try {
        Thread.sleep(40);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Losses.rosenbrock(eta, g);
    };
    FitResult fit = Fitter.of(Predictor.intercept("point", 1).withWidth(2))
        .progress(new PrintStream(bytes, true, StandardCharsets.UTF_8))
        .start(new double[] {-1.2, 1.0}).maxIterations(40).lbfgs(slow);

    List<String> lines = Arrays.stream(bytes.toString(StandardCharsets.UTF_8).split("\n"))
        .filter(line -> !line.isEmpty()).collect(Collectors.toList());
    assertTrue(fit.elapsed().toMillis() > 1500, fit::toString);
    List<String> iterations = lines.stream().filter(line -> line.contains(" iteration "))
        .collect(Collectors.toList());
    assertTrue(!iterations.isEmpty(), String.join("\n", lines));
    for (String line : iterations) {
      assertTrue(line.matches(
          "lbfgs iteration \\d+: loss \\d+\\.\\d{4}, max\\|gradient\\| \\d\\.\\de[-+]\\d\\d, "
              + "\\d+\\.\\d s"), line);
      double seconds = Double.parseDouble(line.replaceAll(".*, (\\d+\\.\\d) s$", "$1"));
      assertTrue(seconds >= 1.0, line);
    }
    // At most one a second: no more lines than whole seconds elapsed.
    assertTrue(iterations.size() <= fit.elapsed().toSeconds(), String.join("\n", lines));
    String last = lines.get(lines.size() - 1);
    assertTrue(last.startsWith("lbfgs finished after " + fit.iterations() + " iterations"), last);
    assertEquals(iterations.size() + 1, lines.size(), String.join("\n", lines));
  }

  @Test
  void quickFitsPrintNothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Fitter.of(Predictor.intercept("point", 1).withWidth(2))
        .progress(new PrintStream(bytes, true, StandardCharsets.UTF_8))
        .start(new double[] {-1.2, 1.0}).lbfgs(Losses::rosenbrock);
    assertEquals(0, bytes.size());
  }
}
