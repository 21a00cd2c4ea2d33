package dev.likelihood.samples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The real-data fits against every published number, each to the digits it was printed with:
 * R's 3.045e+00 holds ours to +-0.0005, statsmodels' -13.0213 to +-0.00005.
 */
class PublishedFitsTest {

  @Test
  void dobsonPoissonGlmMatchesRsPrintedSummary() {
    assertAgrees(new DobsonFit().compare(), 5 * 2 + 3);
  }

  @Test
  void spectorLogitMatchesStatsmodels() {
    assertAgrees(new SpectorFit().compare(SpectorFit.Link.LOGIT), 4 * 2 + 2);
  }

  @Test
  void spectorProbitMatchesStatsmodels() {
    assertAgrees(new SpectorFit().compare(SpectorFit.Link.PROBIT), 4 * 2 + 2);
  }

  @Test
  void aRowOutsideItsPrintedDigitsDisagrees() {
    Comparison comparison = new Comparison(Published.SPECTOR_LOGIT)
        .add("const", -13.02134, PrintedNumber.of("-13.0213"))
        .add("GPA", 2.82616, PrintedNumber.of("2.8261"));
    assertTrue(comparison.rows().get(0).agrees());
    assertTrue(!comparison.rows().get(1).agrees());
    assertTrue(!comparison.allAgree());
  }

  private static void assertAgrees(Comparison comparison, int rows) {
    assertEquals(rows, comparison.rows().size(), comparison.title());
    for (Comparison.Row row : comparison.rows()) {
      assertEquals(row.published().value(), row.ours(), row.published().tolerance(),
          comparison.title() + ": " + row.quantity() + " printed " + row.published());
    }
  }
}
