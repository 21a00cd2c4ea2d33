package dev.likelihood.samples;

import dev.likelihood.samples.tour.LossCurves;
import dev.likelihood.samples.tour.Narrator;
import dev.likelihood.samples.tour.Plots;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The tour: the catalogue one problem type at a time, as the lectures it follows do. For each, the
 * declared record, a model fitted with the generated loss, what it learned against the truth it
 * was generated from (or against published results on real data), a prediction (recipe step 4)
 * and a plot of the fitted distribution over the data. Run it with the README's first command;
 * the PNGs go to the directory given as the first argument (default samples/target/tour).
 */
public final class Tour {

  private Tour() {}

  public static void main(String[] args) {
    // the figures are drawn off-screen; set before any AWT class loads
    System.setProperty("java.awt.headless", "true");
    Path directory = Path.of(args.length > 0 ? args[0] : "samples/target/tour");
    run(System.out, new Plots(directory));
  }

  /** Runs every chapter, printing to {@code out} and drawing into {@code plots}. */
  public static void run(PrintStream out, Plots plots) {
    long start = System.nanoTime();
    Narrator narrator = new Narrator(out);
    narrator.raw("Likelihood: a loss is derived, not chosen. Pick a distribution for y, let the model"
        + " predict its parameters through links, minimise the negative log-likelihood.");
    narrator.chapter("The losses you know are likelihoods");
    List<Path> files = LossCurves.draw(plots);
    for (Path file : files) {
      narrator.say("wrote %s", file);
    }
    narrator.raw("");
    narrator.raw("Each FooLoss.java is in samples/target/generated-sources/annotations: read its"
        + " Javadoc for the derivation.");
    narrator.say("tour finished in %.1f s", (System.nanoTime() - start) / 1e9);
  }
}
