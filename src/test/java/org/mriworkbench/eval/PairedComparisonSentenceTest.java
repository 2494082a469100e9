package org.mriworkbench.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedComparisonSentenceTest {

    @Test
    void aSignificantDifferenceNamesTheBetterModel() {
        String s = new PairedComparison("DeLong", 0.81234, 0.9, -0.08766, -0.12, -0.05, 0.0004, 612, "")
                .sentence("run-a", "run-b");
        assertTrue(s.startsWith("DeLong on 612 paired images: run-a 0.812, run-b 0.900, difference -0.088"), s);
        assertTrue(s.contains("p = < 0.001") && s.contains("run-b is better"), s);
    }

    @Test
    void anUnclearDifferenceSaysSoAndAnUndefinedOneGivesTheReason() {
        String s = new PairedComparison("McNemar exact", 0.8, 0.79, 0.01, -0.02, 0.04, 0.4321, 300, "")
                .sentence("A", "B");
        assertTrue(s.contains("p = 0.432") && s.contains("not distinguishable"), s);
        String u = new PairedComparison("DeLong", 1, 1, 0, 0, 0, Double.NaN, 10, "one class only").sentence("A", "B");
        assertTrue(u.contains("undefined (one class only)"), u);
    }

    @Test
    void perClassTableNamesEachClassAndReadsTheConfusion() {
        int[] y = {0, 0, 0, 1, 1, 1};
        double[][] p = {{.9, .1}, {.8, .2}, {.3, .7}, {.2, .8}, {.1, .9}, {.4, .6}};
        var t = ClassificationReport.of(y, p).perClassTable(List.of("NO_TUMOR", "TUMOR"));
        assertEquals(List.of("NO_TUMOR", "TUMOR"), t.stringColumn("class").asList());
        assertEquals(2 / 3.0, t.doubleColumn("recall (sensitivity)").get(0), 1e-12);
        assertEquals(3 / 4.0, t.doubleColumn("precision").get(1), 1e-12);
        assertEquals(3L, t.longColumn("support").get(1));
        assertThrows(IllegalArgumentException.class, () -> ClassificationReport.of(y, p).perClassTable(List.of("x")));
    }
}
