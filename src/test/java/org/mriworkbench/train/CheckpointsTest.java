package org.mriworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {

    @TempDir
    Path tmp;

    @Test
    void networkRoundTripsWithUpdaterState() throws Exception {
        MultiLayerNetwork net = SyntheticData.tinyNet(3).build();
        Path f = tmp.resolve("net.zip");
        Checkpoints.writeNetwork(f, net, true);
        MultiLayerNetwork back = Checkpoints.loadNetwork(f, true);
        assertEquals(net.params(), back.params());
        assertEquals(net.getLayerWiseConfigurations().toJson(), back.getLayerWiseConfigurations().toJson());
        assertTrue(Files.list(tmp).noneMatch(p -> p.toString().endsWith(".tmp")), "no temp file left behind");
    }

    @Test
    void missingModelFileIsReportedWithItsPath() {
        Path f = tmp.resolve("runs/x/model.zip");
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.loadNetwork(f, false));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertEquals(f, e.path());
    }

    @Test
    void truncatedModelFileIsReportedWithItsPath() throws Exception {
        Path f = tmp.resolve("net.zip");
        Checkpoints.writeNetwork(f, SyntheticData.tinyNet(3).build(), true);
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, bytes.length / 3));
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoints.loadNetwork(f, true));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void resumeWithoutOrWithCorruptCheckpointNamesTheFile() throws Exception {
        Path run = tmp.resolve("run");
        Files.createDirectories(run);
        SyntheticData.config(1).build().write(run.resolve("config.json"));
        TensorDataset d = SyntheticData.binary(8, 1);
        CheckpointException none = assertThrows(CheckpointException.class, () -> Trainer.resume(run, d, d));
        assertTrue(none.getMessage().contains(run.resolve("checkpoint.json").toString()), none.getMessage());

        Files.writeString(run.resolve("checkpoint.json"), "{\"formatVersion\": 1, \"epochsCompl");
        CheckpointException bad = assertThrows(CheckpointException.class, () -> Trainer.resume(run, d, d));
        assertTrue(bad.getMessage().contains("corrupt checkpoint state"), bad.getMessage());
        assertTrue(bad.getMessage().contains(run.resolve("checkpoint.json").toString()), bad.getMessage());
    }

    @Test
    void checkpointWhoseNetworkZipIsGoneNamesTheZip() throws Exception {
        Path run = tmp.resolve("run");
        TrainConfig cfg = SyntheticData.config(1).setEpochs(1).build();
        TensorDataset d = SyntheticData.binary(16, 1);
        Trainer.of(cfg).withStopSignal(() -> true).train(d, d, run); // stops before the first minibatch
        Path zip = run.resolve(Checkpoints.networkFileName(0));
        Files.delete(zip);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Trainer.resume(run, d, d));
        assertTrue(e.getMessage().contains(zip.toString()), e.getMessage());
    }
}
