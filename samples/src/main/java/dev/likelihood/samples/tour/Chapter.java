package dev.likelihood.samples.tour;

/** One problem type of the tour: its records, fits, predictions and figures. */
public interface Chapter {

  /** Prints the chapter and draws its figures. */
  void tell(Narrator narrator, Plots plots);
}
