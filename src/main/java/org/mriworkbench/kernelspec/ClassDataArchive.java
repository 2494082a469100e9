package org.mriworkbench.kernelspec;

import org.mriworkbench.kernel.*;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The kernel's class-data sharing archive (JDK AppCDS): the classes a kernel start and a first cell load (JJava,
 * JShell, javac, the workbench's kernel and the packages a notebook imports), already parsed and verified, recorded
 * once by {@code kernel install} and mapped into every later kernel JVM with {@code -XX:SharedArchiveFile}.
 *
 * <p>Why: a kernel start loads about 5,000 classes, 1,000 of them javac's and 750 from the 285 MB shaded jar, whose
 * classes must also be verified; on the 2-core machine, loaded, that is a large part of the time from start to
 * the first cell. The archive cut the kernel's CPU time until its first cell, and the time itself, by about a
 * quarter (interleaved starts under load, see {@code docs/kernel.md}).
 *
 * <p>Failure never breaks the kernel. The archive is recorded by a separate JVM ({@link #main}: a real kernel on
 * local sockets, driven by {@link KernelClient} through {@code kernel_info}, two cells and {@code shutdown}), into a
 * temporary file that is mapped once with {@code -Xshare:on} before it is renamed into place, so a crashed or
 * interrupted recording leaves no half-written archive; a failed recording installs the kernel without it. At
 * start the kernelspec asks for it with {@code -Xshare:auto}: the JVM uses it if it matches the jar and the JVM,
 * and otherwise (the jar rebuilt, the JDK updated, the file deleted or overwritten) starts without it. A stamp
 * beside it (jar sizes and times, the JVM, its options) tells the next {@code kernel install} whether to record
 * again. Only jars can be archived: a classpath with class folders (a Maven build without the shaded jar) gets no
 * archive.
 */
public final class ClassDataArchive {

    /** The archive's name in the kernel's folder. */
    public static final String FILE_NAME = "classes.jsa";
    /** What the archive was recorded for; compared by the next install. */
    static final String STAMP_NAME = "classes.jsa.properties";
    /** The first cells the recording runs: a notebook's usual imports, printing, and a displayed value. */
    static final List<String> TRAINING_CELLS = List.of("""
            import org.mriworkbench.data.*;
            import org.mriworkbench.preprocess.*;
            import org.mriworkbench.chart.*;
            import org.mriworkbench.experiment.*;
            System.out.println("class-data recording " + (6 * 7));""", "6 * 7");
    /** How long the recording may take; a loaded 2-core machine needs about 20 s. */
    static final Duration RECORDING_LIMIT = Duration.ofMinutes(5);

    private ClassDataArchive() {
    }

    /** The options that make a kernel JVM use {@code archive} when it can and start without it when it cannot. */
    public static List<String> jvmOptions(Path archive) {
        // VerifySharedSpaces: checksums the archive as it is mapped (tens of ms), so that a damaged file is refused
        // instead of being used; without it a few overwritten bytes were mapped as class data.
        return List.of("-XX:SharedArchiveFile=" + archive.toAbsolutePath().normalize(), "-Xshare:auto",
                "-XX:+VerifySharedSpaces");
    }

    /**
     * The archive in {@code kernelDir} for a kernel run from {@code classpath} with {@code jvmOptions}: the
     * existing one if its stamp matches, else a newly recorded one; empty when the classpath holds folders or the
     * recording failed (said on {@code log}). Takes about as long as two kernel starts when it records.
     */
    public static Optional<Path> prepare(Path kernelDir, List<Path> classpath, List<String> jvmOptions,
                                         PrintStream log) throws IOException {
        List<Path> folders = classpath.stream().filter(Files::isDirectory).toList();
        if (!folders.isEmpty()) {
            log.println("Class-data sharing: not used, the class path holds folders (only jars can be archived): "
                    + folders.get(0));
            return Optional.empty();
        }
        Files.createDirectories(kernelDir);
        Path archive = kernelDir.resolve(FILE_NAME);
        Path stampFile = kernelDir.resolve(STAMP_NAME);
        Properties wanted = stamp(classpath, jvmOptions);
        if (Files.isRegularFile(archive) && Files.isRegularFile(stampFile)) {
            Properties had = readStamp(stampFile);
            String size = had.getProperty("archive.size");
            had.remove("archive.size");
            if (had.equals(wanted) && String.valueOf(Files.size(archive)).equals(size)) {
                return Optional.of(archive);
            }
        }
        log.println("Class-data sharing: recording the classes of a kernel start and a first cell (about 20 s)");
        Path tmp = kernelDir.resolve(FILE_NAME + "." + ProcessHandle.current().pid() + ".tmp");
        Path recordingLog = kernelDir.resolve(FILE_NAME + ".log");
        try {
            Files.deleteIfExists(tmp);
            String cp = classpath.stream().map(p -> p.toAbsolutePath().normalize().toString())
                    .collect(Collectors.joining(java.io.File.pathSeparator));
            List<String> record = new ArrayList<>(List.of(KernelSpec.currentJava()));
            record.addAll(jvmOptions);
            record.addAll(List.of("-XX:ArchiveClassesAtExit=" + tmp, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                    "-cp", cp, ClassDataArchive.class.getName()));
            int recorded = run(record, recordingLog);
            List<String> check = new ArrayList<>(List.of(KernelSpec.currentJava()));
            check.addAll(jvmOptions);
            check.addAll(List.of("-XX:SharedArchiveFile=" + tmp, "-Xshare:on", "-cp", cp, "-version"));
            int mapped = recorded == 0 && Files.isRegularFile(tmp) ? run(check, recordingLog) : -1;
            if (mapped != 0) {
                log.println("Class-data sharing: not used, the recording failed (exit " + recorded + ", check "
                        + mapped + "; see " + recordingLog + "); the kernel works without it");
                Files.deleteIfExists(tmp);
                return Optional.empty();
            }
            Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            wanted.setProperty("archive.size", String.valueOf(Files.size(archive)));
            try (OutputStream out = Files.newOutputStream(stampFile)) {
                wanted.store(out, "what " + FILE_NAME + " was recorded for (kernel install records it again when "
                        + "this changes)");
            }
            Files.deleteIfExists(recordingLog);
            log.println("Class-data sharing: " + archive + " (" + Files.size(archive) / (1 << 20) + " MB)");
            return Optional.of(archive);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Files.deleteIfExists(tmp);
            return Optional.empty();
        }
    }

    /** What an archive depends on: the JVM, its options, and each class-path jar's size and time. */
    static Properties stamp(List<Path> classpath, List<String> jvmOptions) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", "1");
        p.setProperty("java.home", System.getProperty("java.home"));
        p.setProperty("java.version", Runtime.version().toString());
        p.setProperty("jvm.options", String.join(" ", jvmOptions));
        for (int i = 0; i < classpath.size(); i++) {
            Path jar = classpath.get(i).toAbsolutePath().normalize();
            p.setProperty("classpath." + i, jar + " " + Files.size(jar) + " "
                    + Files.getLastModifiedTime(jar).toMillis());
        }
        return p;
    }

    private static Properties readStamp(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            p.clear(); // unreadable: record again
        }
        return p;
    }

    private static int run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(RECORDING_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return -2;
        }
        return p.exitValue();
    }

    /**
     * The recording run (started by {@link #prepare} with {@code -XX:ArchiveClassesAtExit}): serves a kernel on
     * local sockets, runs {@link #TRAINING_CELLS} through the protocol, shuts it down and exits, which is when the
     * JVM writes the archive. Exit status 0 only if every cell succeeded.
     */
    public static void main(String[] args) throws Exception {
        KernelConnectionProperties props = KernelClient.localConnection();
        Path connectionFile = Files.createTempFile("mri-kernel-cds", ".json");
        Files.writeString(connectionFile, props.toJsonString());
        Thread kernel = new Thread(() -> {
            try {
                KernelMain.serve(connectionFile);
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "cds-recording-kernel");
        kernel.setDaemon(true);
        kernel.start();
        boolean ok = true;
        try (KernelClient client = new KernelClient(props)) {
            client.kernelInfo(Duration.ofMinutes(2));
            for (String cell : TRAINING_CELLS) {
                ok &= client.execute(cell, Duration.ofMinutes(2));
            }
            client.shutdown(Duration.ofMinutes(1));
        } finally {
            kernel.join(TimeUnit.SECONDS.toMillis(30));
            Files.deleteIfExists(connectionFile);
        }
        System.out.println("class-data recording: " + (ok ? "ok" : "a cell failed"));
        System.exit(ok ? 0 : 1);
    }
}
