package org.mriworkbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/** Builds real DL4J networks; inputs are tiny so the suite stays fast on two cores. */
class CnnNetworkTest {

    static Stream<Arguments> presetsAndClassCounts() {
        return CnnPresets.names().stream().flatMap(n -> Stream.of(Arguments.of(n, 2), Arguments.of(n, 4)));
    }

    @ParameterizedTest
    @MethodSource("presetsAndClassCounts")
    void presetBuildsAndPredictsAProbabilityPerClass(String preset, int classes) {
        CnnSpec spec = CnnPresets.byName(preset, 64, classes, 42);
        MultiLayerNetwork net = spec.build();
        assertEquals(spec.parameterCount(), net.numParams(), spec.summary());
        assertEquals(DataType.FLOAT, net.params().dataType());
        INDArray out = net.output(Nd4j.rand(DataType.FLOAT, 2, 1, 64, 64));
        assertArrayEquals(new long[] {2, classes}, out.shape());
        INDArray rowSums = out.sum(1);
        for (int r = 0; r < 2; r++) {
            assertEquals(1.0, rowSums.getDouble(r), 1e-5);
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(CnnSpec.Head.class)
    void everyHeadBuildsWithTheCountedParameters(CnnSpec.Head head) {
        CnnSpec spec = CnnPresets.classic(32, 4, 42).toBuilder().optHead(head).build();
        MultiLayerNetwork net = spec.build();
        assertEquals(spec.parameterCount(), net.numParams(), spec.summary());
        assertArrayEquals(new long[] {3, 4}, net.output(Nd4j.rand(DataType.FLOAT, 3, 1, 32, 32)).shape());
        if (head != CnnSpec.Head.FLATTEN) {
            // one number per filter reaches the dense layer: 128 x 128 weights + 128 biases
            assertEquals(128L * 128 + 128, spec.layerCosts().stream().filter(l -> l.layer().equals("dense"))
                    .findFirst().orElseThrow().params());
        }
    }

    @Test
    void sameSeedGivesIdenticalInitialParams() {
        CnnSpec spec = CnnPresets.classic(32, 2, 7);
        INDArray first = spec.build().params().dup();
        Nd4j.rand(DataType.FLOAT, 10); // disturb the global generator in between
        assertEquals(first, spec.build().params());
        assertNotEquals(first, spec.toBuilder().setSeed(8).build().build().params());
    }

    @Test
    void weightedLossIsConfiguredAndTrains() {
        CnnSpec spec = CnnPresets.seedBaseline(16, 2, 3).toBuilder().optClassWeights(0.25, 4.0).build();
        MultiLayerConfiguration conf = spec.configuration(new Sgd(0.01), 1e-4);
        BaseOutputLayer out = (BaseOutputLayer) conf.getConf(conf.getConfs().size() - 1).getLayer();
        LossMCXENT loss = assertInstanceOf(LossMCXENT.class, out.getLossFn());
        assertEquals(4.0, loss.getWeights().getDouble(1), 1e-6);

        MultiLayerNetwork net = spec.build(new Sgd(0.01), 1e-4);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 1, 16, 16);
        INDArray y = Nd4j.create(new float[][] {{1, 0}, {0, 1}, {1, 0}, {1, 0}});
        net.fit(new DataSet(x, y));
        assertTrue(Double.isFinite(net.score()));
    }

    @Test
    void dropoutIsTranslatedToDl4jRetainProbability() {
        CnnSpec spec = CnnPresets.classic(32, 4, 1).toBuilder().optDropout(0.2).build();
        MultiLayerConfiguration conf = spec.configuration(new Sgd(0.01), 0);
        Dropout d = assertInstanceOf(Dropout.class,
                conf.getConf(conf.getConfs().size() - 1).getLayer().getIDropout());
        assertEquals(0.8, d.getP(), 1e-12);
    }
}
