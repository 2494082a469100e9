package org.mriworkbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.mriworkbench.model.CnnPresets;
import org.mriworkbench.model.CnnSpec;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

/** The one DL4J timing loop: what it counts and what it feeds the network; how fast is never asserted. */
class TimedLoopTest {

    private static final CnnSpec SPEC = CnnPresets.byName("classic", 32, 2, 1);

    @Test
    void randomBatchesAreSeededShapedAndCycleTheLabels() {
        List<DataSet> a = TimedLoop.randomBatches(SPEC, 3, 2, 5);
        assertEquals(2, a.size());
        assertEquals(List.of(3L, 1L, 32L, 32L), List.of(a.get(0).getFeatures().shape()[0],
                a.get(0).getFeatures().shape()[1], a.get(0).getFeatures().shape()[2],
                a.get(0).getFeatures().shape()[3]));
        // labels run 0,1,0 | 1,0,1 across the two batches of three
        assertEquals(1, a.get(1).getLabels().getInt(0, 1));
        assertEquals(1, a.get(0).getLabels().getInt(1, 1));
        assertEquals(1, a.get(0).getLabels().getInt(2, 0));
        assertEquals(a.get(0).getFeatures(), TimedLoop.randomBatches(SPEC, 3, 1, 5).get(0).getFeatures(),
                "the first batch depends only on the seed");
        assertNotEquals(a.get(0).getFeatures(), TimedLoop.randomBatches(SPEC, 3, 1, 6).get(0).getFeatures());
    }

    @Test
    void countsTheImagesOfTheTimedCallsOnly() {
        MultiLayerNetwork net = SPEC.build(new Adam(1e-3), 0);
        List<DataSet> batches = TimedLoop.randomBatches(SPEC, 2, 3, 1);
        TimedLoop.Timing fit = TimedLoop.fit(net, batches, 2, 4);
        assertEquals(4, fit.calls());
        assertEquals(8, fit.images());
        assertTrue(fit.wallSeconds() > 0 && fit.imagesPerSecond() > 0);
        assertEquals(fit.wallSeconds() / 4, fit.wallSecondsPerCall(), 1e-15);
        TimedLoop.Timing predict = TimedLoop.predict(net, List.of(batches.get(0).getFeatures(),
                TimedLoop.randomBatches(SPEC, 5, 1, 2).get(0).getFeatures()), 1, 3);
        assertEquals(2 + 5 + 2, predict.images(), "batches are visited in turn");
        assertThrows(IllegalArgumentException.class, () -> TimedLoop.fit(net, batches, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> TimedLoop.fit(net, batches, -1, 1));
    }

    @Test
    void fitTrainsTheNetwork() {
        MultiLayerNetwork net = SPEC.build(new Adam(1e-3), 0);
        String before = net.params().dup().toString();
        TimedLoop.fit(net, TimedLoop.randomBatches(SPEC, 2, 1, 1), 0, 1);
        assertNotEquals(before, net.params().toString());
    }
}
