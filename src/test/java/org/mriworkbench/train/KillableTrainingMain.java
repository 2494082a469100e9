package org.mriworkbench.train;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Trains {@link SyntheticData#config} in its own JVM so that {@link ResumeAfterKillTest} can kill it for real.
 * Arguments: run folder, seed, epochs. From the second epoch on it sleeps after each minibatch (timing only, no
 * effect on the numbers) and touches {@code epoch1-started} so the test can kill it mid-epoch.
 */
public final class KillableTrainingMain {

    private KillableTrainingMain() {
    }

    public static void main(String[] args) throws Exception {
        Path runDir = Path.of(args[0]);
        TrainConfig cfg = SyntheticData.config(Long.parseLong(args[1])).setEpochs(Integer.parseInt(args[2])).build();
        Trainer.of(cfg).withListener(new TrainingListener() {
            @Override
            public void onBatch(int epoch, int batch, int batches, double loss, double lr) {
                if (epoch >= 1) {
                    try {
                        if (batch == 2) {
                            Files.writeString(runDir.resolve("epoch1-started"), "batch " + batch);
                        }
                        Thread.sleep(300);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }).train(ResumeAfterKillTest.train(), ResumeAfterKillTest.validation(), runDir);
        System.out.println("finished");
    }
}
