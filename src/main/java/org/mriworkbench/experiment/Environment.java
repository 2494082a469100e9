package org.mriworkbench.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Reads the facts about the machine and software that a {@link Manifest} records. Every probe degrades to
 * {@code unknown} instead of failing: a missing {@code git} or {@code /proc} must never stop a training run.
 */
final class Environment {

    static final String UNKNOWN = "unknown";

    /** Library name to Maven coordinates whose {@code pom.properties} gives its version. */
    private static final Map<String, String> LIBRARIES = Map.of(
            "deeplearning4j", "org.deeplearning4j/deeplearning4j-nn",
            "nd4j", "org.nd4j/nd4j-api",
            "nd4j-native", "org.nd4j/nd4j-native",
            "tablesaw", "tech.tablesaw/tablesaw-core",
            "xchart", "org.knowm.xchart/xchart",
            "jackson", "com.fasterxml.jackson.core/jackson-databind");

    private Environment() {
    }

    /** Versions of the libraries that shape results, read from their jars' {@code pom.properties}. */
    static Map<String, String> libraryVersions() {
        Map<String, String> out = new TreeMap<>();
        LIBRARIES.forEach((name, coords) -> out.put(name, pomVersion(coords)));
        out.put("java", System.getProperty("java.version", UNKNOWN));
        return out;
    }

    static String pomVersion(String coords) {
        String res = "META-INF/maven/" + coords + "/pom.properties";
        try (InputStream in = Environment.class.getClassLoader().getResourceAsStream(res)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", UNKNOWN);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    static String jvm() {
        return System.getProperty("java.vm.vendor", "") + " " + System.getProperty("java.vm.name", "") + " "
                + System.getProperty("java.vm.version", "");
    }

    /** The first {@code model name} of {@code /proc/cpuinfo} (Linux), else {@code unknown}. */
    static String cpuModel() {
        Path info = Path.of("/proc/cpuinfo");
        try {
            if (Files.isReadable(info)) {
                for (String line : Files.readAllLines(info, StandardCharsets.UTF_8)) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
        return UNKNOWN;
    }

    /** Classpath resource that the build writes (git-commit-id-maven-plugin, see pom.xml). */
    static final String BUILD_COMMIT_RESOURCE = "org/mriworkbench/experiment/build-git.properties";

    /**
     * The commit the running classes were built from and whether its tree had uncommitted changes, read from
     * {@value #BUILD_COMMIT_RESOURCE}; null when the build did not record one (no git at build time, or a build
     * without Maven). It names the code that runs even when the working directory holds another checkout, e.g. after
     * a {@code git pull} without a rebuild, or a jar started from outside the repository.
     */
    static String[] buildCommit() {
        return buildCommit(Environment.class.getClassLoader().getResourceAsStream(BUILD_COMMIT_RESOURCE));
    }

    /** {@link #buildCommit()} from {@code in} (closed here); null for a null stream or no 40-hex commit in it. */
    static String[] buildCommit(InputStream in) {
        if (in == null) {
            return null;
        }
        try (in) {
            Properties p = new Properties();
            p.load(in);
            String commit = p.getProperty("git.commit.id", "").trim();
            if (!commit.matches("[0-9a-f]{40}")) {
                return null;
            }
            return new String[] {commit, Boolean.toString(Boolean.parseBoolean(p.getProperty("git.dirty", "false")))};
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code git rev-parse HEAD} in {@code dir}, or {@code unknown} outside a repository or without git. */
    static String gitCommit(Path dir) {
        String out = git(dir, "rev-parse", "HEAD");
        return out == null || out.isBlank() ? UNKNOWN : out.trim();
    }

    /** Whether tracked files have uncommitted changes; false when unknown. */
    static boolean gitDirty(Path dir) {
        String out = git(dir, "status", "--porcelain", "--untracked-files=no");
        return out != null && !out.isBlank();
    }

    private static String git(Path dir, String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            byte[] bytes = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(bytes, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
