package org.mriworkbench.cli;

import org.mriworkbench.data.Task;
import org.mriworkbench.predict.ImageExplanation;
import org.mriworkbench.predict.ImagePredictor;
import org.mriworkbench.train.NativeThreads;
import org.mriworkbench.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code explain}: why a run's kept model decides what it decides on one image. Parses the options, asks
 * {@link ImageExplanation} (which decodes and preprocesses the image exactly as training did) and prints what it found.
 */
@Command(name = "explain", description = "Grad-CAM, occlusion or gradient saliency of a run's model on one image; "
        + "writes an overlay PNG.", mixinStandardHelpOptions = true)
final class ExplainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_OR_MODEL",
            description = "a run folder, or the model.zip inside one (its config.json and data.json are read)")
    Path runOrModel;

    @Parameters(index = "1", paramLabel = "IMAGE", description = "a JPEG or PNG slice")
    Path image;

    @Option(names = "--method", description = "grad-cam (default), occlusion or saliency")
    String method = "grad-cam";

    @Option(names = "--target", description = "class to explain: a class name (e.g. TUMOR, GLIOMA), its index, "
            + "or predicted (default)")
    String target = "predicted";

    @Option(names = "--out", description = "overlay PNG (default: <image name>-<method>.png in the current folder)")
    Path out;

    @Option(names = "--threads", description = "native threads (default: ${DEFAULT-VALUE})")
    int threads = TrainConfig.DEFAULT_THREADS;

    @Override
    public Integer call() throws Exception {
        ImageExplanation.Method m = method(method);
        NativeThreads.apply(threads);
        ImagePredictor predictor = ImagePredictor.forRunOrModel(runOrModel);
        ImageExplanation e = ImageExplanation.of(predictor, image, m, targetClass(target, predictor.task()), out);

        List<String> names = e.classNames();
        double[] probs = e.probabilities();
        System.out.printf(Locale.ROOT, "%s: predicted %s (p = %.4f)%n", image.getFileName(), names.get(e.predicted()),
                probs[e.predicted()]);
        for (int c = 0; c < names.size(); c++) {
            System.out.printf(Locale.ROOT, "  %-11s %.4f%n", names.get(c), probs[c]);
        }
        System.out.printf(Locale.ROOT, "%s map for %s on the %dx%d preprocessed image: %s%n", e.map().method(),
                names.get(e.target()), e.map().width(), e.map().height(), e.peakDescription());
        System.out.println("wrote " + e.overlay().toAbsolutePath());
        System.out.println("Research and teaching only, not for diagnosis.");
        return 0;
    }

    /** The class index {@code --target} names, or -1 for the predicted class. */
    static int targetClass(String target, Task task) {
        String t = target.trim();
        if (t.equalsIgnoreCase("predicted")) {
            return -1;
        }
        List<String> names = task.classNames();
        if (t.matches("\\d+")) {
            int i = Integer.parseInt(t);
            if (i < names.size()) {
                return i;
            }
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(t.replace('-', '_'))) {
                return i;
            }
        }
        throw new IllegalArgumentException("--target must be predicted, one of " + names + " or an index below "
                + names.size() + ", not " + target);
    }

    static ImageExplanation.Method method(String method) {
        return switch (method.trim().toLowerCase(Locale.ROOT)) {
            case "grad-cam", "gradcam" -> ImageExplanation.Method.GRAD_CAM;
            case "occlusion" -> ImageExplanation.Method.OCCLUSION;
            case "saliency", "vanilla-saliency" -> ImageExplanation.Method.SALIENCY;
            default -> throw new IllegalArgumentException("--method must be grad-cam, occlusion or saliency, not "
                    + method);
        };
    }
}
