package org.mriworkbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

class InferencePassTest {

    /** Bit-for-bit {@code output(x, false)}, for changing batch sizes (workspace regrowth) and after training steps. */
    @Test
    void matchesDl4jOutputExactly() {
        for (String preset : new String[] {"classic", "seed-baseline"}) {
            MultiLayerNetwork net = CnnPresets.byName(preset, 32, 2, 3).build(new Adam(1e-3), 0);
            Nd4j.getRandom().setSeed(5);
            INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 2);
            y.putScalar(0, 1, 1f);
            y.getColumn(0).assign(1);
            net.fit(Nd4j.rand(DataType.FLOAT, 8, 1, 32, 32), y); // moves batch-norm statistics off their defaults
            for (int n : new int[] {8, 3, 16, 8}) {
                INDArray x = Nd4j.rand(DataType.FLOAT, n, 1, 32, 32);
                INDArray expected = net.output(x, false);
                INDArray actual = InferencePass.output(net, x);
                assertFalse(actual.isAttached(), "result must outlive the workspace");
                assertArrayEquals(new long[] {n, 2}, actual.shape());
                assertArrayEquals(expected.reshape(-1).toFloatVector(), actual.reshape(-1).toFloatVector(), 0f, preset + " batch " + n);
            }
            INDArray x = Nd4j.rand(DataType.FLOAT, 4, 1, 32, 32);
            INDArray before = InferencePass.output(net, x);
            InferencePass.release();
            assertArrayEquals(before.reshape(-1).toFloatVector(), InferencePass.output(net, x).reshape(-1).toFloatVector(), 0f);
            InferencePass.release();
        }
    }

    /** The switch gives DL4J's own path back; results are the same either way. */
    @Test
    void propertyFalseUsesDl4jOutput() {
        MultiLayerNetwork net = CnnPresets.classic(32, 2, 4).build(new Adam(1e-3), 0);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 1, 32, 32);
        INDArray fast = InferencePass.output(net, x);
        System.setProperty(InferencePass.PROPERTY, "false");
        try {
            assertEquals(net.output(x, false), InferencePass.output(net, x));
            assertEquals(fast, InferencePass.output(net, x));
        } finally {
            System.clearProperty(InferencePass.PROPERTY);
            InferencePass.release();
        }
    }
}
