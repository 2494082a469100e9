package org.mriworkbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.train.CheckpointException;
import org.mriworkbench.train.CheckpointState;
import org.mriworkbench.train.Checkpoints;
import org.mriworkbench.train.TensorDataset;
import org.mriworkbench.train.Trainer;

/**
 * Runs never share a folder, broken run files are named in the error, and one broken run hides no other: the
 * guarantees that let several {@code train} processes and notebooks use one runs folder.
 */
class RunSafetyTest {

    @TempDir
    Path tmp;

    @Test
    void testsWriteTheirRunsUnderTargetAndTheVariableDecides() {
        assertEquals(Path.of("repo", "runs"), RunFolder.root(Path.of("repo"), Map.of()));
        assertEquals(Path.of("/x/y"), RunFolder.root(Path.of("repo"), Map.of(RunFolder.ENV_VAR, "/x/y")));
        // Set by surefire (pom.xml): the CLI's and the notebooks' default runs folder under a test is in target/.
        Path root = RunFolder.defaultRoot().toAbsolutePath().normalize();
        assertTrue(root.toString().contains("/target/"), root.toString());
    }

    @Test
    void twoProcessesCreatingTheSameRunAtTheSameMomentGetDistinctFolders() throws Exception {
        Path root = tmp.resolve("runs");
        int each = 25;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> ps = new ArrayList<>();
        for (String id : List.of("a", "b")) {
            ps.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    RunFolderRace.class.getName(), root.toString(), "2025-06-01T12:00:00Z", Integer.toString(each), id)
                    .redirectErrorStream(true).redirectOutput(tmp.resolve(id + ".log").toFile()).start());
        }
        for (Process p : ps) {
            assertTrue(p.waitFor(2, TimeUnit.MINUTES));
            assertEquals(0, p.exitValue(), () -> logs());
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.sorted().toList();
        }
        assertEquals(2 * each, dirs.size(), dirs.toString());
        for (Path d : dirs) {
            try (Stream<Path> s = Files.list(d)) {
                assertEquals(1, s.count(), "exactly one process claimed " + d);
            }
        }
    }

    private String logs() {
        try {
            return Files.readString(tmp.resolve("a.log")) + Files.readString(tmp.resolve("b.log"));
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void brokenRunFilesAreNamedAndLoseNoOtherRun() throws Exception {
        Path root = tmp.resolve("runs");
        TensorDataset d = RunRecordTest.data(32, 3);
        RunRecorder good = RunRecorder.start(root, RunRecordTest.config(1), "d", "s");
        Trainer.of(RunRecordTest.config(1)).train(d, d, good.folder().dir());
        good.finish();
        RunRecorder bad = RunRecorder.start(root, RunRecordTest.config(2), "d", "s");
        Trainer.of(RunRecordTest.config(2)).withStopSignal(() -> true).train(d, d, bad.folder().dir());
        RunRecorder broken = RunRecorder.start(root, RunRecordTest.config(3), "d", "s");

        // A model.zip that is not a zip at all.
        Files.writeString(bad.folder().model(), "not a zip");
        CheckpointException model = assertThrows(CheckpointException.class,
                () -> RunRecord.read(bad.folder().dir()).loadModel());
        assertTrue(model.getMessage().contains(bad.folder().model().toString()), model.getMessage());
        assertEquals(bad.folder().model(), model.path());

        // A checkpoint zip cut off mid-write (as if the rename had not been atomic).
        CheckpointState state = Checkpoints.readState(bad.folder().dir());
        Path zip = bad.folder().dir().resolve(state.networkFile());
        byte[] bytes = Files.readAllBytes(zip);
        Files.write(zip, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CheckpointException resume = assertThrows(CheckpointException.class,
                () -> Trainer.resume(bad.folder().dir(), d, d));
        assertTrue(resume.getMessage().contains(zip.toString()), resume.getMessage());

        // A manifest truncated mid-write: that run is skipped with a note naming the file; the others are listed.
        String m = Files.readString(broken.folder().manifest());
        Files.writeString(broken.folder().manifest(), m.substring(0, m.length() / 2));
        RunRegistry.Listing listing = RunRegistry.scan(root);
        assertEquals(List.of(good.folder().name(), bad.folder().name()),
                listing.table().stringColumn("folder").asList());
        assertEquals(1, listing.skipped().size(), listing.skipped().toString());
        assertTrue(listing.skipped().get(0).contains(broken.folder().manifest().toString()), listing.skipped().get(0));
        List<String> notes = new ArrayList<>();
        assertEquals(2, RunRecord.list(root, notes::add).size());
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).startsWith(broken.folder().name()), notes.get(0));

        // The good run is untouched: its model still loads.
        assertEquals(2, RunRecord.read(good.folder().dir()).history().size());
        RunRecord.read(good.folder().dir()).loadModel();
    }
}
