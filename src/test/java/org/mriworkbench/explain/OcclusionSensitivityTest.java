package org.mriworkbench.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.mriworkbench.core.FloatImage;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class OcclusionSensitivityTest {

    @Test
    void patchPositionsAlwaysReachTheLastPixel() {
        assertArrayEquals(new int[] {0, 4, 8}, OcclusionSensitivity.positions(12, 4, 4));
        assertArrayEquals(new int[] {0, 3, 6, 7}, OcclusionSensitivity.positions(12, 5, 3));
        assertArrayEquals(new int[] {0}, OcclusionSensitivity.positions(5, 5, 2));
    }

    /** The corner pixel is covered by the first patch only, so its value is exactly that patch's drop. */
    @Test
    void cornerValueIsTheProbabilityDropOfTheFirstPatch() {
        MultiLayerNetwork net = TinyNets.build(false, 31).convertDataType(DataType.FLOAT);
        INDArray x = TinyNets.images(1, 32).castTo(DataType.FLOAT);
        FloatImage image = new FloatImage(TinyNets.SIZE, TinyNets.SIZE, 1, x.data().asFloat());
        int cls = 1;
        SaliencyMap map = OcclusionSensitivity.builder().setNetwork(net).setPatchSize(4).optStride(4)
                .optFill(OcclusionSensitivity.Fill.ZERO).build().explain(image, cls);
        float[] occluded = image.copyPixels();
        for (int y = 0; y < 4; y++) {
            for (int xx = 0; xx < 4; xx++) {
                occluded[y * TinyNets.SIZE + xx] = 0;
            }
        }
        double before = net.output(ImageBatch.of(image), false).getDouble(0, cls);
        double after = net.output(ImageBatch.of(new FloatImage(TinyNets.SIZE, TinyNets.SIZE, 1, occluded)), false)
                .getDouble(0, cls);
        assertEquals(Math.max(0, before - after), map.value(0, 0), 1e-6);
        assertEquals(OcclusionSensitivity.METHOD, map.method());
    }

    @Test
    void builderRejectsMissingOrBadSettings() {
        MultiLayerNetwork net = TinyNets.build(false, 1);
        assertThrows(IllegalStateException.class, () -> OcclusionSensitivity.builder().setPatchSize(4).build());
        assertThrows(IllegalStateException.class, () -> OcclusionSensitivity.builder().setNetwork(net).build());
        assertThrows(IllegalArgumentException.class,
                () -> OcclusionSensitivity.builder().setNetwork(net).setPatchSize(4).optStride(0).build());
    }
}
