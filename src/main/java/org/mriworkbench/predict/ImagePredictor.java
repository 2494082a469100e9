package org.mriworkbench.predict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.core.ArgMax;
import org.mriworkbench.data.FileWalker;
import org.mriworkbench.decode.ImageDecodeException;
import org.mriworkbench.data.Task;
import org.mriworkbench.core.FloatImage;
import org.mriworkbench.eval.TumourDetection;
import org.mriworkbench.preprocess.Preprocessing;
import org.mriworkbench.train.CheckpointException;
import org.mriworkbench.train.Checkpoints;
import org.mriworkbench.train.NetworkEvaluator;
import org.mriworkbench.train.TensorDataset;
import org.mriworkbench.train.TrainConfig;
import org.mriworkbench.experiment.RunData;
import org.mriworkbench.experiment.RunFolder;

/**
 * A kept model applied to image files: each file is decoded, preprocessed exactly as the model's training images
 * were, and classified. Files that cannot be decoded are reported and skipped, so one bad file never stops a folder.
 * Research and teaching only, not for diagnosis.
 */
public final class ImagePredictor {

    private static final int BATCH = 32;

    private final MultiLayerNetwork net;
    private final Task task;
    private final Preprocessing preprocessing;
    private final boolean testTimeFlip;

    private ImagePredictor(MultiLayerNetwork net, Task task, Preprocessing preprocessing, boolean testTimeFlip) {
        this.net = Objects.requireNonNull(net, "net");
        this.task = Objects.requireNonNull(task, "task");
        this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
        this.testTimeFlip = testTimeFlip;
    }

    /** One classified image. */
    public record ImagePrediction(Path file, String predicted, List<String> classNames, double[] probabilities,
                                  double pTumour) {
        public ImagePrediction {
            classNames = List.copyOf(classNames);
            probabilities = probabilities.clone();
        }

        @Override
        public double[] probabilities() {
            return probabilities.clone();
        }
    }

    /**
     * The outcome for a set of files.
     *
     * @param predictions one per decodable file, in file order
     * @param skipped     one note per file that could not be decoded: its path and why
     */
    public record Result(List<ImagePrediction> predictions, List<String> skipped) {
        public Result {
            predictions = List.copyOf(predictions);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * The kept model of a run folder, with the run's task ({@code config.json}) and preprocessing
     * ({@code data.json}). Errors name the missing or broken file.
     */
    public static ImagePredictor forRun(Path runDir) throws IOException {
        RunFolder f = new RunFolder(runDir);
        if (!Files.isDirectory(runDir)) {
            throw new NoSuchFileException(runDir.toString(), null, "no such run folder");
        }
        TrainConfig config = TrainConfig.read(f.config());
        Preprocessing pre = RunData.readPreprocessing(runDir);
        return new ImagePredictor(load(f.model()), config.task(), pre, config.testTimeFlip());
    }

    /**
     * A run folder, or a model file inside one (a checkpoint, say): the model is that file, the task and
     * preprocessing are the run's. Errors say which file is missing.
     */
    public static ImagePredictor forRunOrModel(Path runOrModel) throws IOException {
        boolean isDir = Files.isDirectory(runOrModel);
        Path runDir = isDir ? runOrModel : runOrModel.toAbsolutePath().getParent();
        RunFolder f = new RunFolder(runDir);
        Path model = isDir ? f.model() : runOrModel;
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("no model at " + model + " (a run keeps its model once its first "
                    + "epoch has finished)");
        }
        TrainConfig config = TrainConfig.read(required(f.config()));
        Preprocessing pre = RunData.readPreprocessing(required(f.data()).getParent());
        return new ImagePredictor(load(model), config.task(), pre, config.testTimeFlip());
    }

    private static Path required(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("missing " + file + ": not a run folder written by train");
        }
        return file;
    }

    /** A bare model file, preprocessed with {@link Preprocessing#standard(int)} at {@code size}. */
    public static ImagePredictor forModel(Path modelFile, Task task, int size) throws IOException {
        return forModel(modelFile, task, Preprocessing.standard(size));
    }

