package dev.likelihood.samples.families;

import dev.likelihood.runtime.Reduction;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

/**
 * One generated loss class, driven by reflection so that a property test costs each record a
 * line of {@link FamilyCases}: a random-row generator and the roles of its components (the
 * annotations have CLASS retention, so the roles are declared, and checked against the number of
 * gradient columns the generated {@code lossAndGradient} takes).
 *
 * <p>A row is the record's components in record order, boxed ({@code Double}, {@code Integer},
 * {@code Long}, {@code Boolean}, {@code double[]}, {@code int[]}). A batch's columns follow SPEC:
 * a scalar component's column is a primitive array, a vector component's one flat row-major array,
 * rankings padded with -1 to K, the width of the scores.
 */
final class LossCase {

  /** The run's seed; {@code -Dlikelihood.seed=...} repeats a failing run. */
  static final long SEED = Long.getLong("likelihood.seed", 20260601L);

  /** A random row; {@code wide} asks for the adversarial ranges, {@code k} is the vector width. */
  @FunctionalInterface
  interface Rows {
    Object[] row(Random random, boolean wide, int k);
  }

  final String name;
  final Class<?> record;
  /** One letter per component: y response, p parameter, k known, w weight, o offset. */
  final String roles;
  private final Rows rows;
  final String[] names;
  final Class<?>[] types;
  private final Constructor<?> constructor;
  private final Method nll;
  private final Method nllAndGradient;
  private final Method loss;
  private final Method poolLoss;
  private final Method lossAndGradient;
  private final Method poolLossAndGradient;
  private final Object instance;
  private final Method instanceNll;
  private final Method instanceNllAndGradient;
  /** {@code nllGradientHessian} and the ranged {@code lossGradientHessian}, or null where not generated. */
  private final Method nllGradientHessian;
  private final Method lossGradientHessian;
  /** {@code fisherWeight}, or null where not generated. */
  final Method fisherWeight;
  /** Whether the batch methods take the response's width after the reduction. */
  final boolean widthArgument;
  /** Whether MEAN divides by the sum of the weights. */
  final boolean weighted;
  /** Components whose finite-difference steps are relative to eta (IDENTITY/INVERSE on a positive parameter). */
  private final java.util.Set<String> relativeSteps = new java.util.HashSet<>();
  /** SPEC's S = max(1, |y|, |theta|...) of a row, where the default (max(1, |y|, |eta|...)) misses a theta. */
  private java.util.function.ToDoubleFunction<Object[]> scale;

  private LossCase(Class<?> record, String roles, Rows rows) {
    this.record = record;
    this.name = record.getSimpleName();
    this.roles = roles;
    this.rows = rows;
    RecordComponent[] components = record.getRecordComponents();
    if (components.length != roles.length()) {
      throw new IllegalStateException(name + ": roles '" + roles + "' for " + components.length + " components");
    }
    names = new String[components.length];
    types = new Class<?>[components.length];
    for (int c = 0; c < components.length; c++) {
      names[c] = components[c].getName();
      types[c] = components[c].getType();
    }
    weighted = roles.indexOf('w') >= 0;
    try {
      constructor = record.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      Class<?> loss = Class.forName(record.getName() + "Loss", true, record.getClassLoader());
      int n = types.length;
      int params = (int) roles.chars().filter(ch -> ch == 'p').count();
      nll = staticMethod(loss, "nll", n, null);
      nllAndGradient = staticMethod(loss, "nllAndGradient", n + 2, null);
      Method withWidth = staticMethod(loss, "loss", n + 4, Reduction.class);
      widthArgument = withWidth != null;
      int extra = widthArgument ? 4 : 3;
      this.loss = require(staticMethod(loss, "loss", n + extra, Reduction.class), "loss");
      poolLoss = require(staticMethod(loss, "loss", n + extra + 1, ForkJoinPool.class), "pool loss");
      lossAndGradient = require(
          staticMethod(loss, "lossAndGradient", n + params + extra, Reduction.class),
          "lossAndGradient with " + params + " gradient columns");
      poolLossAndGradient = require(
          staticMethod(loss, "lossAndGradient", n + params + extra + 1, ForkJoinPool.class),
          "pool lossAndGradient");
      nllGradientHessian = staticMethod(loss, "nllGradientHessian", n + 2, null);
      lossGradientHessian = staticMethod(loss, "lossGradientHessian", n + params + extra + 1, Reduction.class);
      if ((nllGradientHessian == null) != (lossGradientHessian == null)) {
        throw new IllegalStateException(name + ": nllGradientHessian without lossGradientHessian or back");
      }
      fisherWeight = staticMethod(loss, "fisherWeight", (int) roles.chars().filter(ch -> ch == 'p' || ch == 'k').count(), null);
      instance = loss.getField("INSTANCE").get(null);
      instanceNll = loss.getMethod("nll", record);
      instanceNllAndGradient = loss.getMethod("nllAndGradient", record, double[].class, int.class);
      require(nll, "nll");
      require(nllAndGradient, "nllAndGradient");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(name, e);
    }
  }

