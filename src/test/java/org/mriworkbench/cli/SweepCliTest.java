package org.mriworkbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.phantom.PhantomConfig;
import org.mriworkbench.phantom.PhantomGenerator;
import org.mriworkbench.data.Task;
import org.mriworkbench.sweep.SweepResult;
import org.mriworkbench.train.TrainConfig;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sweep} from the command line: a spec file plus flags, the printed ranking, resume, and bad specs. */
class SweepCliTest {

    @TempDir
    Path dir;

    @Test
    void runsPrintsRanksAndResumesWithoutTraining() throws Exception {
        Path data = dir.resolve("phantoms");
        new PhantomGenerator(PhantomConfig.builder().optSeed(31).optImageSize(64).optTrainingPerClass(16)
                .optTestingPerClass(6).build()).writeDataset(data);
        TrainConfig.builder().setTask(Task.FOUR_CLASS).setPreset("classic").setInputSize(32).setSeed(4)
                .setEpochs(1).optBatchSize(16).optThreads(1).build().write(dir.resolve("base.json"));
        Path spec = dir.resolve("heads.json");
        Files.writeString(spec, "{\"basePath\": \"base.json\", \"grid\": {\"model.head\": [\"flatten\", "
                + "\"global-max\"]}, \"metric\": \"accuracy\"}");
        Path out = dir.resolve("sweep-out");
        String[] where = {"--data", data.toString(), "--cache", dir.resolve("cache").toString(), "--runs",
                dir.resolve("runs").toString(), "--out", out.toString()};
        String first = CliRunner.run(0, concat(new String[] {"sweep", spec.toString(), "--grid",
                "augment=false,true", "--trials", "2"}, where));
        assertTrue(first.contains("2 of 2 trials finished, ranked by validation accuracy"), first);
        assertTrue(first.contains("best: heads-t0"), first);
        assertEquals(2, first.lines().filter(l -> l.startsWith("epoch ")).count(), first);
        assertTrue(Files.isRegularFile(out.resolve(SweepResult.TABLE_FILE)));

        String again = CliRunner.run(0, "sweep", "--resume", out.toString());
        assertEquals(0, again.lines().filter(l -> l.startsWith("epoch ")).count(), again);
        assertTrue(again.contains("2 of 2 trials finished"), again);

        Files.writeString(spec, "{\"basePath\": \"base.json\", \"grid\": {\"model.head\": [\"flatten\"]}, "
                + "\"budjet\": {\"trials\": 1}}");
        String bad = CliRunner.runCapturingErrors(2, concat(new String[] {"sweep", spec.toString()}, where));
        assertTrue(bad.contains(spec.toString()) && bad.contains("budjet"), bad);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
