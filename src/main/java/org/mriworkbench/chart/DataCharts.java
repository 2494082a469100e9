package org.mriworkbench.chart;

import org.mriworkbench.core.SeededSample;
import org.mriworkbench.data.AuditReport;
import org.mriworkbench.data.DatasetIndex;
import org.mriworkbench.decode.ImageDecodeException;
import org.mriworkbench.decode.ImageDecoder;
import org.mriworkbench.data.ImageRecord;
import org.mriworkbench.core.Label;
import org.mriworkbench.data.NearPair;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Pictures of a data set: a sample of every class, and near-duplicate pairs on both sides of the audit's threshold.
 * The second exists because no threshold on a similarity score should be trusted until someone has looked at the
 * pairs it accepts and rejects.
 */
public final class DataCharts {

    private DataCharts() {
    }

    /** {@code perClass} random images of each label (seeded), one row per label. */
    public static BufferedImage samples(DatasetIndex index, int perClass, long seed) {
        Map<Label, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < index.size(); i++) {
            byLabel.computeIfAbsent(index.get(i).label(), k -> new ArrayList<>()).add(i);
        }
        Random rng = new Random(seed);
        ImageGrid.Builder grid = ImageGrid.builder().optColumns(perClass).optCellSize(140)
                .optTitle("Samples per class (" + index.size() + " images, " + index.root().getFileName() + ")");
        for (Map.Entry<Label, List<Integer>> e : byLabel.entrySet()) {
            List<Integer> members = SeededSample.shuffleAndCap(e.getValue(), perClass, rng);
            for (int k = 0; k < perClass; k++) {
                if (k < members.size()) {
                    ImageRecord r = index.get(members.get(k));
                    grid.add(load(index, members.get(k)), e.getKey() + "\n" + r.origin() + " " + r.width() + "x"
                            + r.height());
                } else {
                    grid.add(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "");
                }
            }
        }
        return grid.build().render();
    }

    /**
     * Histograms of each image's mean intensity, one series per label. A class that is brighter or darker on
     * average can be told apart without looking at any tumour, so this is the first check for a shortcut.
     */
    public static org.knowm.xchart.XYChart intensityHistograms(DatasetIndex index, int bins) {
        Map<String, List<Double>> byLabel = new TreeMap<>();
        for (int i = 0; i < index.size(); i++) {
            float[] t = index.thumbnail(i);
            double sum = 0;
            for (float v : t) {
                sum += v;
            }
            byLabel.computeIfAbsent(index.get(i).label().name(), k -> new ArrayList<>()).add(sum / t.length);
        }
        Map<String, double[]> values = new TreeMap<>();
        byLabel.forEach((k, v) -> values.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return IntensityHistograms.of(values, "mean intensity of the image (0-1)", bins);
    }

    /**
     * The accepted near pairs with the lowest correlation and the rejected candidates with the highest: the pairs a
     * threshold decides about. Each pair takes two cells; captions give hash distance and correlation.
     */
    public static BufferedImage nearPairsAroundThreshold(DatasetIndex index, AuditReport report, int pairsEachSide) {
        List<NearPair> accepted = report.nearPairs().stream().sorted(Comparator.comparingDouble(NearPair::correlation))
                .limit(pairsEachSide).toList();
        List<NearPair> rejected = report.rejectedExamples().stream().limit(pairsEachSide).toList();
        ImageGrid.Builder grid = ImageGrid.builder().optColumns(6).optCellSize(140).optTitle("Near-duplicate "
                + "candidates around the threshold (dHash <= " + report.config().maxHashDistance() + ", r >= "
                + report.config().minCorrelation() + "): accepted first, then rejected");
        for (List<NearPair> side : List.of(accepted, rejected)) {
            for (NearPair p : side) {
                grid.add(load(index, p.a()), (p.confirmed() ? "ACCEPTED " : "rejected ")
                        + String.format("d=%d r=%.3f", p.hashDistance(), p.correlation()) + "\n" + shortName(index, p.a()));
                grid.add(load(index, p.b()), "\n" + shortName(index, p.b()));
            }
        }
        return grid.build().render();
    }

    private static String shortName(DatasetIndex index, int i) {
        ImageRecord r = index.get(i);
        String name = r.path().substring(r.path().lastIndexOf('/') + 1);
        return r.origin().name().charAt(0) + " " + r.label() + " " + name;
    }

    private static BufferedImage load(DatasetIndex index, int i) {
        try {
            return ImageGrid.toImage(ImageDecoder.decode(index.file(i)).image());
        } catch (ImageDecodeException e) {
            return new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        }
    }
}
