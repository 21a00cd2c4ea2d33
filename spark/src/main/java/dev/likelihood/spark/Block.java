package dev.likelihood.spark;

/**
 * What a kernel sees of one block of rows: the data columns it reads, eta per predictor
 * (computed from the broadcast coefficients) and the arrays it writes. Every array has exactly
 * {@link #rows()} entries, so a generated batch method takes them whole. The arrays are reused
 * from block to block: a kernel reads and writes them and keeps none.
 */
public final class Block {

  private final double[][] data;
  private final double[][] eta;
  private final double[][] gradient;
  private final double[] hessian;
  private final int rows;

  Block(double[][] data, double[][] eta, double[][] gradient, double[] hessian, int rows) {
    this.data = data;
    this.eta = eta;
    this.gradient = gradient;
    this.hessian = hessian;
    this.rows = rows;
  }

  /** The number of rows in this block. */
  public int rows() {
    return rows;
  }

  /** Data column {@code j}, in the order the data columns were given to {@link SparkGlm}. */
  public double[] data(int j) {
    if (j < 0 || j >= data.length) {
      throw new IllegalArgumentException("data column " + j + " does not exist; "
          + data.length + " data columns were given");
    }
    return data[j];
  }

  /** eta of predictor {@code k} (in the order the predictors were given). */
  public double[] eta(int k) {
    return eta[predictor(k)];
  }

  /** Where the kernel writes d loss / d eta of predictor {@code k}. */
  public double[] gradient(int k) {
    return gradient[predictor(k)];
  }

  /**
   * Where the kernel writes the per-row Hessian in eta (rows*P*P); only in a Newton fit.
   *
   * @throws IllegalStateException in an L-BFGS fit, which needs no Hessian
   */
  public double[] hessian() {
    if (hessian == null) {
      throw new IllegalStateException("this fit (L-BFGS) computes no Hessian; a BlockLoss"
          + " writes the gradient only");
    }
    return hessian;
  }

  private int predictor(int k) {
    if (k < 0 || k >= eta.length) {
      throw new IllegalArgumentException("predictor " + k + " does not exist; there are "
          + eta.length);
    }
    return k;
  }
}
