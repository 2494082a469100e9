package org.mriworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.chart.Overlays;
import org.mriworkbench.data.ImageDecoder;
import org.mriworkbench.data.Task;
import org.mriworkbench.experiment.ExperimentRunner;
import org.mriworkbench.explain.Explainer;
import org.mriworkbench.explain.GradCam;
import org.mriworkbench.explain.OcclusionSensitivity;
import org.mriworkbench.explain.SaliencyMap;
import org.mriworkbench.explain.VanillaSaliency;
import org.mriworkbench.preprocess.FloatImage;
import org.mriworkbench.preprocess.Preprocessing;
import org.mriworkbench.train.Checkpoints;
import org.mriworkbench.train.NativeThreads;
import org.mriworkbench.train.TrainConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mriworkbench.experiment.RunFolder;

/**
 * {@code explain}: why a run's kept model decides what it decides on one image. The image is decoded and
 * preprocessed exactly as training did (the run's recorded preprocessing, luminance decoding when it starts with
 * grayscale), the map is computed for the target class and drawn over the preprocessed image, so the overlay has
 * the network's input size.
 */
@Command(name = "explain", description = "Grad-CAM, occlusion or gradient saliency of a run's model on one image; "
        + "writes an overlay PNG.", mixinStandardHelpOptions = true)
final class ExplainCommand implements Callable<Integer> {

    /** Opacity of the heat map over the slice: the anatomy stays readable. */
    static final double ALPHA = 0.45;

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
        Path runDir = Files.isDirectory(runOrModel) ? runOrModel : runOrModel.toAbsolutePath().getParent();
        Path model = Files.isDirectory(runOrModel) ? new RunFolder(runOrModel).model() : runOrModel;
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("no model at " + model + " (a run keeps its model once its first "
                    + "epoch has finished)");
        }
        Task task = TrainConfig.read(required(new RunFolder(runDir).config())).task();
        Preprocessing pre = preprocessing(required(new RunFolder(runDir).data()));
        FloatImage input = load(pre, image);
        NativeThreads.apply(threads);
        MultiLayerNetwork net = Checkpoints.loadNetwork(model, false);

        double[] probs = probabilities(net, input);
        int predicted = argMax(probs);
        int targetClass = targetClass(target, task, predicted);
        SaliencyMap map = explainer(method, net, input.width()).explain(input, targetClass);
        Path file = out != null ? out : Path.of(stem(image) + "-" + map.method() + ".png");
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        ImageIO.write(Overlays.heatmap(input, map.values(), map.width(), map.height(), ALPHA), "png", file.toFile());

        List<String> names = task.classNames();
        System.out.printf(Locale.ROOT, "%s: predicted %s (p = %.4f)%n", image.getFileName(), names.get(predicted),
                probs[predicted]);
        for (int c = 0; c < names.size(); c++) {
            System.out.printf(Locale.ROOT, "  %-11s %.4f%n", names.get(c), probs[c]);
        }
        SaliencyMap.Peak peak = map.peak();
        System.out.printf(Locale.ROOT, "%s map for %s on the %dx%d preprocessed image: %s%n", map.method(),
                names.get(targetClass), map.width(), map.height(), map.isFlat()
                        ? "flat (no evidence for this class anywhere; nothing localised)"
                        : String.format(Locale.ROOT, "peak %.4g at (x=%d, y=%d)", peak.value(), peak.x(), peak.y()));
        System.out.println("wrote " + file.toAbsolutePath());
        System.out.println("Research and teaching only, not for diagnosis.");
        return 0;
    }

    private static Path required(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("missing " + file + ": not a run folder written by train");
        }
        return file;
    }

    /** The preprocessing the run trained with, from {@code data.json}. */
    static Preprocessing preprocessing(Path dataJson) throws IOException {
        JsonNode d = new ObjectMapper().readTree(dataJson.toFile());
        JsonNode json = d.get("preprocessingJson");
        if (json == null) {
            throw new IllegalArgumentException(dataJson + " records no preprocessingJson");
        }
        return Preprocessing.fromJson(json.asText());
    }

    /** Decodes as the tensor cache does (luminance straight from the decoder when the pipeline starts grey). */
    static FloatImage load(Preprocessing pre, Path file) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no image at " + file);
        }
        FloatImage raw = pre.grayscaleFirst() ? ImageDecoder.decodeGray(file).image()
                : ImageDecoder.decode(file).image();
        return pre.apply(raw);
    }

    static double[] probabilities(MultiLayerNetwork net, FloatImage img) {
        INDArray x = Nd4j.create(img.pixels(), new long[] {1, img.channels(), img.height(), img.width()},
                DataType.FLOAT);
        return net.output(x, false).toDoubleVector();
    }

    static int targetClass(String target, Task task, int predicted) {
        String t = target.trim();
        if (t.equalsIgnoreCase("predicted")) {
            return predicted;
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

    static Explainer explainer(String method, MultiLayerNetwork net, int size) {
        return switch (method.trim().toLowerCase(Locale.ROOT)) {
            case "grad-cam", "gradcam" -> GradCam.of(net);
            // about an eighth of the image, the size of a tumour on these slices; stride half of it
            case "occlusion" -> OcclusionSensitivity.builder().setNetwork(net).setPatchSize(Math.max(2, size / 8))
                    .build();
            case "saliency", "vanilla-saliency" -> new VanillaSaliency(net);
            default -> throw new IllegalArgumentException("--method must be grad-cam, occlusion or saliency, not "
                    + method);
        };
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
