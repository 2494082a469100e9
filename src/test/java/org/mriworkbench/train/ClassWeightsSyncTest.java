package org.mriworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.mriworkbench.imbalance.EpochPlan;
import org.nd4j.linalg.dataset.DataSet;

class ClassWeightsSyncTest {

    @Test
    void laterPlanWeightsReachTheLossTheNetworkUses() {
        MultiLayerNetwork net = SyntheticData.tinyNet(1).toBuilder().optDropout(0).optClassWeights(1, 1).build()
                .build();
        TensorDataset d = SyntheticData.binary(8, 3);
        EpochPlan same = EpochPlan.of(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, new double[8], new double[] {1, 1});
        DataSet batch = new Batcher(d, 2, null, false, 0).batch(same, 0, 0, 8);
        double before = net.score(batch);
        ClassWeightsSync.apply(net, same);
        assertEquals(before, net.score(batch), 1e-9);
        ClassWeightsSync.apply(net, EpochPlan.of(same.indices(), same.strengths(), new double[] {0.2, 3}));
        assertNotEquals(before, net.score(batch), 1e-6);
        assertThrows(IllegalStateException.class, () -> ClassWeightsSync.apply(net, EpochPlan.of(same.indices())));
    }
}
