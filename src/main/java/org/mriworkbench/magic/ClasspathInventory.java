package org.mriworkbench.magic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which Maven artifacts (group, artifact, version) are already on the kernel's class path, so that {@code %maven}
 * can refuse a second, different version of one instead of letting the class loader pick one class at a time.
 *
 * <p>A jar names what it holds in {@code META-INF/maven/GROUP/ARTIFACT/pom.properties} (Maven writes one; the
 * shaded workbench jar keeps those of every library in it); a jar without one is named by its place in a Maven
 * repository ({@code .../GROUP/ARTIFACT/VERSION/ARTIFACT-VERSION.jar}), as under Maven's own test runs. The class
 * path is read once, on the first question, so a kernel that never uses {@code %maven} never pays for it.
 */
final class ClasspathInventory {

    /** An artifact on the class path: its version and where it was found. */
    record Present(String version, String source) {
    }

    private final Supplier<List<String>> classpath;
    private Map<String, Present> known;

    ClasspathInventory(Supplier<List<String>> classpath) {
        this.classpath = classpath;
    }

    /** The artifact {@code group:artifact} on the class path, or {@code null}. */
    synchronized Present find(String group, String artifact) {
        return known().get(group + ":" + artifact);
    }

    /** Notes an artifact added after start-up (by {@code %maven}). */
    synchronized void record(String group, String artifact, String version, String source) {
        known().put(group + ":" + artifact, new Present(version, source));
    }

    private Map<String, Present> known() {
        if (known == null) {
            known = new HashMap<>();
            for (String entry : classpath.get()) {
                scan(Path.of(entry));
            }
        }
        return known;
    }

    private void scan(Path entry) {
        String source = entry.getFileName() == null ? entry.toString() : entry.getFileName().toString();
        if (Files.isDirectory(entry)) {
            Path meta = entry.resolve("META-INF/maven");
            if (Files.isDirectory(meta)) {
                try (Stream<Path> files = Files.walk(meta, 3)) {
                    for (Path p : files.filter(f -> f.getFileName().toString().equals("pom.properties")).toList()) {
                        try (InputStream in = Files.newInputStream(p)) {
                            add(in, source);
                        }
                    }
                } catch (IOException e) {
                    // unreadable folder: nothing known from it
                }
            }
            return;
        }
        if (!Files.isRegularFile(entry)) {
            return;
        }
        boolean found = false;
        try (ZipFile zip = new ZipFile(entry.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.getName().startsWith("META-INF/maven/") && e.getName().endsWith("/pom.properties")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        found |= add(in, source);
                    }
                }
            }
        } catch (IOException e) {
            // not a jar: nothing known from it
        }
        if (!found) {
            fromRepositoryLayout(entry);
        }
    }

    private boolean add(InputStream in, String source) throws IOException {
        Properties p = new Properties();
        p.load(in);
        String g = p.getProperty("groupId");
        String a = p.getProperty("artifactId");
        String v = p.getProperty("version");
        if (g == null || a == null || v == null) {
            return false;
        }
        known.putIfAbsent(g + ":" + a, new Present(v, source));
        return true;
    }

    /** {@code .../g/r/o/u/p/ARTIFACT/VERSION/ARTIFACT-VERSION[-classifier].jar}: the group is not recoverable exactly,
     *  so only the artifact's folder names are used, with the group taken as the folders above up to "repository". */
    private void fromRepositoryLayout(Path jar) {
        Path versionDir = jar.getParent();
        if (versionDir == null || versionDir.getParent() == null) {
            return;
        }
        String version = versionDir.getFileName().toString();
        Path artifactDir = versionDir.getParent();
        String artifact = artifactDir.getFileName().toString();
        if (!jar.getFileName().toString().startsWith(artifact + "-" + version)) {
            return;
        }
        StringBuilder group = new StringBuilder();
        for (Path p = artifactDir.getParent(); p != null && p.getFileName() != null
                && !p.getFileName().toString().equals("repository"); p = p.getParent()) {
            group.insert(0, group.length() == 0 ? p.getFileName().toString() : p.getFileName() + ".");
        }
        if (group.length() > 0) {
            known.putIfAbsent(group + ":" + artifact, new Present(version, jar.getFileName().toString()));
        }
    }
}
