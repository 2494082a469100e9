package org.mriworkbench.cli;

import org.mriworkbench.data.DataLocation;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** The one setting that says where the data lives, shared by every command that reads data. */
public final class DataOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data-set folder (Kaggle or flat layout). Default: $" + DataLocation.ENV_VAR
                    + ", then data/brain-tumor-mri, then ../shared/data/brain-tumor-mri, then generated phantoms.")
    Path data;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "cache for scans and preprocessed tensors (default: .cache in the project folder)")
    Path cache;

    @Option(names = "--repo", paramLabel = "DIR", hidden = true, description = "Project folder (default: current)")
    Path repo = Path.of("");

    /** The cache folder in use. */
    Path cacheDir() {
        return cache != null ? cache : repo.toAbsolutePath().resolve(".cache");
    }

    /** Resolves the data location, printing where it is and why. */
    DataLocation resolve() throws IOException {
        if (data == null && System.getenv(DataLocation.ENV_VAR) == null) {
            System.err.println("looking for data (generating phantoms on first use may take a few seconds)...");
        }
        DataLocation loc = DataLocation.resolve(repo.toAbsolutePath(), Optional.ofNullable(data), System.getenv());
        System.err.println("data: " + loc.path() + " [" + loc.kind() + ", " + loc.reason() + "]");
        return loc;
    }
}
