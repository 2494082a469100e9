package org.mriworkbench.report;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.chart.ExplanationGallery;
import org.mriworkbench.data.Task;
import org.mriworkbench.explain.GradCam;
import org.mriworkbench.explain.SaliencyMap;
import org.mriworkbench.core.FloatImage;
import org.mriworkbench.train.Checkpoints;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.experiment.PreparedData;
import org.mriworkbench.experiment.RunFolder;

/**
 * A Grad-CAM gallery of a run's most confident test errors, for the predicted (wrong) class: where the model found
 * the evidence it acted on. A reader learns a model's failure modes faster from these eight pictures than from any
 * table. The gallery shows data-set images, so it stays in the run folder and is never committed.
 */
public final class FailureGallery {

    /** Errors shown. */
    public static final int SIZE = 8;

    private FailureGallery() {
    }

    /** Class names short enough for a caption under a 170-pixel cell ("true -> predicted probability"). */
    static String shortName(String className) {
        return switch (className) {
            case "MENINGIOMA" -> "mening.";
            case "NO_TUMOR" -> "no tumour";
            case "TUMOR" -> "tumour";
            default -> className.toLowerCase(Locale.ROOT);
        };
    }

    /**
     * Writes {@value #FILE} into {@code runDir} from its {@code predictions.csv}, taking the preprocessed images from
     * {@code data}; returns the file, or null when the run made no errors.
     */
    public static Path write(Path runDir, PreparedData data, Task task) throws IOException {
        Predictions p = Predictions.read(new RunFolder(runDir).predictions());
        List<Misclassification> misses = Misclassification.mostConfident(p, SIZE);
        if (misses.isEmpty()) {
            return null;
        }
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < data.index().size(); i++) {
            position.put(data.index().get(i).path(), i);
        }
        MultiLayerNetwork net = Checkpoints.loadNetwork(new RunFolder(runDir).model(), false);
        GradCam cam = GradCam.of(net);
        List<FloatImage> slices = new ArrayList<>();
        List<SaliencyMap> maps = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (Misclassification m : misses) {
            Integer i = position.get(m.id());
            if (i == null) {
                continue; // predictions from another data folder: nothing to draw for this image
            }
            FloatImage img = data.images().image(i);
            slices.add(img);
            maps.add(cam.explain(img, task.classNames().indexOf(m.predicted())));
            captions.add(String.format(Locale.ROOT, "%s -> %s %.2f", shortName(m.truth()), shortName(m.predicted()),
                    m.probability()));
        }
        if (slices.isEmpty()) {
            return null;
        }
        Path file = new RunFolder(runDir).failureGallery();
        Files.createDirectories(runDir);
        ImageIO.write(ExplanationGallery.of("Most confident test errors (true -> predicted), Grad-CAM for the predicted class",
                slices, maps, captions, 4), "png", file.toFile());
        return file;
    }
}
