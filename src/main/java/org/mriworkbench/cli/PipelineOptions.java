package org.mriworkbench.cli;

import org.mriworkbench.data.AuditConfig;
import org.mriworkbench.data.SplitConfig;
import org.mriworkbench.experiment.PreparedData;
import org.mriworkbench.preprocess.Preprocessing;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;

/** Options that decide which tensors a run sees: data location, split, and preprocessing size. */
final class PipelineOptions {

    @Mixin
    DataOptions data;

    @Option(names = "--split", description = "grouped-resplit (default, leakage-free) or official-test")
    String splitMode = "grouped-resplit";

    @Option(names = "--split-seed", description = "seed of the split (default: ${DEFAULT-VALUE})")
    long splitSeed = SplitConfig.DEFAULT.seed();

    @Option(names = "--size", description = "input size in pixels (default: ${DEFAULT-VALUE})")
    int size = 128;

    @Option(names = "--denoise", description = "Gaussian denoising sigma in pixels, 0 for none (default: ${DEFAULT-VALUE})")
    double denoise = 0;

    @Option(names = "--crop-head", description = "crop each image to the head's bounding box before resize-pad; "
            + "recorded in the run's data.json, so evaluate, predict, explain and shift crop the same way")
    boolean cropHead;

    Preprocessing preprocessing() {
        Preprocessing p = Preprocessing.standard(size).withHeadCrop(cropHead);
        return denoise > 0 ? p.withDenoise(denoise) : p;
    }

    PreparedData prepare() throws IOException {
        return PreparedData.prepare(data.resolve().path(), data.cacheDir(), AuditConfig.DEFAULT,
                SplitConfig.DEFAULT.withMode(SplitConfig.Mode.parse(splitMode)).withSeed(splitSeed), preprocessing(),
                ProgressBar.onStderr());
    }
}
