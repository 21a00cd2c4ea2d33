package dev.likelihood.processor.model;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Reports {@code @Likelihood} on a type declared inside a method, initializer or lambda. javac
 * neither lists local classes in a {@code RoundEnvironment} nor attributes their bodies before
 * processors run, so this listens for the end of each class's analysis instead; without it a
 * local record would be ignored in silence and its loss would simply never appear.
 */
public final class LocalLikelihoodTypes implements TaskListener {

  private final Trees trees;

  private LocalLikelihoodTypes(Trees trees) {
    this.trees = trees;
  }

  /** Registers the check with javac; other compilers offer no task to listen to. */
  public static void register(ProcessingEnvironment env) {
    try {
      JavacTask.instance(env).addTaskListener(new LocalLikelihoodTypes(Trees.instance(env)));
    } catch (IllegalArgumentException | LinkageError e) {
      // not javac (or a wrapped environment): local records go unreported there
    }
  }

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() != TaskEvent.Kind.ANALYZE || event.getTypeElement() == null) {
      return;
    }
    TreePath path = trees.getPath(event.getTypeElement());
    if (path == null) {
      return;
    }
    try {
      new Scanner(path.getCompilationUnit()).scan(path, null);
    } catch (RuntimeException e) {
      // an exception from a listener would crash javac: report it like any processor failure
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(trace));
      trees.printMessage(
          Kind.ERROR,
          Diagnostic.INTERNAL_ERROR.format(event.getTypeElement().getQualifiedName(), trace),
          path.getLeaf(),
          path.getCompilationUnit());
    }
  }

  private final class Scanner extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    /** how many method, initializer or lambda bodies enclose the current tree */
    private int bodies;

    Scanner(CompilationUnitTree unit) {
      this.unit = unit;
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      if (bodies > 0) {
        Element element = trees.getElement(getCurrentPath());
        if (element != null && Annotations.find(element, Annotations.LIKELIHOOD).isPresent()) {
          Tree where = tree;
          for (AnnotationTree annotation : tree.getModifiers().getAnnotations()) {
            if (annotation.getAnnotationType().toString().endsWith("Likelihood")) {
              where = annotation;
            }
          }
          trees.printMessage(
              Kind.ERROR,
              Diagnostic.INACCESSIBLE_RECORD.format(
                  tree.getSimpleName(), "declared inside a method", tree.getSimpleName() + "Loss"),
              where,
              unit);
        }
      }
      // a block directly in a class body is an initializer: its classes are local too
      for (Tree member : tree.getMembers()) {
        boolean body = member.getKind() == Tree.Kind.BLOCK;
        bodies += body ? 1 : 0;
        scan(member, null);
        bodies -= body ? 1 : 0;
      }
      return null;
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
      bodies++;
      super.visitMethod(tree, unused);
      bodies--;
      return null;
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
      bodies++;
      super.visitLambdaExpression(tree, unused);
      bodies--;
      return null;
    }
  }
}
