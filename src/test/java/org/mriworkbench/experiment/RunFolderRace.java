package org.mriworkbench.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One of the processes of {@link RunSafetyTest}'s race: creates run folders named {@code same} at one fixed instant
 * under a shared root and claims each with a file only it may create. Arguments: root, instant, count, process id.
 */
public final class RunFolderRace {

    private RunFolderRace() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Instant at = Instant.parse(args[1]);
        int n = Integer.parseInt(args[2]);
        for (int i = 0; i < n; i++) {
            RunFolder f = RunFolder.create(root, "same", at);
            Files.writeString(Files.createFile(f.dir().resolve("owner-" + args[3] + "-" + i)), args[3]);
        }
    }
}
