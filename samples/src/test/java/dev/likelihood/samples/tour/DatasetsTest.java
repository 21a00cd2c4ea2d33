package dev.likelihood.samples.tour;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatasetsTest {

  @Test
  void dobsonIsRsGlmExample() {
    Datasets.Dobson dobson = Datasets.dobson();
    // counts <- c(18,17,15,20,10,20,25,13,12); outcome <- gl(3,1,9); treatment <- gl(3,3)
    assertArrayEquals(new int[] {18, 17, 15, 20, 10, 20, 25, 13, 12}, dobson.count());
    assertArrayEquals(new int[] {1, 2, 3, 1, 2, 3, 1, 2, 3}, dobson.outcome());
    assertArrayEquals(new int[] {1, 1, 1, 2, 2, 2, 3, 3, 3}, dobson.treatment());
  }

  @Test
  void spectorHas32StudentsAndStatsmodelsFirstRows() {
    Datasets.Spector spector = Datasets.spector();
    assertEquals(32, spector.rows());
    // statsmodels' docs print the first five rows of exog: [2.66 20 0], [2.89 22 0], ...
    assertArrayEquals(new double[] {2.66, 2.89, 3.28, 2.92, 4.00},
        java.util.Arrays.copyOf(spector.gpa(), 5));
    assertArrayEquals(new double[] {20, 22, 24, 12, 21}, java.util.Arrays.copyOf(spector.tuce(), 5));
    int improved = 0;
    int taught = 0;
    for (int i = 0; i < 32; i++) {
      improved += spector.improved()[i] ? 1 : 0;
      taught += (int) spector.psi()[i];
    }
    assertEquals(11, improved);
    assertEquals(14, taught);
  }

  @Test
  void aMissingDataSetOrAWrongHeaderIsNamed() {
    IllegalStateException missing =
        assertThrows(IllegalStateException.class, () -> Datasets.read("nope.csv", "a,b"));
    assertTrue(missing.getMessage().contains("/data/nope.csv"), missing.getMessage());
    IllegalArgumentException header =
        assertThrows(IllegalArgumentException.class, () -> Datasets.read("dobson.csv", "a,b"));
    assertTrue(header.getMessage().contains("expected 'a,b'"), header.getMessage());
  }
}
