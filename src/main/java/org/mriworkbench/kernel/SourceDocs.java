package org.mriworkbench.kernel;

import java.io.File;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Javadoc comes from for {@code inspect_request} (Shift-Tab), and how it is cut down for the notebook.
 *
 * <p>JShell reads doc comments only from the JDK's own {@code src.zip}, so the workbench's classes (what a student
 * asks about: "what does {@code GradCam.of} take?") would get a bare signature. JShell keeps its list of source roots
 * in a static field that it documents as an override for its tests; this class puts the JDK's roots plus the
 * workbench's sources into it, so that JShell's own Javadoc machinery (inherited docs included) covers both. The
 * workbench's sources are found, in order, in {@code -Dmri.kernel.sources=PATHS}, a {@code *-sources.jar} next to the
 * workbench jar or folder, and the checkout's {@code src/main/java} (the kernel usually runs from
 * {@code target/mri-workbench.jar} or {@code target/classes} of a checkout); any {@code X-sources.jar} next to a
 * class-path jar {@code X.jar} (Maven's layout in {@code ~/.m2}) is added too. If a future JDK drops the field, the
 * kernel still answers, with JDK docs only.
 */
final class SourceDocs {

    /** System property: extra source roots (folders or source jars), separated by the path separator. */
    static final String SOURCES_PROPERTY = "mri.kernel.sources";

    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(code|literal|link|linkplain|value)\\s+([^}]*)}");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static boolean installed;

    private SourceDocs() {
    }

    /** Makes JShell sessions created from now on read Javadoc from the JDK and from {@code classpath}'s sources. */
    static synchronized boolean install(List<String> classpath) {
        if (installed) {
            return true;
        }
        List<Path> roots = new ArrayList<>(jdkRoots());
        roots.addAll(workbenchRoots(classpath));
        try {
            Class<?> impl = Class.forName("jdk.jshell.SourceCodeAnalysisImpl");
            Field target = impl.getDeclaredField("availableSourcesOverride");
            Field uf = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            uf.setAccessible(true);
            sun.misc.Unsafe unsafe = (sun.misc.Unsafe) uf.get(null);
            unsafe.putObjectVolatile(unsafe.staticFieldBase(target), unsafe.staticFieldOffset(target),
                    List.copyOf(roots));
            installed = true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("MRI Workbench kernel: Javadoc of the workbench's classes unavailable (" + e + ")");
        }
        return installed;
    }

    /** The JDK's source roots in {@code src.zip}, as JShell finds them (one per module in the modular layout). */
    private static List<Path> jdkRoots() {
        Path home = Path.of(System.getProperty("java.home"));
        Path zip = home.resolve("lib/src.zip");
        if (!Files.isReadable(zip)) {
            zip = home.getParent().resolve("src.zip");
        }
        if (!Files.isReadable(zip)) {
            return List.of();
        }
        try {
            FileSystem fs = FileSystems.newFileSystem(zip); // stays open: JShell reads from it for the JVM's life
            Path root = fs.getRootDirectories().iterator().next();
            if (Files.exists(root.resolve("java/lang/Object.java"))) {
                return List.of(zip);
            }
            List<Path> modules = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
                ds.forEach(p -> {
                    if (Files.isDirectory(p)) {
                        modules.add(p);
                    }
                });
            }
            return modules;
        } catch (Exception e) {
            return List.of();
        }
    }

    /** Source folders and jars for the workbench and for any class-path jar with a sources jar beside it. */
    static List<Path> workbenchRoots(List<String> classpath) {
        Set<Path> out = new LinkedHashSet<>();
        String explicit = System.getProperty(SOURCES_PROPERTY);
        if (explicit != null) {
            for (String s : explicit.split(File.pathSeparator)) {
                if (!s.isBlank() && Files.exists(Path.of(s))) {
                    out.add(Path.of(s).toAbsolutePath());
                }
            }
        }
        try {
            Path code = Path.of(SourceDocs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path parent = code.toAbsolutePath().getParent(); // target/
            if (parent != null) {
                Path sourcesJar = parent.resolve(code.getFileName().toString().replaceFirst("\\.jar$", "")
                        + "-sources.jar");
                if (Files.isRegularFile(sourcesJar)) {
                    out.add(sourcesJar);
                }
                Path checkout = parent.getParent();
                if (checkout != null && Files.isDirectory(checkout.resolve("src/main/java"))) {
                    out.add(checkout.resolve("src/main/java"));
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (unusual class loader): only the other roots
        }
        for (String entry : classpath) {
            if (entry.endsWith(".jar")) {
                Path sources = Path.of(entry.substring(0, entry.length() - 4) + "-sources.jar");
                if (Files.isRegularFile(sources)) {
                    out.add(sources);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The first paragraph of a doc comment as plain text: up to the first blank line, {@code <p>} or block tag,
     * with inline tags reduced to their text and HTML removed; the notebook's tooltip is small.
     */
    static String firstParagraph(String javadoc) {
        if (javadoc == null) {
            return "";
        }
        String text = javadoc.strip();
        int end = text.length();
        for (String stop : List.of("\n\n", "<p>", "<P>", "\n@")) {
            int i = text.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        if (text.startsWith("@")) {
            end = 0;
        }
        return plain(text.substring(0, end)).replaceAll("\\s*\\n\\s*", " ");
    }

    /** {@code {@link Foo#bar label}} shows "label", {@code {@link Foo#bar}} "Foo.bar", {@code {@code x}} "x". */
    private static String inlineText(String tag, String body) {
        if (!tag.startsWith("link")) {
            return body;
        }
        String[] parts = body.split("\\s+", 2);
        if (parts.length == 2) {
            return parts[1];
        }
        String ref = parts[0].startsWith("#") ? parts[0].substring(1) : parts[0];
        return ref.replace('#', '.');
    }

    /** Doc comment text without inline tags or HTML, whitespace collapsed. */
    static String plain(String javadoc) {
        Matcher m = INLINE_TAG.matcher(javadoc);
        String s = m.replaceAll(r -> Matcher.quoteReplacement(inlineText(r.group(1), r.group(2).strip())));
        s = HTML_TAG.matcher(s).replaceAll("");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return s.replaceAll("[ \\t]+", " ").replaceAll(" *\\n *", "\n").strip();
    }
}
