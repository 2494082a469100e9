package org.mriworkbench.predict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.chart.Overlays;
import org.mriworkbench.core.ArgMax;
import org.mriworkbench.core.FloatImage;
import org.mriworkbench.decode.ImageDecodeException;
import org.mriworkbench.explain.Explainer;
import org.mriworkbench.explain.GradCam;
import org.mriworkbench.explain.OcclusionSensitivity;
import org.mriworkbench.explain.SaliencyMap;
import org.mriworkbench.explain.VanillaSaliency;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Why a run's kept model decides what it decides on one image: the image goes through {@link ImagePredictor#input}
 * (decoded and preprocessed exactly as training did), the map is computed for the target class and drawn over the
 * preprocessed image, so the overlay has the network's input size. {@code explain} is this class plus printing.
 *
 * @param image         the explained image file
 * @param classNames    the task's classes
 * @param probabilities the model's softmax on the image (no test-time flip: the map explains this one pass)
 * @param predicted     the arg-max class
 * @param target        the class the map is for
 * @param map           the saliency map, at the network's input size
 * @param overlay       the PNG written
 */
public record ImageExplanation(Path image, List<String> classNames, double[] probabilities, int predicted, int target,
                               SaliencyMap map, Path overlay) {

    /** Opacity of the heat map over the slice: the anatomy stays readable. */
    public static final double ALPHA = 0.45;

    /** The explanation methods. */
    public enum Method {
        GRAD_CAM, OCCLUSION, SALIENCY;

        /** The method's explainer on {@code net} for images {@code size} pixels across. */
        Explainer explainer(MultiLayerNetwork net, int size) {
            return switch (this) {
                case GRAD_CAM -> GradCam.of(net);
                // about an eighth of the image, the size of a tumour on these slices; stride half of it
                case OCCLUSION -> OcclusionSensitivity.builder().setNetwork(net).setPatchSize(Math.max(2, size / 8))
                        .build();
                case SALIENCY -> new VanillaSaliency(net);
            };
        }
    }

    public ImageExplanation {
        classNames = List.copyOf(classNames);
        probabilities = probabilities.clone();
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    /**
     * Explains {@code predictor}'s model on {@code image} for class {@code target} (negative: the predicted class)
     * and writes the overlay to {@code overlay}, or to {@code <image name>-<method>.png} in the current folder when
     * it is null.
     *
     * @throws IllegalArgumentException when there is no image file
     * @throws ImageDecodeException     when the image cannot be decoded (the message names the file)
     */
    public static ImageExplanation of(ImagePredictor predictor, Path image, Method method, int target, Path overlay)
            throws IOException, ImageDecodeException {
        if (!Files.isRegularFile(image)) {
            throw new IllegalArgumentException("no image at " + image);
        }
        FloatImage input = predictor.input(image);
        MultiLayerNetwork net = predictor.network();
        INDArray x = Nd4j.create(input.pixels(), new long[] {1, input.channels(), input.height(), input.width()},
                DataType.FLOAT);
        double[] probs = net.output(x, false).toDoubleVector();
        int predicted = ArgMax.of(probs);
        int targetClass = target < 0 ? predicted : target;
        SaliencyMap map = method.explainer(net, input.width()).explain(input, targetClass);
        Path file = overlay != null ? overlay : Path.of(stem(image) + "-" + map.method() + ".png");
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        ImageIO.write(Overlays.heatmap(input, map.values(), map.width(), map.height(), ALPHA), "png", file.toFile());
        return new ImageExplanation(image, predictor.task().classNames(), probs, predicted, targetClass, map, file);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A one-line description of where the map peaks, or that it is flat. */
    public String peakDescription() {
        SaliencyMap.Peak peak = map.peak();
        return map.isFlat() ? "flat (no evidence for this class anywhere; nothing localised)"
                : String.format(Locale.ROOT, "peak %.4g at (x=%d, y=%d)", peak.value(), peak.x(), peak.y());
    }
}
