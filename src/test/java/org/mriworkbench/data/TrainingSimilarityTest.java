package org.mriworkbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.phantom.PhantomConfig;
import org.mriworkbench.phantom.PhantomGenerator;

class TrainingSimilarityTest {

    @TempDir
    static Path dir;
    static DatasetIndex index;

    @BeforeAll
    static void scan() throws Exception {
        Path root = dir.resolve("set");
        new PhantomGenerator(PhantomConfig.builder().optSeed(5).optImageSize(64).optTrainingPerClass(5)
                .optTestingPerClass(2).build()).writeDataset(root);
        Path src;
        try (Stream<Path> s = Files.list(root.resolve("Training/pituitary"))) {
            src = s.sorted().findFirst().orElseThrow();
        }
        Files.copy(src, root.resolve("Testing/pituitary/copy-of-training.jpg"));
        index = DatasetScanner.create().scan(root);
    }

    static int[] of(Origin origin) {
        return IntStream.range(0, index.size()).filter(i -> index.records().get(i).origin() == origin).toArray();
    }

    @Test
    void nearestCorrelationIsTheBestPairwiseCorrelation() {
        int[] test = of(Origin.TESTING);
        int[] train = of(Origin.TRAINING);
        double[] nearest = TrainingSimilarity.nearestCorrelation(index, test, train);
        double[] brute = new double[test.length];
        for (int i = 0; i < test.length; i++) {
            double best = -1;
            for (int j : train) {
                best = Math.max(best, DuplicateAudit.correlation(index.thumbnail(test[i]), index.thumbnail(j)));
            }
            brute[i] = best;
        }
        assertArrayEquals(brute, nearest, 1e-9);
        int copy = IntStream.range(0, test.length)
                .filter(i -> index.records().get(test[i]).path().endsWith("copy-of-training.jpg")).findFirst()
                .orElseThrow();
        assertEquals(1.0, nearest[copy], 1e-5, "a byte-identical copy correlates 1 with its original");
    }

    @Test
    void noReferencesGivesMinusOne() {
        double[] r = TrainingSimilarity.nearestCorrelation(index, of(Origin.TESTING), new int[0]);
        assertTrue(IntStream.range(0, r.length).allMatch(i -> r[i] == -1));
    }
}
