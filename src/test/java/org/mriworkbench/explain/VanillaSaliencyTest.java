package org.mriworkbench.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.mriworkbench.core.FloatImage;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

class VanillaSaliencyTest {

    @Test
    void maxOverChannelsOfAbsoluteGradient() {
        float[] g = {1, -3, -2, 0.5f}; // two channels of two pixels
        assertArrayEquals(new float[] {2, 3}, VanillaSaliency.maxAbsOverChannels(g, 2, 2));
        assertArrayEquals(new float[] {0.5f, 1}, VanillaSaliency.maxScaled(new float[] {2, 4}));
        assertArrayEquals(new float[2], VanillaSaliency.maxScaled(new float[2]));
    }

    @Test
    void mapIsTheScaledInputGradientMagnitude() {
        MultiLayerNetwork net = TinyNets.build(true, 41);
        INDArray x = TinyNets.images(1, 42).castTo(DataType.FLOAT);
        FloatImage image = new FloatImage(TinyNets.SIZE, TinyNets.SIZE, 1, x.data().asFloat());
        SaliencyMap map = new VanillaSaliency(net).explain(image, 0);
        INDArray g = Transforms.abs(new ActivationsAndGradients(net).capture(x, ActivationsAndGradients.INPUT, 0)
                .gradients());
        float[] expected = VanillaSaliency.maxScaled(g.castTo(DataType.FLOAT).data().asFloat());
        assertArrayEquals(expected, map.values(), 1e-5f);
        assertEquals(VanillaSaliency.METHOD, map.method());
    }
}