    /** A bare model file with the given preprocessing. */
    public static ImagePredictor forModel(Path modelFile, Task task, Preprocessing preprocessing) throws IOException {
        return new ImagePredictor(load(modelFile), task, preprocessing, false);
    }

    /**
     * A copy that averages each image's softmax with its mirror image's, or not. {@link #forRun} follows the run's
     * {@code testTimeFlip}; a bare model file predicts without it unless asked.
     */
    public ImagePredictor withTestTimeFlip(boolean flip) {
        return new ImagePredictor(net, task, preprocessing, flip);
    }

    /** Whether predictions average each image with its mirror image. */
    public boolean testTimeFlip() {
        return testTimeFlip;
    }

    private static MultiLayerNetwork load(Path modelFile) throws IOException {
        try {
            return Checkpoints.loadNetwork(modelFile, false);
        } catch (CheckpointException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    public Task task() {
        return task;
    }

    /** The model itself, for what needs more than its output (a saliency map). */
    public MultiLayerNetwork network() {
        return net;
    }

    /**
     * {@code file} as this model's input: decoded and preprocessed exactly as its training images were
     * ({@link Preprocessing#decodeAndApply(Path)}).
     */
    public FloatImage input(Path file) throws ImageDecodeException {
        return preprocessing.decodeAndApply(file);
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /**
     * The files to classify for {@code target}: the file itself, or every image under the folder as the scanner's
     * {@link FileWalker} finds them (recursively, hidden folders skipped, each linked folder once, sorted by path),
     * so that {@code predict} and {@code data index} count the same images.
     */
    public static List<Path> files(Path target) throws IOException {
        return listing(target).images();
    }

    /** As {@link #files}, with the folders the walk did not enter (loops, repeated links) and why. */
    public static FileWalker.Listing listing(Path target) throws IOException {
        if (Files.isRegularFile(target)) {
            return new FileWalker.Listing(List.of(target), List.of(), List.of());
        }
        if (!Files.isDirectory(target)) {
            throw new NoSuchFileException(target.toString(), null, "no such image or folder");
        }
        try {
            return FileWalker.list(target);
        } catch (org.mriworkbench.data.DataLayoutException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Classifies every file; undecodable ones go to {@link Result#skipped()}. */
    public Result predict(List<Path> files) {
        List<Path> ok = new ArrayList<>();
        List<FloatImage> images = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path file : files) {
            try {
                FloatImage img = input(file);
                if (!images.isEmpty() && !sameShape(img, images.get(0))) {
                    skipped.add(file + ": preprocessed to " + img.channels() + "x" + img.height() + "x" + img.width()
                            + ", unlike the first image; the preprocessing does not fix the size");
                    continue;
                }
                images.add(img);
                ok.add(file);
            } catch (ImageDecodeException e) {
                skipped.add(file + ": " + e.reason());
            } catch (RuntimeException e) {
                skipped.add(file + ": " + e);
            }
        }
        if (images.isEmpty()) {
            return new Result(List.of(), skipped);
        }
        FloatImage first = images.get(0);
        int per = first.channels() * first.height() * first.width();
        float[] data = new float[images.size() * per];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i).pixels(), 0, data, i * per, per);
        }
        TensorDataset ds = TensorDataset.wrap(data, images.size(), first.channels(), first.height(), first.width(),
                new int[images.size()], ok.stream().map(Path::toString).toList());
        double[][] probs = NetworkEvaluator.predict(net, ds, BATCH, testTimeFlip);
        List<String> names = task.classNames();
        List<ImagePrediction> out = new ArrayList<>();
        for (int i = 0; i < probs.length; i++) {
            int best = ArgMax.of(probs[i]);
            out.add(new ImagePrediction(ok.get(i), names.get(best), names, probs[i],
                    TumourDetection.score(probs[i])));
        }
        return new Result(out, skipped);
    }

    private static boolean sameShape(FloatImage a, FloatImage b) {
        return a.channels() == b.channels() && a.height() == b.height() && a.width() == b.width();
    }
}
