package org.mriworkbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.phantom.PhantomConfig;
import org.mriworkbench.phantom.PhantomGenerator;

/** Lookup order of the data folder, and the errors for folders the user named but that are not usable. */
class DataLocationTest {

    private static final PhantomGenerator TINY = new PhantomGenerator(PhantomConfig.builder().optImageSize(64)
            .optTrainingPerClass(1).optTestingPerClass(1).build());
    private static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    Path tmp;
    private Path repo;

    @BeforeEach
    void createRepo() throws IOException {
        repo = Files.createDirectories(tmp.resolve("repo"));
    }

    private static Path fakeDataset(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("Training/glioma"));
        Files.write(dir.resolve("Training/glioma/a.jpg"), new byte[] {1});
        Files.createDirectories(dir.resolve("Testing/notumor"));
        return dir;
    }

    private DataLocation resolve(Optional<Path> configured, Map<String, String> env) throws IOException {
        return DataLocation.resolve(repo, configured, env, TINY);
    }

    @Test
    void configuredFolderWinsOverEverythingElse() throws IOException {
        Path configured = fakeDataset(tmp.resolve("mine"));
        Path fromEnv = fakeDataset(tmp.resolve("env"));
        fakeDataset(repo.resolve(DataLocation.REPO_DATA));

        DataLocation loc = resolve(Optional.of(configured), Map.of(DataLocation.ENV_VAR, fromEnv.toString()));

        assertEquals(configured, loc.path());
        assertEquals(DataLocation.Kind.REAL, loc.kind());
        assertEquals("from --data", loc.reason());
    }

    @Test
    void missingConfiguredFolderIsAnErrorNamingPathAndLayoutNotAFallback() {
        Path missing = tmp.resolve("nowhere");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resolve(Optional.of(missing), NO_ENV));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("Training/<class>/*.jpg"), e.getMessage());
        assertFalse(Files.exists(repo.resolve(DataLocation.PHANTOM_DATA)), "must not fall back to phantoms");
    }

    @Test
    void configuredFolderThatIsNotADataSetIsAnError() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty/Training/glioma"));
        assertThrows(IllegalArgumentException.class, () -> resolve(Optional.of(empty.getParent().getParent()), NO_ENV));
    }

    @Test
    void environmentVariableComesSecond() throws IOException {
        Path fromEnv = fakeDataset(tmp.resolve("env"));
        fakeDataset(repo.resolve(DataLocation.REPO_DATA));

        DataLocation loc = resolve(Optional.empty(), Map.of(DataLocation.ENV_VAR, fromEnv.toString()));

        assertEquals(fromEnv, loc.path());
        assertEquals("from MRI_WORKBENCH_DATA", loc.reason());
    }

    @Test
    void environmentVariableNamingAMissingFolderIsAnError() {
        Path missing = tmp.resolve("gone");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resolve(Optional.empty(), Map.of(DataLocation.ENV_VAR, missing.toString())));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains(DataLocation.ENV_VAR));
    }

    @Test
    void blankEnvironmentVariableCountsAsUnset() throws IOException {
        Path repoData = fakeDataset(repo.resolve(DataLocation.REPO_DATA));
        assertEquals(repoData, resolve(Optional.empty(), Map.of(DataLocation.ENV_VAR, "  ")).path());
    }

    @Test
    void repositoryCopyComesBeforeTheSharedCopy() throws IOException {
        Path repoData = fakeDataset(repo.resolve(DataLocation.REPO_DATA));
        fakeDataset(tmp.resolve("shared/data/brain-tumor-mri"));

        DataLocation loc = resolve(Optional.empty(), NO_ENV);

        assertEquals(repoData, loc.path());
        assertTrue(loc.reason().startsWith("repository copy"), loc.reason());
    }

    @Test
    void sharedCopyIsUsedWhenTheRepositoryHasNone() throws IOException {
        Path shared = fakeDataset(tmp.resolve("shared/data/brain-tumor-mri"));

        DataLocation loc = resolve(Optional.empty(), NO_ENV);

        assertEquals(shared, loc.path());
        assertEquals(DataLocation.Kind.REAL, loc.kind());
        assertTrue(loc.reason().startsWith("team's shared copy"), loc.reason());
    }

    @Test
    void defaultFolderThatIsNotADataSetIsSkippedWithANote() throws IOException {
        Files.createDirectories(repo.resolve(DataLocation.REPO_DATA));
        Path shared = fakeDataset(tmp.resolve("shared/data/brain-tumor-mri"));

        DataLocation loc = resolve(Optional.empty(), NO_ENV);

        assertEquals(shared, loc.path());
        assertTrue(loc.reason().contains("skipped " + repo.resolve(DataLocation.REPO_DATA)), loc.reason());
    }

    @Test
    void phantomsAreGeneratedLastAndReusedAfterwards() throws IOException {
        DataLocation first = resolve(Optional.empty(), NO_ENV);

        assertEquals(repo.resolve(DataLocation.PHANTOM_DATA), first.path());
        assertEquals(DataLocation.Kind.PHANTOM, first.kind());
        assertTrue(first.reason().startsWith("generated phantoms"), first.reason());
        assertTrue(TINY.ready(first.path()));
        assertTrue(DataLocation.looksLikeDataset(first.path()));

        DataLocation second = resolve(Optional.empty(), NO_ENV);
        assertEquals(first.path(), second.path());
        assertTrue(second.reason().startsWith("reused phantoms"), second.reason());
    }

    @Test
    void configuredPhantomFolderIsReportedAsPhantoms() throws IOException {
        Path phantoms = TINY.writeDataset(tmp.resolve("ph")).root();
        assertEquals(DataLocation.Kind.PHANTOM, resolve(Optional.of(phantoms), NO_ENV).kind());
    }

    @Test
    void flatClassFoldersCountAsADataSet() throws IOException {
        Path flat = Files.createDirectories(tmp.resolve("flat/glioma_tumor"));
        Files.write(flat.resolve("x.jpg"), new byte[] {1});
        assertTrue(DataLocation.looksLikeDataset(flat.getParent()));
        assertFalse(DataLocation.looksLikeDataset(tmp.resolve("flat/glioma_tumor")));
    }
}
