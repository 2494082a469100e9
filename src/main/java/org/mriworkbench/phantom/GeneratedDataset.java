package org.mriworkbench.phantom;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@link PhantomGenerator#writeDataset} left on disk. {@code reused} tells a caller (and its log) whether the
 * images were just written or a complete earlier generation with the same config was found, so "it was fast" and
 * "it regenerated" never have to be guessed.
 *
 * @param root    the data-set folder, in Kaggle layout
 * @param config  the config the images were generated from
 * @param reused  true when a complete generation with this config already existed and nothing was written
 * @param images  number of images in the folder
 * @param elapsed wall time this call took
 */
public record GeneratedDataset(Path root, PhantomConfig config, boolean reused, int images, Duration elapsed) {

    public GeneratedDataset {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Throughput of this call; NaN when nothing was written (reused) or no time was measured. */
    public double imagesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return reused || seconds <= 0 ? Double.NaN : images / seconds;
    }
}
