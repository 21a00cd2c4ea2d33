package dev.likelihood.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.likelihood.processor.model.Component;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of a batch: how many rows it has, the width of its flat row-major vector columns
 * (given, or inferred from a scalar column's rows), the checks that every column fits, and how
 * one row's values are spelled inside the loop.
 */
final class BatchShape {

  private final VectorShapes shapes;
  private final LocalNames names;
  private final CodeBlock.Builder code;
  private final String response;
  private final String rows;
  private final String width;
  private final String triangle;

  /**
   * Declares the rows and width locals the batch needs.
   *
   * @param givenWidth the method's width parameter, or null where it is inferred
   */
  BatchShape(VectorShapes shapes, LocalNames names, CodeBlock.Builder code, String givenWidth) {
    this.shapes = shapes;
    this.names = names;
    this.code = code;
    this.response = shapes.response().name();
    if (!shapes.isVector()) {
      rows = response + ".length";
      width = null;
    } else if (givenWidth != null) {
      width = givenWidth;
      rows = names.fresh("rows");
      code.addStatement(
          "final int $L = $T.rowsOf($S, $L.length, $L)", rows, Types.CHECKS, response, response, width);
    } else {
      rows = response + ".length";
      width = names.fresh(shapes.widthName());
      String source = shapes.widthSource().name();
      code.addStatement(
          "final int $L = $T.widthOf($S, $L.length, $L)", width, Types.CHECKS, source, source, rows);
    }
    if (shapes.vectors().stream().anyMatch(shapes::isTriangle)) {
      triangle = names.fresh("triangle");
      code.addStatement("final int $L = $L * ($L + 1) / 2", triangle, width, width);
    } else {
      triangle = null;
    }
  }

  private BatchShape(
      VectorShapes shapes, LocalNames names, CodeBlock.Builder code, String width, String triangle) {
    this.shapes = shapes;
    this.names = names;
    this.code = code;
    this.response = shapes.response().name();
    this.rows = null;
    this.width = width;
    this.triangle = triangle;
  }

  /**
   * The shape inside a method that receives the width and triangle as parameters (a chunk of
   * rows, already checked by its caller): only {@link #rowVariables} is meaningful.
   */
  static BatchShape declared(
      VectorShapes shapes, LocalNames names, CodeBlock.Builder code, String width, String triangle) {
    return new BatchShape(shapes, names, code, width, triangle);
  }

  /** The local holding the vectors' width, where the record has vectors. */
  Optional<String> width() {
    return Optional.ofNullable(width);
  }

  /** The local holding D (D + 1) / 2, where the record has a packed triangle. */
  Optional<String> triangle() {
    return Optional.ofNullable(triangle);
  }

  /** The Java expression of the row count. */
  String rows() {
    return rows;
  }

  /** Checks that the column (the component's, or its gradient's) has one row per sample. */
  void checkColumn(String column, Component c) {
    if (!c.type().isArray()) {
      code.addStatement(
          "$T.sameLength($S, $L.length, $S, $L)", Types.CHECKS, column, column, response, rows);
    } else if (!column.equals(response)) {
      code.addStatement(
          "$T.columnShape($S, $L.length, $L, $L)", Types.CHECKS, column, column, rows,
          shapes.isTriangle(c) ? triangle : width);
    }
  }

  /**
   * How each component is spelled in row {@code i}, declaring the offsets of the row's vectors
   * (call inside the loop).
   */
  Map<String, String> rowVariables(String i) {
    Map<String, String> variables = new LinkedHashMap<>();
    String base = null;
    String triangleBase = null;
    for (Component c : shapes.vectors()) {
      if (shapes.isTriangle(c) && triangleBase == null) {
        triangleBase = names.fresh("triangleBase");
        code.addStatement("final int $L = $L * $L", triangleBase, i, triangle);
      } else if (!shapes.isTriangle(c) && base == null) {
        base = names.fresh("base");
        code.addStatement("final int $L = $L * $L", base, i, width);
      }
    }
    for (Component c : shapes.model().components()) {
      if (c.type().isArray()) {
        String offset = shapes.isTriangle(c) ? triangleBase : base;
        variables.put(c.name(), c.name() + "[" + offset + " + %s]");
        variables.put(KernelCall.baseKey(c.name()), offset);
      } else {
        variables.put(c.name(), c.name() + "[" + i + "]");
        LossClassWriter.markInteger(variables, c);
      }
    }
    if (width != null) {
      variables.put(ExpressionWriter.WIDTH, width);
    }
    return variables;
  }
}
