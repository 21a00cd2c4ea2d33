package dev.likelihood.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** StudentMath against mpmath (tools/reference/student_primitives.py), including z = 1e300. */
class StudentMathTest {

  @Test
  void everyRowWithinFourUlpsRelative() throws IOException {
    double worst = 0;
    int rows = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        StudentMathTest.class.getResourceAsStream("/reference/student_primitives.csv"),
        StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",", -1);
        double z = Double.parseDouble(f[1]);
        double nu = Double.parseDouble(f[2]);
        double expected = Double.parseDouble(f[4]);
        double got = switch (f[0]) {
          case "log1pSquareRatio" -> StudentMath.log1pSquareRatio(z, nu);
          case "dLog1pSquareRatioDz" -> StudentMath.dLog1pSquareRatioDz(z, nu);
          default -> StudentMath.dLog1pSquareRatioDnu(z, nu);
        };
        double error = expected == 0 ? Math.abs(got) : Math.abs(got - expected) / Math.abs(expected);
        assertTrue(error <= 1e-15 || Math.abs(expected) < Double.MIN_NORMAL && Math.abs(got - expected) <= Double.MIN_NORMAL * 1e-15,
            line + ": got " + got + ", relative error " + error);
        worst = Math.max(worst, error);
        rows++;
      }
    }
    assertTrue(rows > 300, "rows " + rows);
    System.out.printf("StudentMath: %d rows, worst relative error %.2e%n", rows, worst);
  }
}
