package org.mriworkbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

class NetworkEvaluatorTest {

    /** Without flip: each row is exactly DL4J's {@code output(x, false)} row, whatever the batch split. */
    @Test
    void predictMatchesDl4jOutput() {
        TensorDataset data = SyntheticData.binary(23, 11);
        MultiLayerNetwork net = SyntheticData.tinyNet(2).build(new Adam(1e-3), 0);
        double[][] p = NetworkEvaluator.predict(net, data, 8, false);
        INDArray all = net.output(Batcher.features(data, 0, data.size()), false);
        for (int i = 0; i < data.size(); i++) {
            assertArrayEquals(all.getRow(i).toDoubleVector(), p[i], 1e-6, "row " + i);
        }
        double[][] q = NetworkEvaluator.predict(net, data, 5, false);
        for (int i = 0; i < data.size(); i++) {
            assertArrayEquals(net.output(Batcher.features(data, i, i + 1), false).toDoubleVector(), q[i], 1e-6);
        }
    }

    /**
     * With flip, one joint minibatch of originals and mirror images gives the mean of the two separate passes to
     * within 1e-6 (oneDNN may pick another kernel for the doubled batch), and is repeatable bit for bit.
     */
    @Test
    void jointFlipMatchesTwoPasses() {
        TensorDataset data = SyntheticData.binary(21, 12);
        MultiLayerNetwork net = SyntheticData.tinyNet(3).build(new Adam(1e-3), 0);
        double[][] joint = NetworkEvaluator.predict(net, data, 8, true);
        double[][] separate;
        System.setProperty(NetworkEvaluator.JOINT_FLIP_PROPERTY, "false");
        try {
            separate = NetworkEvaluator.predict(net, data, 8, true);
        } finally {
            System.clearProperty(NetworkEvaluator.JOINT_FLIP_PROPERTY);
        }
        for (int i = 0; i < data.size(); i++) {
            double[] a = net.output(Batcher.features(data, i, i + 1), false).toDoubleVector();
            double[] b = net.output(Batcher.features(data, i, i + 1, true), false).toDoubleVector();
            for (int c = 0; c < a.length; c++) {
                assertEquals((a[c] + b[c]) / 2, separate[i][c], 1e-6);
                assertEquals(separate[i][c], joint[i][c], 1e-6);
            }
        }
        assertArrayEquals(joint, NetworkEvaluator.predict(net, data, 8, true));
    }
}
