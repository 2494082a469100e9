package org.mriworkbench.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.mriworkbench.model.CnnSpec;
import org.mriworkbench.core.FloatImage;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The Grad-CAM arithmetic on hand-made numbers, and target-layer choice on real networks. */
class GradCamTest {

    @Test
    void coarseMapIsReluOfChannelsWeightedByMeanGradient() {
        // two channels of 1x2; channel 0 gradients mean 1, channel 1 mean -0.5
        float[] a = {1, 2, 4, 0};
        float[] g = {0, 2, -1, 0};
        // 1*[1,2] - 0.5*[4,0] = [-1, 2] -> ReLU -> [0, 2]
        assertArrayEquals(new float[] {0, 2}, GradCam.coarseMap(a, g, 2, 1, 2), 1e-6f);
    }

    @Test
    void minMaxScalingGivesZeroToOneAndConstantMapsBecomeFlat() {
        assertArrayEquals(new float[] {0, 0.5f, 1}, GradCam.minMaxScaled(new float[] {1, 2, 3}), 1e-6f);
        assertArrayEquals(new float[3], GradCam.minMaxScaled(new float[] {0, 0, 0}));
    }

    @Test
    void defaultTargetIsTheRectifiedOutputOfTheLastConvBlock() {
        CnnSpec bn = CnnSpec.builder().setInputSize(16).setBlockFilters(2, 3).setNumClasses(2).setSeed(1).build();
        MultiLayerNetwork withBn = bn.build();
        assertEquals("relu2", withBn.getLayerNames().get(GradCam.defaultTargetLayer(withBn)));
        MultiLayerNetwork plain = bn.toBuilder().optBatchNorm(false).build().build();
        assertEquals("conv2", plain.getLayerNames().get(GradCam.defaultTargetLayer(plain)));
        assertEquals(withBn.getLayer("relu1").getIndex(),
                GradCam.builder().setNetwork(withBn).optTargetLayer("relu1").build().targetLayer());
        assertThrows(IllegalArgumentException.class,
                () -> GradCam.builder().setNetwork(withBn).optTargetLayer("nope").build());
        assertThrows(IllegalStateException.class, () -> GradCam.builder().build());
    }

    @Test
    void mapMatchesTheEquationAppliedToTheCaptureAndIsInputSized() {
        MultiLayerNetwork net = TinyNets.build(true, 21);
        GradCam cam = GradCam.of(net);
        INDArray x = TinyNets.images(1, 22);
        FloatImage image = new FloatImage(TinyNets.SIZE, TinyNets.SIZE, 1, x.castTo(
                org.nd4j.linalg.api.buffer.DataType.FLOAT).data().asFloat());
        SaliencyMap map = cam.explain(image, 2);
        assertEquals(TinyNets.SIZE, map.width());
        assertEquals(GradCam.METHOD, map.method());
        assertEquals(2, map.targetClass());
        for (float v : map.values()) {
            assertTrue(v >= 0 && v <= 1);
        }
        ActivationsAndGradients.Capture c = new ActivationsAndGradients(net).capture(x, cam.targetLayer(), 2);
        INDArray a = c.activations();
        float[] coarse = GradCam.coarseMap(ImageBatch.example(a, 0), ImageBatch.example(c.gradients(), 0),
                (int) a.size(1), (int) a.size(2), (int) a.size(3));
        float[] expected = GradCam.minMaxScaled(org.mriworkbench.core.Resample.plane(coarse, 0,
                (int) a.size(3), (int) a.size(2), TinyNets.SIZE, TinyNets.SIZE));
        assertArrayEquals(expected, map.values(), 1e-5f);
    }
}
