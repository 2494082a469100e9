package org.mriworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a training JVM with SIGKILL in the middle of its second epoch, resumes the run in this JVM, and checks that
 * it ends exactly where an uninterrupted run of the same config ends: same per-epoch losses, same final parameters.
 * Both JVMs run under the same determinism contract ({@code docs/determinism.md}): same config (so the same thread
 * count), same environment, same CPU.
 */
class ResumeAfterKillTest {

    static final long SEED = 77;
    static final int EPOCHS = 3;

    static TensorDataset train() {
        return SyntheticData.binary(160, 31);
    }

    static TensorDataset validation() {
        return SyntheticData.binary(48, 32);
    }

    @TempDir
    Path tmp;

    @Test
    void killedRunResumesToTheSameEndAsAnUninterruptedRun() throws Exception {
        Path runDir = tmp.resolve("killed");
        Files.createDirectories(runDir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                KillableTrainingMain.class.getName(), runDir.toString(), Long.toString(SEED), Integer.toString(EPOCHS))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile());
        // The child inherits this JVM's environment (no OMP_NUM_THREADS of its own) and trains with the same config,
        // so the same thread count and oneDNN ISA: the determinism contract promises identical bits only then.
        Process child = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(runDir.resolve("epoch1-started"))) {
                if (!child.isAlive() || System.nanoTime() > deadline) {
                    fail("child never reached epoch 2 (alive=" + child.isAlive() + "):\n"
                            + Files.readString(tmp.resolve("child.log")));
                }
                Thread.sleep(20);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        CheckpointState afterKill = Checkpoints.readState(runDir);
        assertEquals(1, afterKill.epochsCompleted(), "killed after epoch 1's checkpoint, before epoch 2's");
        assertTrue(!Files.readString(tmp.resolve("child.log")).contains("finished"));

        TrainingResult resumed = Trainer.resume(runDir, train(), validation());
        TrainingResult uninterrupted = Trainer.of(SyntheticData.config(SEED).setEpochs(EPOCHS).build())
                .train(train(), validation(), tmp.resolve("uninterrupted"));

        assertEquals(TrainingResult.Status.COMPLETED, resumed.status());
        TrainerTest.assertSameRun(uninterrupted, resumed);
        assertEquals(uninterrupted.history().get(0).trainLoss(), afterKill.history().get(0).trainLoss(), 0.0,
                "the child's first epoch equals this JVM's first epoch");
    }
}
