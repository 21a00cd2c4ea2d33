package dev.likelihood.processor.fuzz;

import dev.likelihood.processor.fuzz.Declaration.Comp;
import dev.likelihood.processor.fuzz.Declaration.TypeDecl;
import dev.likelihood.runtime.LikelihoodLoss;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Calls a generated loss the ways SPEC.md promises ("The generated class"): static
 * {@code nll} and {@code nllAndGradient} on the record's annotated components, and
 * {@code INSTANCE} on a record, and checks that they agree bit for bit.
 */
final class LossInvoker {

  private final Class<?> loss;
  private final Class<?> record;
  private final TypeDecl t;
  private final Method nll;
  private final Method nllAndGradient;

  LossInvoker(ClassLoader loader, String lossName, String recordBinaryName, TypeDecl t) throws ReflectiveOperationException {
    this.loss = loader.loadClass(lossName);
    this.record = loader.loadClass(recordBinaryName);
    this.t = t;
    List<Class<?>> types = new ArrayList<>();
    for (Comp c : t.comps) {
      if (!c.anns().isEmpty()) {
        types.add(javaClass(c.type()));
      }
    }
    this.nll = loss.getMethod("nll", types.toArray(Class<?>[]::new));
    types.add(double[].class);
    types.add(int.class);
    this.nllAndGradient = loss.getMethod("nllAndGradient", types.toArray(Class<?>[]::new));
    if (!Modifier.isStatic(nll.getModifiers()) || !Modifier.isStatic(nllAndGradient.getModifiers())) {
      throw new AssertionError("nll and nllAndGradient on the components must be static");
    }
  }

  private static Class<?> javaClass(String type) {
    switch (type) {
      case "double":
        return double.class;
      case "int":
        return int.class;
      case "long":
        return long.class;
      case "boolean":
        return boolean.class;
      case "double[]":
        return double[].class;
      case "int[]":
        return int[].class;
      default:
        throw new AssertionError(type);
    }
  }

  /** Checks one sample; returns a description of what is wrong, or null. */
  String check(Arguments.Sample s, Random r) throws ReflectiveOperationException {
    double value = (double) call(nll, s.annotated());
    int offset = r.nextInt(3);
    double[] grad = new double[offset + s.gradientWidth() + 2];
    Arrays.fill(grad, 12345.0);
    Object[] withGrad = Arrays.copyOf(s.annotated(), s.annotated().length + 2);
    withGrad[withGrad.length - 2] = grad;
    withGrad[withGrad.length - 1] = offset;
    double value2 = (double) call(nllAndGradient, withGrad);
    String args = Arrays.deepToString(s.annotated());
    if (Double.doubleToLongBits(value) != Double.doubleToLongBits(value2)) {
      return "nll = " + value + " but nllAndGradient returned " + value2 + " at " + args;
    }
    if (Double.isNaN(value) && !(s.mayBeInfinite() && s.zeroWeight())) {
      // weight 0 times the +Infinity of a link outside its domain is NaN (IEEE 754); whether a
      // zero weight should mask such a row is an open question, reported, not settled here
      return "nll is NaN at " + args;
    }
    if (value == Double.POSITIVE_INFINITY ? !s.mayBeInfinite() : Double.isInfinite(value)) {
      return "nll = " + value + " at " + args;
    }
    for (int i = 0; i < grad.length; i++) {
      boolean written = i >= offset && i < offset + s.gradientWidth();
      if (!written && grad[i] != 12345.0) {
        return "nllAndGradient wrote grad[" + i + "] outside [offset, offset + " + s.gradientWidth()
            + ") at " + args + ": " + Arrays.toString(grad);
      }
      if (written && Double.isFinite(value) && !Double.isFinite(grad[i])) {
        return "gradient entry " + (i - offset) + " = " + grad[i] + " where nll = " + value + " at " + args;
      }
    }
    // the instance methods on a record take the same path
    Constructor<?> ctor = record.getDeclaredConstructors()[0];
    ctor.setAccessible(true);
    Object sample = ctor.newInstance(s.all());
    @SuppressWarnings("unchecked")
    LikelihoodLoss<Object> instance = (LikelihoodLoss<Object>) loss.getField("INSTANCE").get(null);
    double[] grad2 = new double[grad.length];
    Arrays.fill(grad2, 12345.0);
    double value3 = instance.nll(sample);
    double value4 = instance.nllAndGradient(sample, grad2, offset);
    if (Double.doubleToLongBits(value3) != Double.doubleToLongBits(value)
        || Double.doubleToLongBits(value4) != Double.doubleToLongBits(value)
        || !Arrays.equals(grad, grad2)) {
      return "INSTANCE gives " + value3 + ", " + value4 + Arrays.toString(grad2) + " but the static methods "
          + value + Arrays.toString(grad) + " at " + args;
    }
    if (s.bad() != null) {
      for (Method m : List.of(nll, nllAndGradient)) {
        Object[] bad = m == nll ? s.bad() : withBad(withGrad, s);
        try {
          call(m, bad);
          return m.getName() + " accepted an observation outside the support: " + Arrays.deepToString(s.bad());
        } catch (IllegalArgumentException expected) {
          // SPEC.md "Bad input": IllegalArgumentException naming the component
        }
      }
    }
    return null;
  }

  private static Object[] withBad(Object[] withGrad, Arguments.Sample s) {
    Object[] bad = withGrad.clone();
    System.arraycopy(s.bad(), 0, bad, 0, s.bad().length);
    return bad;
  }

  /** Invokes, unwrapping the exception the generated code threw. */
  private static Object call(Method m, Object[] args) throws ReflectiveOperationException {
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }
}
