package org.mriworkbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The step profile walks every layer of the real network and reports the real fit beside it; no speed asserted. */
class StepProfileTest {

    @Test
    void profilesEveryLayerOfTheNetworkFitTrains() {
        StepProfile.Profile p = StepProfile.run("classic", 32, 4, 1, 2, 1);
        // classic: 4 blocks of conv, bn, relu, pool, then dense and output
        assertEquals(18, p.layers().size());
        assertTrue(p.layers().get(0).name().startsWith("conv1"), p.layers().get(0).name());
        assertTrue(p.layers().get(3).name().contains("MaxPool2x2Layer"), "the profile sees the layers fit runs");
        assertTrue(p.fitMs() > 0 && p.gradMs() > 0 && p.layerSumMs() > 0);
        p.layers().forEach(r -> assertTrue(r.forwardMs() >= 0 && r.backwardMs() >= 0, r.name()));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        StepProfile.print(p, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("updater (Adam, flattened)") && out.contains("pool4"), out);
    }
}
