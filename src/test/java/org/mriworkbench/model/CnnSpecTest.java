package org.mriworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Counting and validation; none of these tests touches the native backend. */
class CnnSpecTest {

    /** 1x8x8 input, one block of 2 filters, dense 3, 2 classes: small enough to count by hand. */
    private final CnnSpec tiny = CnnSpec.builder().setInputSize(8).setBlockFilters(2).setNumClasses(2).setSeed(1)
            .optBatchNorm(false).optDenseWidth(3).build();

    @Test
    void flopsAndParamsOfATinySpecMatchHandCounts() {
        // conv: 9*1*2 = 18 MACs per pixel, 64 pixels -> 2*64*18 = 2304 FLOPs; 18 weights + 2 biases
        // pool -> 2x4x4 = 32 features; dense: 2*32*3 = 192 FLOPs, 99 params; output: 2*3*2 = 12 FLOPs, 8 params
        assertEquals(2304 + 192 + 12, tiny.forwardFlopsPerImage());
        assertEquals(20 + 99 + 8, tiny.parameterCount());
        assertEquals(tiny.parameterCount(), tiny.trainableParameterCount());
        List<LayerCost> layers = tiny.layerCosts();
        assertEquals(List.of("conv1", "pool1", "dense", "output"), layers.stream().map(LayerCost::layer).toList());
        assertEquals("2x4x4", layers.get(1).outputShape());
    }

    @Test
    void batchNormDropsConvBiasAndAddsFourParamsPerChannel() {
        CnnSpec bn = tiny.toBuilder().optBatchNorm(true).build();
        assertEquals(18 + 8 + 99 + 8, bn.parameterCount());
        assertEquals(18 + 4 + 99 + 8, bn.trainableParameterCount());
        assertEquals(tiny.forwardFlopsPerImage(), bn.forwardFlopsPerImage());
    }

    @Test
    void summaryListsEveryLayerAndTotals() {
        String s = CnnPresets.classic(64, 4, 1).summary();
        for (String layer : List.of("conv1", "bn4", "relu2", "pool4", "dense", "output", "total", "128x4x4")) {
            assertTrue(s.contains(layer), layer + " missing from\n" + s);
        }
        assertTrue(s.contains(String.format(java.util.Locale.ROOT, "%,d", CnnPresets.classic(64, 4, 1)
                .parameterCount())));
    }

    @Test
    void specIsImmutableAndValidated() {
        assertThrows(UnsupportedOperationException.class, () -> tiny.blockFilters().add(4));
        assertThrows(IllegalStateException.class,
                () -> CnnSpec.builder().setInputSize(8).setBlockFilters(2).setNumClasses(2).build());
        assertThrows(IllegalArgumentException.class, () -> tiny.toBuilder().setBlockFilters(2, 2, 2, 2).build());
        assertThrows(IllegalArgumentException.class, () -> tiny.toBuilder().optClassWeights(1, 2, 3).build());
        assertThrows(IllegalArgumentException.class, () -> tiny.toBuilder().optDropout(1.0).build());
        assertThrows(IllegalArgumentException.class, () -> tiny.toBuilder().setNumClasses(1).build());
        assertEquals(tiny, tiny.toBuilder().build());
    }

    @Test
    void presetsByNameAndUnknownName() {
        assertEquals(List.of("seed-baseline", "classic", "wide"), CnnPresets.names());
        assertEquals(CnnPresets.wide(64, 2, 3), CnnPresets.byName("Wide", 64, 2, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CnnPresets.byName("resnet", 64, 2, 3));
        assertTrue(e.getMessage().contains("seed-baseline, classic, wide"));
        assertTrue(CnnPresets.wide(64, 2, 3).forwardFlopsPerImage() > CnnPresets.classic(64, 2, 3)
                .forwardFlopsPerImage());
    }
}
