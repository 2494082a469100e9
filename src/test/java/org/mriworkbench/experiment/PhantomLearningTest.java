package org.mriworkbench.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.data.AuditConfig;
import org.mriworkbench.data.PhantomConfig;
import org.mriworkbench.data.PhantomGenerator;
import org.mriworkbench.data.SplitConfig;
import org.mriworkbench.data.Subset;
import org.mriworkbench.data.Task;
import org.mriworkbench.eval.ClassificationReport;
import org.mriworkbench.model.CnnSpec;
import org.mriworkbench.preprocess.Preprocessing;
import org.mriworkbench.train.Optimiser;
import org.mriworkbench.train.TrainConfig;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pipeline must actually learn: a small CNN trained on binary phantoms (tumour or not) through
 * {@link ExperimentRunner} should beat chance clearly (balanced accuracy at least 0.75) on its held-out test subset.
 * This guards against silent breakage that the plumbing tests cannot see (labels scrambled, preprocessing not
 * normalising, a model that never updates).
 *
 * <p><b>Disabled by default: it does not pass yet.</b> Run it with {@code -De2e=true}; every setting can be varied
 * with {@code -De2e.size/perClass/epochs/lr/bn/batch/imbalance/balance}. Measured on the shared 2-core machine
 * (load 5-6), 1 thread, phantoms at 128 px, CNN 8/16/32 filters + dense 32, Adam, test balanced accuracy (AUC):
 * <ul>
 *   <li>96 px, 60/class, batch norm, class weights, lr 2e-3, batch 16, 6 epochs: 0.50 (AUC 0.78); train 90 s.
 *       Train accuracy reached 0.86, but the kept (best validation loss) model predicts the majority class.</li>
 *   <li>96 px, same without batch norm, lr 1e-3: stuck at the majority class (train accuracy 0.75), AUC 0.45.</li>
 *   <li>96 px, batch norm, undersampling, lr 2e-3: diverged in epoch 1 (loss 3.4), then constant 0.693.</li>
 *   <li>64 px, batch norm, class weights, lr 1e-3, batch 32, 10 epochs: 0.49 (AUC 0.83); validation accuracy
 *       swings 0.26-0.74 between epochs; train 52 s.</li>
 *   <li>64 px, 100/class, every subset capped to balanced classes, batch norm, lr 1e-3, batch 32, 12 epochs:
 *       0.56 (AUC 0.59); train 55 s.</li>
 *   <li>the default below (same, lr 3e-3): the kept model scores 0.81 balanced accuracy (AUC 0.85) on validation
 *       (n=32) but 0.50 (AUC 0.55) on test (n=32); train 52 s. That gap is larger than selecting the best of 12
 *       epochs on 32 images explains and is not yet understood.</li>
 * </ul>
 */
@EnabledIfSystemProperty(named = "e2e", matches = "true")
class PhantomLearningTest {

    @TempDir
    Path dir;

    @Test
    void smallCnnLearnsTumourVersusNoTumourOnPhantoms() throws Exception {
        int size = Integer.getInteger("e2e.size", 64);
        int perClass = Integer.getInteger("e2e.perClass", 100);
        int epochs = Integer.getInteger("e2e.epochs", 12);
        double lr = Double.parseDouble(System.getProperty("e2e.lr", "3e-3"));
        long t0 = System.nanoTime();
        Path data = dir.resolve("phantoms");
        new PhantomGenerator(PhantomConfig.builder().optSeed(7).optImageSize(128).optTrainingPerClass(perClass)
                .optTestingPerClass(perClass / 4).build()).writeDataset(data);
        long t1 = System.nanoTime();
        PreparedData prepared = PreparedData.prepare(data, dir.resolve("cache"), AuditConfig.DEFAULT,
                SplitConfig.DEFAULT, Preprocessing.standard(size), ProgressListener.NONE);
        long t2 = System.nanoTime();
        CnnSpec spec = CnnSpec.builder().setInputSize(size).setBlockFilters(8, 16, 32).setNumClasses(2).setSeed(3)
                .optBatchNorm(Boolean.parseBoolean(System.getProperty("e2e.bn", "true"))).optDropout(0)
                .optDenseWidth(32).build();
        TrainConfig config = TrainConfig.builder().setTask(Task.BINARY).setModel(spec).setSeed(3).setEpochs(epochs)
                .optBatchSize(Integer.getInteger("e2e.batch", 32)).optOptimiser(Optimiser.ADAM, lr, 0.9)
                .optImbalance(System.getProperty("e2e.imbalance", "none"))
                .optThreads(1).optRunName("phantom-e2e").build();
        // Binary phantoms are 1 no-tumour : 3 tumour; cap every subset to balanced classes so that selecting the
        // kept model by validation loss also favours balanced accuracy.
        boolean balance = Boolean.parseBoolean(System.getProperty("e2e.balance", "true"));
        int trainCap = balance ? count(prepared.dataset(Subset.TRAIN, Task.BINARY).labels(), 0) : 0;
        int evalCap = balance ? Math.min(count(prepared.dataset(Subset.VALIDATION, Task.BINARY).labels(), 0),
                count(prepared.dataset(Subset.TEST, Task.BINARY).labels(), 0)) : 0;
        ExperimentRunner.Outcome o = ExperimentRunner.of(prepared, dir.resolve("runs")).withLimits(trainCap, evalCap)
                .train(config);
        long t3 = System.nanoTime();
        ClassificationReport r = o.test().report();
        ClassificationReport v = o.validation().report();
        System.out.printf("e2e kept model on validation: n=%d acc %.3f balanced %.3f auc %s; best epoch %d%n", v.n(),
                v.accuracy(), v.balancedAccuracy(), v.macroAuc(), o.training().bestEpoch());
        System.out.printf("e2e size %d perClass %d epochs %d lr %.0e: generate %.1fs prepare %.1fs train %.1fs; "
                        + "test n=%d acc %.3f balanced %.3f auc %s; history %s%n", size, perClass, epochs, lr,
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, r.n(), r.accuracy(), r.balancedAccuracy(),
                r.macroAuc(), RunRecord.read(o.runDir()).history());
        assertTrue(r.balancedAccuracy() >= 0.75, "balanced accuracy " + r.balancedAccuracy());
    }

    private static int count(int[] labels, int cls) {
        int n = 0;
        for (int l : labels) {
            n += l == cls ? 1 : 0;
        }
        return n;
    }
}