  static LossCase of(Class<?> record, String roles, Rows rows) {
    return new LossCase(record, roles, rows);
  }

  /** A record of another package (package-private, so named). */
  static LossCase of(String recordClass, String roles, Rows rows) {
    try {
      return new LossCase(Class.forName(recordClass), roles, rows);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(recordClass, e);
    }
  }

  /** Finite differences for these components step relative to |eta| (their domain ends at 0). */
  LossCase relativeSteps(String... components) {
    relativeSteps.addAll(Arrays.asList(components));
    return this;
  }

  boolean relativeStep(int component) {
    return relativeSteps.contains(names[component]);
  }

  /** SPEC's scale S of a row: at least max(1, |y|, |eta|...), and what {@link #scale(java.util.function.ToDoubleFunction)} adds. */
  LossCase scale(java.util.function.ToDoubleFunction<Object[]> theta) {
    this.scale = theta;
    return this;
  }

  /** S takes in theta = exp(eta) of these (LOG-linked) components, entry by entry for vectors. */
  LossCase expScale(String... components) {
    List<Integer> indices = new ArrayList<>();
    for (String n : components) {
      int c = Arrays.asList(names).indexOf(n);
      if (c < 0) {
        throw new IllegalStateException(name + " has no component " + n);
      }
      indices.add(c);
    }
    java.util.function.ToDoubleFunction<Object[]> previous = scale;
    return scale(row -> {
      double s = previous == null ? 0 : previous.applyAsDouble(row);
      for (int c : indices) {
        for (int j = 0; j < width(row[c]); j++) {
          s = Math.max(s, finiteAbs(Math.exp(get(row, c, j))));
        }
      }
      return s;
    });
  }

  /**
   * SPEC's S = max(1, |y|, |theta| of each parameter), the scale of the terms that may cancel:
   * here max(1, every finite |value| of the row) and the case's own thetas where a link makes
   * theta larger than its eta (LOG).
   */
  double scaleOf(Object[] row) {
    double s = 1;
    for (Object v : row) {
      if (v instanceof Number) {
        s = Math.max(s, finiteAbs(((Number) v).doubleValue()));
      } else if (v instanceof double[]) {
        for (double x : (double[]) v) {
          s = Math.max(s, finiteAbs(x));
        }
      }
    }
    return scale == null ? s : Math.max(s, scale.applyAsDouble(row));
  }

  /**
   * The part of S that the case declares (its thetas, see {@link #expScale}), 0 without: the
   * scale of terms that cancel in the NLL's own evaluation, so the size of its rounding (where the
   * default's |y| and |eta| cancel exactly, as in y - mu, it does not count).
   */
  double declaredScale(Object[] row) {
    return scale == null ? 0 : scale.applyAsDouble(row);
  }

  private static double finiteAbs(double x) {
    return Double.isFinite(x) ? Math.abs(x) : 0;
  }

  private Method require(Method method, String what) {
    if (method == null) {
      throw new IllegalStateException(name + "Loss has no " + what + " for roles " + roles);
    }
    return method;
  }

  private static Method staticMethod(Class<?> loss, String name, int arity, Class<?> first) {
    for (Method m : loss.getMethods()) {
      if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == arity
          && (first == null || m.getParameterTypes()[0] == first)) {
        return m;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return name;
  }

  /** The random generator of this case, for a seed derived from the run's seed and the name. */
  Random random(String purpose) {
    return new Random(SEED * 1_000_003L + (name + "/" + purpose).hashCode());
  }

  Object[] row(Random random, boolean wide, int k) {
    Object[] row = rows.row(random, wide, k);
    if (row.length != types.length) {
      throw new IllegalStateException(name + ": the generator gave " + row.length + " components");
    }
    return row;
  }

  List<Object[]> rows(Random random, int n, boolean wide, int k) {
    List<Object[]> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(row(random, wide, k));
    }
    return list;
  }

