package org.mriworkbench.data;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find the real data set. Tests that need it are skipped when it is absent, except where the build
 * says the data must be there ({@code -Dmri.requireRealData=true}, which CI sets): then its absence fails loudly
 * instead of silently testing nothing.
 */
public final class RealData {

    private RealData() {
    }

    /** The real data-set folder, or skips (or fails, when required) the calling test. */
    public static Path rootOrSkip() {
        String prop = System.getProperty("mri.shared.data", "../shared/data/brain-tumor-mri");
        Path root = Path.of(prop);
        boolean present = Files.isDirectory(root.resolve("Training")) && Files.isDirectory(root.resolve("Testing"));
        if (!present && Boolean.getBoolean("mri.requireRealData")) {
            throw new AssertionError("real data required (mri.requireRealData=true) but not found at "
                    + root.toAbsolutePath());
        }
        Assumptions.assumeTrue(present, "real data not found at " + root.toAbsolutePath());
        return root;
    }
}
