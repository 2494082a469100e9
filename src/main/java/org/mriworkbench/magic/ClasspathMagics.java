package org.mriworkbench.magic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * IJava's two classpath line magics, so that notebooks written for IJava run here unchanged:
 * {@code %jars a.jar lib/*.jar} adds jar files, {@code %classpath build/classes lib/*} adds jars or folders. Each
 * argument may be quoted, may hold several entries joined by the platform's path separator, and may be a glob
 * ({@code *}, {@code ?}, {@code **}, {@code [..]}, <code>{a,b}</code>) resolved against the kernel's working folder,
 * which Jupyter sets to the notebook's folder.
 *
 * <p>An argument that matches nothing is an error, not a silent no-op: the usual cause is a wrong relative path, and
 * the class-not-found errors it would otherwise cause a few cells later are much harder to trace back.
 */
public final class ClasspathMagics {

    private static final Pattern ARG = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)");
    private static final Pattern GLOB_CHARS = Pattern.compile("[*?\\[{]");

    private ClasspathMagics() {
    }

    /** Whether this class handles magic {@code name}. */
    public static boolean handles(String name) {
        return name.equals("jars") || name.equals("classpath");
    }

    /**
     * Runs {@code %name args}, passing each resolved entry to {@code add}, and returns the entries added.
     *
     * @throws IllegalArgumentException for no arguments, or an argument that matches nothing
     */
    public static List<Path> apply(String name, String args, Path workingDir, Consumer<Path> add) {
        boolean jarsOnly = name.equals("jars");
        List<Path> added = new ArrayList<>();
        List<String> patterns = arguments(args);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("%" + name + " needs at least one path, e.g. %" + name
                    + (jarsOnly ? " lib/*.jar" : " build/classes"));
        }
        for (String pattern : patterns) {
            List<Path> found = resolve(pattern, workingDir).stream()
                    .filter(p -> jarsOnly ? Files.isRegularFile(p) : Files.exists(p))
                    .toList();
            if (found.isEmpty()) {
                throw new IllegalArgumentException("%" + name + ": nothing matches " + pattern + " (relative paths start at "
                        + workingDir.toAbsolutePath() + ")");
            }
            for (Path p : found) {
                add.accept(p);
                added.add(p);
            }
        }
        return added;
    }

    /** The whitespace-separated, optionally quoted arguments, each split further at the path separator. */
    static List<String> arguments(String args) {
        List<String> out = new ArrayList<>();
        Matcher m = ARG.matcher(args);
        while (m.find()) {
            String a = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            for (String part : a.split(Pattern.quote(java.io.File.pathSeparator))) {
                if (!part.isBlank()) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    /** The existing paths a pattern names, sorted so that the classpath order does not depend on the file system. */
    static List<Path> resolve(String pattern, Path workingDir) {
        String expanded = pattern.startsWith("~/") ? System.getProperty("user.home") + pattern.substring(1) : pattern;
        Path full = workingDir.resolve(expanded).normalize().toAbsolutePath();
        Matcher g = GLOB_CHARS.matcher(full.toString());
        if (!g.find()) {
            return Files.exists(full) ? List.of(full) : List.of();
        }
        // Walk from the deepest folder above the first glob character, as deep as the pattern reaches.
        String prefix = full.toString().substring(0, g.start());
        Path base = Path.of(prefix.substring(0, Math.max(1, prefix.lastIndexOf(java.io.File.separatorChar) + 1)));
        int depth = full.toString().contains("**") ? Integer.MAX_VALUE : full.getNameCount() - base.getNameCount();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + full.toString().replace("\\", "\\\\"));
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(base, depth)) {
            return walk.filter(matcher::matches).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + base, e);
        }
    }
}
