package dev.likelihood.samples;

import dev.likelihood.samples.tour.BinaryChapter;
import dev.likelihood.samples.tour.Chapter;
import dev.likelihood.samples.tour.CountsChapter;
import dev.likelihood.samples.tour.DirectionsChapter;
import dev.likelihood.samples.tour.LossCurves;
import dev.likelihood.samples.tour.MixturesChapter;
import dev.likelihood.samples.tour.MulticlassChapter;
import dev.likelihood.samples.tour.Narrator;
import dev.likelihood.samples.tour.Plots;
import dev.likelihood.samples.tour.ProportionsChapter;
import dev.likelihood.samples.tour.RankingsChapter;
import dev.likelihood.samples.tour.RegressionChapter;
import dev.likelihood.samples.tour.RobustChapter;
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

  /** One problem type each, in the order of the lectures. */
  private static final List<Chapter> CHAPTERS = List.of(
      new RegressionChapter(),
      new RobustChapter(),
      new BinaryChapter(),
      new MulticlassChapter(),
      new CountsChapter(),
      new ProportionsChapter(),
      new DirectionsChapter(),
      new RankingsChapter(),
      new MixturesChapter());

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
    for (Path file : LossCurves.draw(plots)) {
      narrator.wrote(file);
    }
    for (Chapter chapter : CHAPTERS) {
      chapter.tell(narrator, plots);
    }
    narrator.raw("");
    narrator.raw("Each FooLoss.java is in samples/target/generated-sources/annotations: read its"
        + " Javadoc for the derivation.");
    narrator.say("tour finished in %.1f s", (System.nanoTime() - start) / 1e9);
  }
}
