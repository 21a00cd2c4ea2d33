package dev.likelihood.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.likelihood.runtime.ReferenceTable.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StudentMath against mpmath (tools/reference/student_primitives.py), including z = 1e300. */
class StudentMathTest {

  private static final List<Row> ROWS =
      ReferenceTable.load("/reference/student_primitives.csv", "student_primitives.py");

  private static double call(Row row) {
    double z = row.args()[0];
    double nu = row.args()[1];
    return switch (row.function()) {
      case "log1pSquareRatio" -> StudentMath.log1pSquareRatio(z, nu);
      case "dLog1pSquareRatioDz" -> StudentMath.dLog1pSquareRatioDz(z, nu);
      default -> StudentMath.dLog1pSquareRatioDnu(z, nu);
    };
  }

  @Test
  void everyRowWithin1e15Relative() {
    assertTrue(ROWS.size() > 300, "rows " + ROWS.size());
    for (String function : List.of("log1pSquareRatio", "dLog1pSquareRatioDz", "dLog1pSquareRatioDnu")) {
      ReferenceTable.assertMatches(function, ROWS, StudentMathTest::call, row -> 1e-15);
    }
    double worst = ROWS.stream().mapToDouble(r -> ReferenceTable.error(call(r), r.expected())).max().orElseThrow();
    System.out.printf("StudentMath: %d rows, worst relative error %.2e%n", ROWS.size(), worst);
  }
}