  /** The row, with how to repeat it, for failure messages. */
  String describe(Object[] row) {
    return name + " row " + Arrays.deepToString(row) + " (seed " + SEED + ", -Dlikelihood.seed=" + SEED + ")";
  }

  // ---- one sample ----

  double nll(Object[] row) {
    return (double) call(nll, null, row);
  }

  double nllAndGradient(Object[] row, double[] grad, int offset) {
    Object[] args = Arrays.copyOf(row, row.length + 2);
    args[row.length] = grad;
    args[row.length + 1] = offset;
    return (double) call(nllAndGradient, null, args);
  }

  Object newRecord(Object[] row) {
    try {
      return constructor.newInstance(row);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  double instanceNll(Object[] row) {
    return (double) call(instanceNll, instance, newRecord(row));
  }

  double instanceNllAndGradient(Object[] row, double[] grad, int offset) {
    return (double) call(instanceNllAndGradient, instance, newRecord(row), grad, offset);
  }

  /** The components that take part in the gradient (parameters), in record order. */
  int[] paramComponents() {
    return java.util.stream.IntStream.range(0, roles.length()).filter(c -> roles.charAt(c) == 'p').toArray();
  }

  /** Entries of one sample's gradient. */
  int gradientSize(Object[] row) {
    int size = 0;
    for (int c : paramComponents()) {
      size += width(row[c]);
    }
    return size;
  }

  static int width(Object value) {
    if (value instanceof double[]) {
      return ((double[]) value).length;
    }
    if (value instanceof int[]) {
      return ((int[]) value).length;
    }
    return 1;
  }

  /** The eta (or offset) entry {@code entry} of component {@code c}. */
  static double get(Object[] row, int c, int entry) {
    return row[c] instanceof double[] ? ((double[]) row[c])[entry] : (Double) row[c];
  }

  /** A copy of the row whose double component {@code c} (entry {@code entry}) is {@code value}. */
  static Object[] with(Object[] row, int c, int entry, double value) {
    Object[] copy = row.clone();
    if (row[c] instanceof double[]) {
      double[] v = ((double[]) row[c]).clone();
      v[entry] = value;
      copy[c] = v;
    } else {
      copy[c] = value;
    }
    return copy;
  }

  // ---- batches ----

  /** A batch's columns, and the width the batch methods take (when they take one). */
  final class Batch {
    final Object[] columns;
    final int rows;
    final int width;
    final int[] widths;

    Batch(Object[] columns, int rows, int width, int[] widths) {
      this.columns = columns;
      this.rows = rows;
      this.width = width;
      this.widths = widths;
    }

    /** Fresh gradient columns, one per parameter component, filled with {@code fill}. */
    double[][] gradients(double fill) {
      int[] params = paramComponents();
      double[][] g = new double[params.length][];
      for (int p = 0; p < params.length; p++) {
        g[p] = new double[rows * widths[params[p]]];
        Arrays.fill(g[p], fill);
      }
      return g;
    }

    /** A deep copy of the columns, to show that no call writes to its inputs. */
    Object[] snapshot() {
      Object[] copy = new Object[columns.length];
      for (int c = 0; c < columns.length; c++) {
        copy[c] = cloneArray(columns[c]);
      }
      return copy;
    }
  }

  private static Object cloneArray(Object array) {
    if (array instanceof double[]) {
      return ((double[]) array).clone();
    } else if (array instanceof int[]) {
      return ((int[]) array).clone();
    } else if (array instanceof long[]) {
      return ((long[]) array).clone();
    }
    return ((boolean[]) array).clone();
  }

  Batch batch(List<Object[]> list) {
    int n = list.size();
    int[] widths = new int[types.length];
    Object[] first = list.isEmpty() ? null : list.get(0);
    int k = 0; // the width of the first double[] parameter: a ranking's K
    for (int c = 0; c < types.length; c++) {
      if (types[c] == double[].class) {
        widths[c] = first == null ? 1 : ((double[]) first[c]).length;
        if (k == 0 && roles.charAt(c) == 'p') {
          k = widths[c];
        }
      } else {
        widths[c] = 1;
      }
    }
    for (int c = 0; c < types.length; c++) {
      if (types[c] == int[].class) {
        widths[c] = k;
      }
    }
    Object[] columns = new Object[types.length];
    for (int c = 0; c < types.length; c++) {
      Class<?> t = types[c];
      if (t == double.class) {
        double[] col = new double[n];
        for (int i = 0; i < n; i++) {
          col[i] = (Double) list.get(i)[c];
        }
        columns[c] = col;
      } else if (t == int.class) {
        int[] col = new int[n];
        for (int i = 0; i < n; i++) {
          col[i] = (Integer) list.get(i)[c];
        }
        columns[c] = col;
      } else if (t == long.class) {
        long[] col = new long[n];
        for (int i = 0; i < n; i++) {
          col[i] = (Long) list.get(i)[c];
        }
        columns[c] = col;
      } else if (t == boolean.class) {
        boolean[] col = new boolean[n];
        for (int i = 0; i < n; i++) {
          col[i] = (Boolean) list.get(i)[c];
        }
        columns[c] = col;
      } else if (t == double[].class) {
        double[] col = new double[n * widths[c]];
        for (int i = 0; i < n; i++) {
          double[] v = (double[]) list.get(i)[c];
          if (v.length != widths[c]) {
            throw new IllegalStateException(name + ": rows of one batch have different widths");
          }
          System.arraycopy(v, 0, col, i * widths[c], v.length);
        }
        columns[c] = col;
      } else if (t == int[].class) {
        int[] col = new int[n * widths[c]];
        Arrays.fill(col, -1);
        for (int i = 0; i < n; i++) {
          int[] v = (int[]) list.get(i)[c];
          System.arraycopy(v, 0, col, i * widths[c], v.length);
        }
        columns[c] = col;
      } else {
        throw new IllegalStateException(name + ": component type " + t);
      }
    }
    int response = roles.indexOf('y');
    return new Batch(columns, n, widths[response], widths);
  }

  /** {@code fisherWeight} at the row's parameter and known components. */
  double fisherWeight(Object[] row) {
    List<Object> args = new ArrayList<>();
    for (int c = 0; c < row.length; c++) {
      if (roles.charAt(c) == 'p' || roles.charAt(c) == 'k') {
        args.add(((Number) row[c]).doubleValue());
      }
    }
    return (double) call(fisherWeight, null, args.toArray());
  }

  /** Whether the class has {@code nllGradientHessian} and {@code lossGradientHessian}. */
  boolean hasHessian() {
    return nllGradientHessian != null;
  }

  double nllGradientHessian(Object[] row, double[] grad, double[] hessian) {
    Object[] args = Arrays.copyOf(row, row.length + 2);
    args[row.length] = grad;
    args[row.length + 1] = hessian;
    return (double) call(nllGradientHessian, null, args);
  }

  double lossGradientHessian(Reduction reduction, int from, int to, Batch batch, double[][] grads, double[] hessian) {
    List<Object> args = head(null, reduction, from, to, batch);
    args.addAll(Arrays.asList(batch.columns));
    args.addAll(Arrays.asList((Object[]) grads));
    args.add(hessian);
    return (double) call(lossGradientHessian, null, args.toArray());
  }

  /** {@code loss}, on {@code pool} when it is not null. */
  double loss(ForkJoinPool pool, Reduction reduction, int from, int to, Batch batch) {
    return loss(pool, reduction, from, to, batch, batch.columns);
  }

  /** {@code loss} with the given columns (which may differ from the batch's, for bad input). */
  double loss(ForkJoinPool pool, Reduction reduction, int from, int to, Batch batch, Object[] columns) {
    List<Object> args = head(pool, reduction, from, to, batch);
    args.addAll(Arrays.asList(columns));
    return (double) call(pool == null ? loss : poolLoss, null, args.toArray());
  }

  double lossAndGradient(ForkJoinPool pool, Reduction reduction, int from, int to, Batch batch, double[][] grads) {
    return lossAndGradient(pool, reduction, from, to, batch, batch.columns, grads);
  }

  double lossAndGradient(
      ForkJoinPool pool, Reduction reduction, int from, int to, Batch batch, Object[] columns, double[][] grads) {
    List<Object> args = head(pool, reduction, from, to, batch);
    args.addAll(Arrays.asList(columns));
    args.addAll(Arrays.asList((Object[]) grads));
    return (double) call(pool == null ? lossAndGradient : poolLossAndGradient, null, args.toArray());
  }

  private List<Object> head(ForkJoinPool pool, Reduction reduction, int from, int to, Batch batch) {
    List<Object> args = new ArrayList<>();
    if (pool != null) {
      args.add(pool);
    }
    args.add(reduction);
    if (widthArgument) {
      args.add(batch.width);
    }
    args.add(from);
    args.add(to);
    return args;
  }

  /** Calls a generated method, rethrowing what it threw as it was. */
  private static Object call(Method method, Object target, Object... args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
