package dev.likelihood.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Kernels against mpmath (tools/reference/kernel_primitives.py), from sigma = 1e-300 with
 * r = 1e150 (z = 1e450 is no double) to nu = 1e100. The Student-t rows give log(sigma) exactly and
 * pass sigma rounded, as generated code does.
 */
class KernelsTest {

  @Test
  void everyRowWithinTheProjectTolerance() throws IOException {
    double worst = 0;
    int rows = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        KernelsTest.class.getResourceAsStream("/reference/kernel_primitives.csv"),
        StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",", -1);
        double a = Double.parseDouble(f[1]);
        double b = Double.parseDouble(f[2]);
        double expected = Double.parseDouble(f[4]);
        double got;
        if (f[0].equals("inverseGaussian")) {
          got = Kernels.inverseGaussian(a, b);
        } else {
          double nu = Double.parseDouble(f[3]);
          double sigma = Math.exp(b);
          got = switch (f[0]) {
            case "studentT" -> Kernels.studentT(a, sigma, b, nu);
            case "studentTDr" -> Kernels.studentTDr(a, sigma, b, nu);
            case "studentTDlogSigma" -> Kernels.studentTDlogSigma(a, sigma, b, nu);
            default -> Kernels.studentTDnu(a, sigma, b, nu);
          };
        }
        double error = Math.abs(got - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
        assertTrue(error <= 2e-15, line + ": got " + got + ", relative error " + error);
        worst = Math.max(worst, error);
        rows++;
      }
    }
    assertTrue(rows > 1000, "rows " + rows);
    System.out.printf("Kernels: %d rows, worst relative error %.2e%n", rows, worst);
  }
}
