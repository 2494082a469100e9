package org.mriworkbench.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

class ClassBalanceChartTest {

    @Test
    void countsLabelsPerSplitFromAnIndexTable() {
        CategoryChart c = ClassBalanceChart.of(ChartFixtures.labelsBySplit());
        assertEquals("Images per class and split", c.getTitle());
        assertEquals("class", c.getXAxisTitle());
        assertEquals("images", c.getYAxisTitle());
        assertEquals(List.of("TESTING (n=122)", "TRAINING (n=569)"), ChartFixtures.seriesNames(c));
        CategorySeries train = c.getSeries("TRAINING (n=569)");
        assertEquals(ChartFixtures.FOUR, List.copyOf(train.getXData()));
        assertArrayEquals(new double[] {130, 133, 160, 146}, train.getYData());
        ChartFixtures.assertRenders(c, 900, 560);
    }

    @Test
    void aClassMissingFromOneGroupGetsAZeroBar() {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        counts.put("train", new LinkedHashMap<>(Map.of("NO_TUMOR", 50)));
        counts.get("train").put("TUMOR", 80);
        counts.put("test", Map.of("NO_TUMOR", 10));
        CategoryChart c = ClassBalanceChart.of(counts, "Balance", ChartStyle.notebook());
        assertEquals(List.of("train (n=130)", "test (n=10)"), ChartFixtures.seriesNames(c));
        assertArrayEquals(new double[] {10, 0}, c.getSeries("test (n=10)").getYData());
        ChartFixtures.assertRenders(c, 900, 560);
    }
}
