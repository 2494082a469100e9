package org.mriworkbench.chart;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Writes one PNG of every chart for a person to look at, since no assertion can tell a legible chart from an
 * illegible one. Runs only when asked: {@code ./mvnw -o -q test -Dtest=ChartPreviewTest
 * -Dchart.preview.dir=/tmp/charts-preview}.
 */
class ChartPreviewTest {

    @Test
    void writePreviews() throws IOException {
        String dir = System.getProperty("chart.preview.dir", "");
        assumeTrue(!dir.isBlank(), "set -Dchart.preview.dir to write previews");
        Path out = Path.of(dir);
        ChartExport.png(TrainingCurves.loss(ChartFixtures.history()), out.resolve("training-loss.png"));
        ChartExport.png(TrainingCurves.accuracy(ChartFixtures.history()), out.resolve("training-accuracy.png"));
        ChartExport.png(ClassBalanceChart.of(ChartFixtures.labelsBySplit()), out.resolve("class-balance.png"));
        ChartExport.png(IntensityHistograms.of(ChartFixtures.intensities(), "mean intensity", 30),
                out.resolve("intensity-histograms.png"));
        ChartExport.png(ConfusionMatrixChart.of(ChartFixtures.confusion(), ChartFixtures.FOUR),
                out.resolve("confusion-matrix.png"));
        ChartExport.png(ChartFixtures.rocBuilder().build(), out.resolve("roc.png"));
        ChartExport.png(ChartFixtures.prBuilder().build(), out.resolve("pr.png"));
        ChartExport.png(ReliabilityDiagram.of(ChartFixtures.reliabilityBins()), out.resolve("reliability.png"));
        ChartExport.png(ThresholdSweepChart.of(ChartFixtures.sweep(), 0.42), out.resolve("threshold-sweep.png"));
        ChartExport.svg(ChartFixtures.rocBuilder().build(), out.resolve("roc.svg"));
        ChartExport.png(Overlays.heatmap(OverlaysTest.disc(128), OverlaysTest.blob(14, 9, 4), 14, 14, 0.45),
                out.resolve("overlay.png"));
    }

}
