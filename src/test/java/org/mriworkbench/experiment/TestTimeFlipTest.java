package org.mriworkbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.data.Task;
import org.mriworkbench.model.CnnPresets;
import org.mriworkbench.preprocess.Preprocessing;
import org.mriworkbench.train.Checkpoints;
import org.mriworkbench.train.TensorDataset;
import org.mriworkbench.train.TrainConfig;
import org.mriworkbench.predict.ImagePredictor;
import org.mriworkbench.eval.Predictions;

/** A run's {@code testTimeFlip} reaches every place that predicts for it: predictions files and {@code predict}. */
class TestTimeFlipTest {

    @TempDir
    Path tmp;

    private static final int SIZE = 32;

    /** A run folder with config, data.json and an (untrained, deterministic) model; no training needed. */
    private Path run(boolean flip) throws Exception {
        TrainConfig cfg = TrainConfig.builder().setTask(Task.BINARY).setModel(CnnPresets.seedBaseline(SIZE, 2, 3))
                .setSeed(3).setEpochs(1).optTestTimeFlip(flip).optRunName(flip ? "flip" : "plain").build();
        Path dir = Files.createDirectories(tmp.resolve(cfg.runName()));
        cfg.write(new RunFolder(dir).config());
        MultiLayerNetwork net = cfg.model().build(cfg.optimiser().updater(1e-3, 0.9), 0);
        Checkpoints.writeNetwork(new RunFolder(dir).model(), net, false);
        Files.writeString(new RunFolder(dir).data(), "{\"preprocessingJson\": "
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                Preprocessing.standard(SIZE).toJson()) + "}");
        return dir;
    }

    /** An asymmetric grey PNG of the model's input size and its mirror image. */
    private List<Path> imageAndMirror() throws Exception {
        BufferedImage a = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage b = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        SplittableRandom rng = new SplittableRandom(5);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int v = x < 12 && y > 8 ? 230 : rng.nextInt(40);
                a.getRaster().setSample(x, y, 0, v);
                b.getRaster().setSample(SIZE - 1 - x, y, 0, v);
            }
        }
        Path pa = tmp.resolve("a.png");
        Path pb = tmp.resolve("b.png");
        ImageIO.write(a, "png", pa.toFile());
        ImageIO.write(b, "png", pb.toFile());
        return List.of(pa, pb);
    }

    @Test
    void predictorOfAFlipRunAveragesTheImageAndItsMirror() throws Exception {
        Path flipRun = run(true);
        List<Path> files = imageAndMirror();
        ImagePredictor flip = ImagePredictor.forRun(flipRun);
        assertTrue(flip.testTimeFlip(), "forRun follows the run's config");
        assertFalse(ImagePredictor.forRun(run(false)).testTimeFlip());

        ImagePredictor plain = flip.withTestTimeFlip(false);
        double[] p = plain.predict(files.subList(0, 1)).predictions().get(0).probabilities();
        double[] q = plain.predict(files.subList(1, 2)).predictions().get(0).probabilities();
        double[] tta = flip.predict(files.subList(0, 1)).predictions().get(0).probabilities();
        assertTrue(Math.abs(p[0] - q[0]) > 1e-7, "the untrained net is not mirror-symmetric: " + p[0] + " " + q[0]);
        for (int c = 0; c < 2; c++) {
            assertEquals((p[c] + q[c]) / 2, tta[c], 1e-6);
        }
        // An image and its mirror get the same flip-averaged prediction.
        double[] ttaMirror = flip.predict(files.subList(1, 2)).predictions().get(0).probabilities();
        assertEquals(tta[0], ttaMirror[0], 1e-6);
    }

    @Test
    void predictionsFileOfAFlipRunIsFlipAveraged() throws Exception {
        Path dir = run(true);
        MultiLayerNetwork net = Checkpoints.loadNetwork(new RunFolder(dir).model(), false);
        float[] x = new float[3 * SIZE * SIZE];
        SplittableRandom rng = new SplittableRandom(8);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        TensorDataset d = TensorDataset.of(x, 3, 1, SIZE, SIZE, new int[] {0, 1, 0}, List.of("a", "b", "c"));
        Predictions flipped = Predictions.compute(net, Task.BINARY, d, 2, true);
        Predictions plain = Predictions.compute(net, Task.BINARY, d, 2);
        assertEquals(plain.probabilities()[1][0], Predictions.compute(net, Task.BINARY, d, 2, false)
                .probabilities()[1][0]);
        assertTrue(Math.abs(plain.probabilities()[1][0] - flipped.probabilities()[1][0]) > 1e-7);
    }
}
