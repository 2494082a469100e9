package org.mriworkbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class McNemarTest {

    @Test
    void exactBinomialForFewDiscordantPairs() {
        // b = 10, c = 2: p = 2 * (C(12,0) + C(12,1) + C(12,2)) / 2^12 = 2 * 79 / 4096.
        assertEquals(158 / 4096.0, McNemar.pValue(10, 2), 1e-15);
        assertEquals(1.0, McNemar.pValue(3, 3));
    }

    @Test
    void continuityCorrectedChiSquareOtherwise() {
        // b = 30, c = 15: (|30 - 15| - 1)^2 / 45 = 196/45; p = erfc(sqrt(196/90)) = 0.036888...
        assertEquals(0.03688842570704985, McNemar.pValue(30, 15), 1e-12);
    }

    @Test
    void differenceAndWaldIntervalFromCorrectness() {
        boolean[] a = new boolean[100];
        boolean[] b = new boolean[100];
        // 80 both right, 10 only A right, 2 only B right, 8 both wrong.
        for (int i = 0; i < 100; i++) {
            a[i] = i < 90;
            b[i] = i < 80 || (i >= 90 && i < 92);
        }
        PairedComparison c = McNemar.compare(a, b);
        assertEquals("McNemar exact", c.method());
        assertEquals(0.90, c.estimateA(), 1e-15);
        assertEquals(0.82, c.estimateB(), 1e-15);
        assertEquals(0.08, c.difference(), 1e-15);
        double se = Math.sqrt(12 - 64 / 100.0) / 100;
        assertEquals(0.03370459909270543, se, 1e-15);
        assertEquals(0.08 - 1.959963984540054 * se, c.lower(), 1e-12);
        assertEquals(0.08 + 1.959963984540054 * se, c.upper(), 1e-12);
        assertEquals(158 / 4096.0, c.pValue(), 1e-15);
    }

    @Test
    void noDiscordantPairsMeansNoEvidence() {
        PairedComparison c = McNemar.compare(new boolean[] {true, false}, new boolean[] {true, false});
        assertEquals(1.0, c.pValue());
        assertEquals(0.0, c.difference());
    }

    @Test
    void fromProbabilitiesUsesArgmaxCorrectness() {
        int[] labels = {0, 1, 1};
        double[][] a = {{0.9, 0.1}, {0.2, 0.8}, {0.4, 0.6}};
        double[][] b = {{0.9, 0.1}, {0.6, 0.4}, {0.7, 0.3}};
        PairedComparison c = McNemar.compare(labels, a, b);
        assertEquals(2 / 3.0, c.difference(), 1e-15);
        assertEquals(0.5, c.pValue(), 1e-15);
    }

    @Test
    void summedCountsAreTestedAsOneTable() {
        // Two pairings (e.g. two seeds on the same 100 images): b = 10, c = 2 and b = 20, c = 13; summed 30 and 15.
        McNemar.Counts first = new McNemar.Counts(10, 2, 90, 82, 100);
        McNemar.Counts second = new McNemar.Counts(20, 13, 85, 78, 100);
        McNemar.Counts sum = first.plus(second);
        assertEquals(new McNemar.Counts(30, 15, 175, 160, 200), sum);
        PairedComparison c = McNemar.compare(sum);
        assertEquals(McNemar.pValue(30, 15), c.pValue(), 0.0);
        assertEquals(0.03688842570704985, c.pValue(), 1e-12);
        assertEquals("McNemar chi-square", c.method());
        assertEquals(15 / 200.0, c.difference(), 1e-15);
        assertEquals(0.875, c.estimateA(), 1e-15);
        assertEquals(200, c.n());
    }

    @Test
    void countsFromCorrectnessGiveTheSameTestAsCompare() {
        boolean[] a = {true, true, false, false, true};
        boolean[] b = {true, false, true, false, false};
        assertEquals(new McNemar.Counts(2, 1, 3, 2, 5), McNemar.counts(a, b));
        assertEquals(McNemar.compare(a, b), McNemar.compare(McNemar.counts(a, b)));
    }
}
