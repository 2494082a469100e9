package org.mriworkbench.shift;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mriworkbench.chart.ChartExport;
import org.mriworkbench.chart.ShiftHistograms;
import org.mriworkbench.data.ImageIntensity;
import org.mriworkbench.train.AtomicFiles;
import org.mriworkbench.eval.Predictions;

/**
 * The files a {@link ShiftReport} is saved as: one CSV row per image (label, prediction, confidence, intensity
 * statistics), so that the odd images can be found and opened, and next to it the two histogram PNGs that show the
 * shift ({@code <name>-confidence.png}, {@code <name>-intensity.png}).
 */
public final class ShiftFiles {

    private ShiftFiles() {
    }

    /** Writes the CSV and both charts next to it; returns the files written, CSV first. */
    public static List<Path> write(ShiftReport r, List<String> classNames, Path csv) throws IOException {
        AtomicFiles.writeString(csv, csv(r, classNames));
        String stem = csv.getFileName().toString().replaceFirst("\\.csv$", "");
        Path dir = csv.toAbsolutePath().getParent();
        Map<String, double[]> conf = new LinkedHashMap<>();
        conf.put("new folder", r.confidences());
        conf.put("reference", r.referenceConfidences().stream().mapToDouble(Double::doubleValue).toArray());
        Path confPng = ChartExport.png(ShiftHistograms.confidence(conf), dir.resolve(stem + "-confidence.png"));
        Map<String, double[]> intensity = new LinkedHashMap<>();
        intensity.put("new folder", r.intensities().stream().mapToDouble(ImageIntensity::mean).toArray());
        intensity.put("training images", r.referenceIntensities().stream().mapToDouble(ImageIntensity::mean).toArray());
        Path intensityPng = ChartExport.png(ShiftHistograms.meanIntensity(intensity),
                dir.resolve(stem + "-intensity.png"));
        return List.of(csv, confPng, intensityPng);
    }

    /** The per-image table as CSV text. */
    static String csv(ShiftReport r, List<String> classNames) {
        StringBuilder sb = new StringBuilder("path,label,predicted,confidence");
        for (String c : classNames) {
            sb.append(",p_").append(c);
        }
        sb.append(",width,height");
        for (String s : ImageIntensity.STATISTICS) {
            sb.append(',').append(s.replace('-', '_'));
        }
        sb.append('\n');
        for (ShiftReport.ImageResult i : r.images()) {
            sb.append(Predictions.quote(i.file().toString())).append(',')
                    .append(i.label().map(Enum::name).orElse("")).append(',')
                    .append(i.prediction().predicted()).append(',').append(i.confidence());
            for (double p : i.prediction().probabilities()) {
                sb.append(',').append(p);
            }
            sb.append(',').append(i.intensity().width()).append(',').append(i.intensity().height());
            for (double v : i.intensity().values()) {
                sb.append(',').append(v);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
