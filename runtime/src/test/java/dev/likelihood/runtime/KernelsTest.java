package dev.likelihood.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likelihood.runtime.ReferenceTable.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kernels against mpmath (tools/reference/kernel_primitives.py), from sigma = 1e-300 with
 * r = 1e150 (z = 1e450 is no double) to nu = 1e100. The Student-t rows give log(sigma) exactly and
 * pass sigma rounded, as generated code does.
 */
class KernelsTest {

  private static final List<Row> ROWS =
      ReferenceTable.load("/reference/kernel_primitives.csv", "kernel_primitives.py");

  private static double call(Row row) {
    double a = row.args()[0];
    double b = row.args()[1];
    if (row.function().equals("inverseGaussian")) {
      return Kernels.inverseGaussian(a, b);
    }
    double nu = row.args()[2];
    double sigma = Math.exp(b);
    return switch (row.function()) {
      case "studentT" -> Kernels.studentT(a, sigma, b, nu);
      case "studentTDr" -> Kernels.studentTDr(a, sigma, b, nu);
      case "studentTDlogSigma" -> Kernels.studentTDlogSigma(a, sigma, b, nu);
      case "studentTShare" -> Kernels.studentTShare(a, sigma, b, nu);
      case "studentTComplement" -> Kernels.studentTComplement(a, sigma, b, nu);
      case "studentTDrDr" -> Kernels.studentTDrDr(a, sigma, b, nu);
      default -> Kernels.studentTDnu(a, sigma, b, nu);
    };
  }

  @Test
  void everyRowWithin2e15Relative() {
    assertTrue(ROWS.size() > 1000, "rows " + ROWS.size());
    for (String function :
        List.of("studentT", "studentTDr", "studentTDlogSigma", "studentTDnu", "studentTShare",
            "studentTComplement", "studentTDrDr", "inverseGaussian")) {
      ReferenceTable.assertMatches(function, ROWS, KernelsTest::call, row -> 2e-15);
    }
    ReferenceTable.assertNeverNaN(ROWS, KernelsTest::call);
    double worst = ROWS.stream().mapToDouble(r -> ReferenceTable.error(call(r), r.expected())).max().orElseThrow();
    System.out.printf("Kernels: %d rows, worst relative error %.2e%n", ROWS.size(), worst);
  }
}
