package org.mriworkbench.imbalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImbalanceStrategiesTest {

    /** 4 classes, 60/25/10/5 samples, interleaved so indices and classes are not aligned. */
    static final int[] LABELS = labels(60, 25, 10, 5);

    static int[] labels(int... counts) {
        int n = Arrays.stream(counts).sum();
        int[] y = new int[n];
        int[] left = counts.clone();
        int c = 0;
        for (int i = 0; i < n; i++) {
            while (left[c % counts.length] == 0) {
                c++;
            }
            y[i] = c % counts.length;
            left[c % counts.length]--;
            c++;
        }
        return y;
    }

    static java.util.List<String> names() {
        return ImbalanceStrategies.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyStrategyIsDeterministicPerSeedAndValid(String name) {
        ImbalanceStrategy s = ImbalanceStrategies.byName(name);
        assertEquals(name, s.name());
        EpochPlan a = s.plan(LABELS, 4, 7, 0);
        assertEquals(a, s.plan(LABELS, 4, 7, 0));
        assertNotEquals(Arrays.toString(a.indices()), Arrays.toString(s.plan(LABELS, 4, 7, 1).indices()));
        assertNotEquals(Arrays.toString(a.indices()), Arrays.toString(s.plan(LABELS, 4, 8, 0).indices()));
        assertEquals(a.size(), a.strengths().length);
        for (int i : a.indices()) {
            assertTrue(i >= 0 && i < LABELS.length);
        }
    }

    @Test
    void noneKeepsEverySampleOnceUnweighted() {
        EpochPlan p = ImbalanceStrategies.none().plan(LABELS, 4, 1, 0);
        int[] sorted = p.indices();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        assertTrue(p.classWeights().isEmpty());
        assertTrue(Arrays.stream(p.strengths()).allMatch(s -> s == 1.0));
    }

    @Test
    void oversamplingBalancesToTheMajorityAndKeepsEveryOriginal() {
        EpochPlan p = ImbalanceStrategies.oversample().plan(LABELS, 4, 3, 0);
        assertArrayEquals(new int[] {60, 60, 60, 60}, p.visitsPerClass(LABELS, 4));
        assertEquals(LABELS.length, Arrays.stream(p.indices()).distinct().count());
    }

    @Test
    void undersamplingBalancesToTheMinorityWithoutRepeats() {
        EpochPlan p = ImbalanceStrategies.undersample().plan(LABELS, 4, 3, 0);
        assertArrayEquals(new int[] {5, 5, 5, 5}, p.visitsPerClass(LABELS, 4));
        assertEquals(20, Arrays.stream(p.indices()).distinct().count());
    }

    @Test
    void absentClassesAreIgnoredByResampling() {
        int[] y = {0, 0, 0, 2, 2, 0};
        assertArrayEquals(new int[] {4, 0, 4}, ImbalanceStrategies.oversample().plan(y, 3, 1, 0).visitsPerClass(y, 3));
        assertArrayEquals(new int[] {2, 0, 2}, ImbalanceStrategies.undersample().plan(y, 3, 1, 0).visitsPerClass(y, 3));
    }

    @Test
    void inverseFrequencyWeightsHaveMeanOneAndBalanceTheLoss() {
        double[] w = ImbalanceStrategies.classWeights().plan(LABELS, 4, 1, 0).classWeights().orElseThrow();
        assertEquals(1.0, Arrays.stream(w).average().orElseThrow(), 1e-12);
        int[] n = {60, 25, 10, 5};
        for (int c = 1; c < 4; c++) {
            assertEquals(w[0] * n[0], w[c] * n[c], 1e-9); // weight x count is the same for every class
        }
        assertEquals(12.0, w[3] / w[0], 1e-9);
    }

    @Test
    void userWeightsArePassedThroughAndChecked() {
        EpochPlan p = ImbalanceStrategies.classWeights(1, 2, 3, 4).plan(LABELS, 4, 1, 0);
        assertArrayEquals(new double[] {1, 2, 3, 4}, p.classWeights().orElseThrow());
        assertEquals(LABELS.length, p.size());
        assertThrows(IllegalArgumentException.class,
                () -> ImbalanceStrategies.classWeights(1, 2).plan(LABELS, 4, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> ImbalanceStrategies.classWeights(1, -2));
    }

    @Test
    void focusedAugmentationOversamplesPartlyAndAugmentsMinoritiesHarder() {
        EpochPlan p = ImbalanceStrategies.focusedAugmentation().plan(LABELS, 4, 5, 0);
        int[] visits = p.visitsPerClass(LABELS, 4);
        // round(n * sqrt(60 / n)) = round(sqrt(60 n))
        assertArrayEquals(new int[] {60, 39, 24, 17}, visits);
        double[] perClass = new double[4];
        for (int pos = 0; pos < p.size(); pos++) {
            perClass[LABELS[p.index(pos)]] = p.strength(pos);
        }
        assertEquals(1.0, perClass[0], 1e-12);
        assertTrue(perClass[0] < perClass[1] && perClass[1] < perClass[2] && perClass[2] < perClass[3]);
        assertEquals(1 + 55.0 / 60, perClass[3], 1e-12);
        assertArrayEquals(new int[] {60, 60, 60, 60},
                ImbalanceStrategies.focusedAugmentation(1, 2).plan(LABELS, 4, 5, 0).visitsPerClass(LABELS, 4));
    }

    @Test
    void unknownNameListsValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImbalanceStrategies.byName("smote"));
        assertTrue(e.getMessage().contains("smote"));
        for (String n : ImbalanceStrategies.names()) {
            assertTrue(e.getMessage().contains(n));
        }
        assertEquals("oversample", ImbalanceStrategies.byName(" OverSample ").name());
    }

    @Test
    void badLabelsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ImbalanceStrategies.none().plan(new int[] {0, 4}, 4, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> ImbalanceStrategies.none().plan(LABELS, 4, 1, -1));
    }
}
