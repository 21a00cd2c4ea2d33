package dev.likelihood.runtime;

/** Error-free transformations shared by the primitives that carry a double-double. */
final class ExactArithmetic {

  private ExactArithmetic() {}

  /** The rounding error of s = a + b (Knuth's TwoSum): a + b = s + error exactly. */
  static double twoSumError(double a, double b, double s) {
    double bp = s - a;
    return (a - (s - bp)) + (b - bp);
  }
}
