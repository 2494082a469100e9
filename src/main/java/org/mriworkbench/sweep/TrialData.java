package org.mriworkbench.sweep;

import org.mriworkbench.data.AuditConfig;
import org.mriworkbench.data.SplitConfig;
import org.mriworkbench.preprocess.Preprocessing;

import java.util.Objects;

/**
 * Where a trial's images come from and where its run goes, as plain values, so a trial can be shipped to another
 * process or machine (a Spark executor) and prepare exactly the data it would have here. The input size is not
 * here: it is the trial config's, so a sweep over input sizes needs no special case.
 *
 * @param dataRoot         the data-set folder
 * @param cacheDir         scan and tensor cache folder
 * @param runsRoot         where run folders are written
 * @param audit            duplicate-audit thresholds (they decide the grouped split)
 * @param split            split mode, fractions and seed
 * @param denoise          Gaussian denoising sigma in pixels, 0 for none
 * @param maxTrainPerClass training images kept per class, 0 for all
 * @param maxEvalPerClass  validation images kept per class, 0 for all
 */
public record TrialData(String dataRoot, String cacheDir, String runsRoot, AuditConfig audit, SplitConfig split,
                        double denoise, int maxTrainPerClass, int maxEvalPerClass) {

    public TrialData {
        Objects.requireNonNull(dataRoot, "dataRoot");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(runsRoot, "runsRoot");
        audit = audit == null ? AuditConfig.DEFAULT : audit;
        split = split == null ? SplitConfig.DEFAULT : split;
        if (!(denoise >= 0) || maxTrainPerClass < 0 || maxEvalPerClass < 0) {
            throw new IllegalArgumentException("denoise and limits must be >= 0");
        }
    }

    /** Default audit and split, no denoising, no limits. */
    public static TrialData of(java.nio.file.Path dataRoot, java.nio.file.Path cacheDir, java.nio.file.Path runsRoot) {
        return new TrialData(dataRoot.toAbsolutePath().toString(), cacheDir.toAbsolutePath().toString(),
                runsRoot.toAbsolutePath().toString(), AuditConfig.DEFAULT, SplitConfig.DEFAULT, 0, 0, 0);
    }

    public TrialData withSplit(SplitConfig s) {
        return new TrialData(dataRoot, cacheDir, runsRoot, audit, s, denoise, maxTrainPerClass, maxEvalPerClass);
    }

    public TrialData withDenoise(double sigma) {
        return new TrialData(dataRoot, cacheDir, runsRoot, audit, split, sigma, maxTrainPerClass, maxEvalPerClass);
    }

    public TrialData withLimits(int train, int eval) {
        return new TrialData(dataRoot, cacheDir, runsRoot, audit, split, denoise, train, eval);
    }

    /** The preprocessing of images of side {@code size}, the same as {@code train --size size} would use. */
    public Preprocessing preprocessing(int size) {
        Preprocessing p = Preprocessing.standard(size);
        return denoise > 0 ? p.withDenoise(denoise) : p;
    }
}
