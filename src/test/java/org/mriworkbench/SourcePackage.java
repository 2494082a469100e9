package org.mriworkbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One main-source package as {@link ArchitectureTest} sees it, read from source text: which workbench packages it
 * references (and through which classes), which of its classes reference which, and its size. Reading sources
 * instead of bytecode keeps the check free of dependencies and makes it see imports that the compiler folds away
 * (constants), at the price of matching names textually.
 *
 * @param codeLines        lines with code on them (no blank or comment-only lines), package-info.java excluded
 * @param physicalLines    all lines of all .java files, package-info.java included, as {@code cat *.java | wc -l}
 *                         counts them; the size limit applies to this count
 * @param imports          referenced workbench package -> "OwnClass->TheirClass" uses
 * @param classReferences  own class -> own classes it names
 */
record SourcePackage(String name, boolean hasPackageInfo, int codeLines, int physicalLines,
                     Map<String, Set<String>> imports, Map<String, Set<String>> classReferences) {

    /** A permits clause up to the type body: names, dots and commas only, so {@code permits = 3;} is not one. */
    private static final Pattern PERMITS = Pattern.compile("\\bpermits\\s+[\\w.$<>?,\\s]+?(?=\\{)");
    private static final Pattern WORKBENCH = Pattern.compile("\\borg\\.mriworkbench\\.([a-z]\\w*)\\.(\\*|[A-Z]\\w*)");

    /** Every package directly under {@code root}, by name. */
    static Map<String, SourcePackage> readAll(Path root) throws IOException {
        Map<String, SourcePackage> out = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                SourcePackage p = read(dir);
                out.put(p.name(), p);
            }
        }
        return out;
    }

    static SourcePackage read(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String file = f.getFileName().toString();
                sources.put(file.substring(0, file.length() - ".java".length()), Files.readString(f));
            }
        }
        int physical = sources.values().stream().mapToInt(SourcePackage::countPhysicalLines).sum();
        boolean info = sources.remove("package-info") != null;
        int code = 0;
        Map<String, Set<String>> imports = new TreeMap<>();
        Map<String, Set<String>> classes = new TreeMap<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            String text = e.getValue();
            code += countCodeLines(text);
            String stripped = code(text);
            workbenchPackages(stripped, name).forEach((pkg, theirs) -> theirs.forEach(c ->
                    imports.computeIfAbsent(pkg, k -> new TreeSet<>()).add(e.getKey() + "->" + c)));
            classes.put(e.getKey(), classesNamed(stripped, name, sources.keySet(), e.getKey()));
        }
        return new SourcePackage(name, info, code, physical, imports, classes);
    }

    /** Workbench packages other than {@code own} that {@code code} names, with the classes named in each. */
    static Map<String, Set<String>> workbenchPackages(String code, String own) {
        Map<String, Set<String>> out = new TreeMap<>();
        Matcher m = WORKBENCH.matcher(code);
        while (m.find()) {
            if (!m.group(1).equals(own)) {
                out.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        return out;
    }

    /**
     * Which of {@code names}, the classes of package {@code own} other than {@code self}, {@code code} names: as a
     * simple, unqualified name, or qualified in an import (a static import of a member, say).
     */
    static Set<String> classesNamed(String code, String own, Set<String> names, String self) {
        code = withoutPermits(code);
        Set<String> out = new TreeSet<>(workbenchPackages(code, "").getOrDefault(own, Set.of()));
        out.retainAll(names);
        out.remove(self);
        for (String n : names) {
            if (!n.equals(self) && Pattern.compile("(?<![\\w.])" + Pattern.quote(n) + "\\b").matcher(code).find()) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * {@code code} without the {@code permits} clauses of sealed types. A sealed type must name its permitted
     * subtypes: that is the language's closed-world declaration, not a use of them, and each subtype already depends
     * on it through {@code extends} or {@code implements}. Counting the clause would make every sealed hierarchy a
     * two-way class dependency, whereas a real use of a subtype in the sealed type's body still counts.
     */
    static String withoutPermits(String code) {
        return PERMITS.matcher(code).replaceAll(" ");
    }

    /** Line breaks, as {@code wc -l} counts lines: blank and comment lines included. */
    static int countPhysicalLines(String source) {
        return (int) source.chars().filter(c -> c == '\n').count();
    }

    /** Lines with something other than white space and comments on them. */
    static int countCodeLines(String source) {
        return (int) strip(source, true).lines().filter(l -> !l.isBlank()).count();
    }

    /** The source without comments and with every string, text block and char literal emptied. */
    static String code(String source) {
        return strip(source, false);
    }

    /** Removes comments (keeping line breaks) and, unless {@code keepLiterals}, the contents of literals. */
    private static String strip(String s, boolean keepLiterals) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                s.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                out.append(' ');
                i = end;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = closing(s, i + 3, "\"\"\"");
                out.append(keepLiterals ? s.substring(i, end) : "\"\"" + "\n".repeat(newlines(s, i, end)));
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = closing(s, i + 1, String.valueOf(c));
                out.append(keepLiterals ? s.substring(i, end) : "\"\"");
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Index just past the closing {@code quote} that starts at or after {@code from}, skipping escapes. */
    private static int closing(String s, int from, String quote) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == '\\') {
                i += 2;
            } else if (s.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        return s.length();
    }

    private static int newlines(String s, int from, int to) {
        return (int) s.substring(from, to).chars().filter(ch -> ch == '\n').count();
    }
}

