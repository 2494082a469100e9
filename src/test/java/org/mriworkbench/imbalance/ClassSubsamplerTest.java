package org.mriworkbench.imbalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mriworkbench.core.Label;

class ClassSubsamplerTest {

    private final int[] labels = ImbalanceStrategiesTest.labels(40, 40, 100, 40); // index 2 = NO_TUMOR

    @Test
    void keepsTheFractionOfOneClassAndAllOthers() {
        ClassSubsampler s = ClassSubsampler.of(Label.NO_TUMOR, Label.FOUR_CLASS, 0.1, 11);
        assertEquals(2, s.classIndex());
        int[] kept = s.keptIndices(labels);
        int[] counts = new int[4];
        for (int i : kept) {
            counts[labels[i]]++;
        }
        assertArrayEquals(new int[] {40, 40, 10, 40}, counts);
        assertArrayEquals(IntStream.of(kept).sorted().toArray(), kept);
    }

    @Test
    void deterministicPerSeed() {
        assertArrayEquals(new ClassSubsampler(2, 0.1, 11).keptIndices(labels),
                new ClassSubsampler(2, 0.1, 11).keptIndices(labels));
        assertNotEquals(Arrays.toString(new ClassSubsampler(2, 0.1, 11).keptIndices(labels)),
                Arrays.toString(new ClassSubsampler(2, 0.1, 12).keptIndices(labels)));
    }

    @Test
    void subsamplesItemsAndChecksArguments() {
        List<String> items = IntStream.range(0, 4).mapToObj(i -> "s" + i).toList();
        assertEquals(List.of("s0", "s2"), new ClassSubsampler(1, 0, 1).subsample(items, new int[] {0, 1, 0, 1}));
        assertThrows(IllegalArgumentException.class, () -> new ClassSubsampler(0, 1.5, 1));
        assertThrows(IllegalArgumentException.class,
                () -> ClassSubsampler.of(Label.TUMOR, Label.FOUR_CLASS, 0.5, 1));
    }
}
