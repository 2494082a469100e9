package org.mriworkbench.kernelspec;

import org.mriworkbench.kernel.*;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The class-data archive is recorded for jars, is used by the kernel a kernelspec starts, and never stops a kernel
 * from starting and running a cell: not when it is missing, not when it is damaged, not when it is garbage.
 */
class ClassDataArchiveTest {

    @TempDir
    Path dir;

    @Test
    void aClassPathWithFoldersGetsNoArchive() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        Optional<Path> archive = ClassDataArchive.prepare(dir.resolve("kernel"), List.of(classes), List.of(),
                new PrintStream(said, true, StandardCharsets.UTF_8));
        assertTrue(archive.isEmpty());
        assertFalse(Files.exists(dir.resolve("kernel").resolve(ClassDataArchive.FILE_NAME)));
        assertTrue(said.toString(StandardCharsets.UTF_8).contains(classes.toString()), said.toString());
    }

    @Test
    void theKernelUsesTheArchiveAndStartsWithoutAGoodOne() throws Exception {
        List<Path> classpath = jarClasspath();
        Path kernelDir = dir.resolve("kernel");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(said, true, StandardCharsets.UTF_8);
        Path archive = ClassDataArchive.prepare(kernelDir, classpath, List.of("-Xmx1g"), log)
                .orElseThrow(() -> new AssertionError("no archive: " + said));
        assertEquals(kernelDir.resolve(ClassDataArchive.FILE_NAME), archive);
        assertTrue(Files.size(archive) > 1 << 20, "a recording of thousands of classes");
        assertTrue(Files.isRegularFile(kernelDir.resolve(ClassDataArchive.STAMP_NAME)));
        // Nothing changed: the next install keeps the archive instead of recording again.
        long recorded = Files.getLastModifiedTime(archive).toMillis();
        said.reset();
        assertEquals(Optional.of(archive), ClassDataArchive.prepare(kernelDir, classpath, List.of("-Xmx1g"), log));
        assertEquals(recorded, Files.getLastModifiedTime(archive).toMillis());
        assertFalse(said.toString(StandardCharsets.UTF_8).contains("recording"), said.toString());

        List<String> options = new ArrayList<>(List.of("-Xmx1g"));
        options.addAll(ClassDataArchive.jvmOptions(archive));
        Path classLog = dir.resolve("classes.log");
        options.add("-Xlog:class+load=info:file=" + classLog);
        String cp = String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList());
        KernelSpec spec = KernelSpec.forClasspath("cds-test", cp, options);
        assertTrue(spec.argv().contains("-XX:SharedArchiveFile=" + archive.toAbsolutePath()), spec.argv().toString());

        assertRunsACell(spec, "with the archive");
        String loaded = Files.readString(classLog);
        assertTrue(loaded.contains(CellEvaluator.class.getName() + " source: shared objects file (top)"),
                "the kernel's classes come from the archive");

        Path good = Files.copy(archive, dir.resolve("good.jsa"));
        Files.delete(archive);
        assertRunsACell(spec, "with the archive missing");

        // Damaged in the middle (same size, some bytes overwritten): the checksum refuses it.
        Files.copy(good, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        archive.toFile().setWritable(true);
        try (var f = new java.io.RandomAccessFile(archive.toFile(), "rw")) {
            for (long at = f.length() / 3; at < f.length() / 3 + 100_000; at += 997) {
                f.seek(at);
                f.write(new byte[] {(byte) 0xff, 0x13});
            }
        }
        assertRunsACell(spec, "with a damaged archive");
        assertTrue(Files.readString(classLog).contains(CellEvaluator.class.getName() + " source: jar:")
                || Files.readString(classLog).contains(CellEvaluator.class.getName() + " source: file:"),
                "a damaged archive is not used");

        // Garbage (not an archive at all).
        byte[] garbage = new byte[1 << 20];
        new Random(16).nextBytes(garbage);
        Files.write(archive, garbage);
        assertRunsACell(spec, "with garbage for an archive");
    }

    /** Starts the kernel the spec describes, runs a cell that writes a file, checks the file, shuts it down. */
    private void assertRunsACell(KernelSpec spec, String what) throws Exception {
        KernelConnectionProperties props = KernelClient.localConnection();
        Path connection = dir.resolve("connection.json");
        Files.writeString(connection, props.toJsonString());
        Path marker = dir.resolve("ran.txt");
        Files.deleteIfExists(marker);
        List<String> argv = spec.argv().stream()
                .map(a -> a.equals(KernelSpec.CONNECTION_FILE) ? connection.toString() : a).toList();
        Path out = dir.resolve("kernel.out");
        Process kernel = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try (KernelClient client = new KernelClient(props)) {
            client.kernelInfo(Duration.ofMinutes(2));
            String cell = "Files.writeString(Path.of(\"" + marker.toString().replace("\\", "\\\\")
                    + "\"), \"\" + (6 * 7));";
            assertTrue(client.execute(cell, Duration.ofMinutes(2)), what + ": " + Files.readString(out));
            assertEquals("42", Files.readString(marker), what);
            client.shutdown(Duration.ofMinutes(1));
            assertTrue(kernel.waitFor(60, TimeUnit.SECONDS), what + ": the kernel exits after shutdown");
            assertEquals(0, kernel.exitValue(), what + ": " + Files.readString(out));
        } finally {
            kernel.destroyForcibly();
        }
    }

    /** The test class path as jars only: the main classes folder packed into a jar, the test classes left out. */
    private List<Path> jarClasspath() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(e).toAbsolutePath();
            if (Files.isDirectory(p)) {
                if (Files.exists(p.resolve(KernelMain.class.getName().replace('.', '/') + ".class"))) {
                    out.add(jar(p, dir.resolve("workbench-classes.jar")));
                }
            } else if (e.endsWith(".jar") && Files.isRegularFile(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static Path jar(Path folder, Path jar) throws IOException {
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os);
             Stream<Path> files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                j.putNextEntry(new JarEntry(folder.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
        return jar;
    }
}
