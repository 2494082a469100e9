package org.mriworkbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md, checked on the main sources so that the map cannot drift from the tree:
 * every package has a place in the layer order and imports only packages below it, no two packages or two classes
 * of one package depend on each other (directly or round a loop), and no package grows past {@value #MAX_LINES}
 * physical lines (every line of its .java files, blank, comment and package-info lines included, as
 * {@code cat *.java | wc -l} counts them; issue #14 states the limit that way). It reads source text, not bytecode: references are import statements, static imports and fully
 * qualified names between workbench packages, and simple class names within a package; comments and string
 * literals do not count. It prints each package's imports, which is the list the architecture page summarises.
 */
class ArchitectureTest {

    /** The pipeline from the ground floor up; a package may reference only packages earlier in this list. */
    static final List<String> LAYERS = List.of(
            "core", "phantom", "decode", "data", "preprocess", "augment", "imbalance", "model", "train", "eval",
            "runeval", "explain", "chart", "experiment", "predict", "shift", "report", "sweep", "reproduce", "bench",
            "magic", "kernel", "kernelspec", "cli");

    static final int MAX_LINES = 2_500;

    // ---------------------------------------------------------------------------------------------------------
    // PENDING: violations that issue #14's other branches remove (experiment/ split, benchmark code to bench/).
    // The coordinator empties these after merging; an entry that no longer occurs fails the test, so none goes stale.
    // ---------------------------------------------------------------------------------------------------------

    /** Upward references still present, as "from -> to". */
    static final Set<String> PENDING_UPWARD = Set.of();

    /** Two-way class dependencies still inside a package, as "package: sorted classes of one cycle". */
    static final Set<String> PENDING_CLASS_CYCLES = Set.of();

    /** Packages still over {@value #MAX_LINES} physical lines. */
    static final Set<String> PENDING_SIZE = Set.of();

    private static final Path MAIN = Path.of("src", "main", "java", "org", "mriworkbench");

    private static Map<String, SourcePackage> packages;

    @BeforeAll
    static void read() throws IOException {
        packages = SourcePackage.readAll(MAIN);
        StringBuilder out = new StringBuilder("package imports (lines of code / physical lines):\n");
        for (SourcePackage p : packages.values()) {
            out.append(String.format("  %-11s %5d / %5d  imports %s%n", p.name(), p.codeLines(), p.physicalLines(),
                    p.imports().isEmpty() ? "nothing" : String.join(", ", byLayer(p.imports().keySet()))));
        }
        System.out.print(out);
    }

    @Test
    void everyPackageHasAPlaceInTheLayerOrderAndAPackageInfo() {
        for (SourcePackage p : packages.values()) {
            assertTrue(LAYERS.contains(p.name()), () -> p.name() + " is not in ArchitectureTest.LAYERS nor in "
                    + "docs/architecture.md; give it a place in the pipeline");
            assertTrue(p.hasPackageInfo(), () -> p.name() + " has no package-info.java");
        }
        assertTrue(packages.size() >= 10, "found only " + packages.keySet() + " under " + MAIN.toAbsolutePath());
    }

    @Test
    void noPackageReferencesAPackageAboveIt() {
        List<String> upward = new ArrayList<>();
        Set<String> found = new TreeSet<>();
        for (SourcePackage p : packages.values()) {
            p.imports().forEach((target, uses) -> {
                if (LAYERS.indexOf(target) > LAYERS.indexOf(p.name())) {
                    String edge = p.name() + " -> " + target;
                    found.add(edge);
                    if (!PENDING_UPWARD.contains(edge)) {
                        upward.add(edge + " (" + String.join(", ", uses) + ")");
                    }
                }
            });
        }
        assertEquals(List.of(), upward, "packages reference packages above them in " + LAYERS);
        assertEquals(new TreeSet<>(PENDING_UPWARD), new TreeSet<>(intersect(PENDING_UPWARD, found)),
                "PENDING_UPWARD lists edges that are gone; remove them");
    }

    @Test
    void noCycleBetweenPackages() {
        Map<String, Set<String>> graph = new TreeMap<>();
        packages.values().forEach(p -> graph.put(p.name(), new TreeSet<>(p.imports().keySet())));
        List<List<String>> cycles = Cycles.of(graph);
        System.out.println("package cycles: " + cycles);
        Map<String, Set<String>> settled = new TreeMap<>();
        graph.forEach((from, tos) -> settled.put(from, tos.stream()
                .filter(to -> !PENDING_UPWARD.contains(from + " -> " + to)).collect(Collectors.toCollection(TreeSet::new))));
        assertEquals(List.of(), Cycles.of(settled), "packages that depend on each other, not counting PENDING_UPWARD");
    }

    @Test
    void noCycleBetweenClassesOfOnePackage() {
        Set<String> found = new TreeSet<>();
        for (SourcePackage p : packages.values()) {
            Cycles.of(p.classReferences()).forEach(c -> found.add(p.name() + ": " + String.join(", ", c)));
        }
        System.out.println("class cycles: " + found);
        assertEquals(List.of(), found.stream().filter(c -> !PENDING_CLASS_CYCLES.contains(c)).toList(),
                "classes of one package that depend on each other");
        assertEquals(new TreeSet<>(PENDING_CLASS_CYCLES), new TreeSet<>(intersect(PENDING_CLASS_CYCLES, found)),
                "PENDING_CLASS_CYCLES lists cycles that are gone; remove them");
    }

    @Test
    void noPackageIsOverTheSizeLimit() {
        List<String> over = new ArrayList<>();
        Set<String> found = new TreeSet<>();
        for (SourcePackage p : packages.values()) {
            if (p.physicalLines() > MAX_LINES) {
                found.add(p.name());
                if (!PENDING_SIZE.contains(p.name())) {
                    over.add(p.name() + ": " + p.physicalLines() + " physical lines (" + p.codeLines() + " of code)");
                }
            }
        }
        assertEquals(List.of(), over, "packages over " + MAX_LINES + " physical lines (every line of every .java file, "
                + "package-info.java included, as cat *.java | wc -l counts them)");
        assertEquals(new TreeSet<>(PENDING_SIZE), new TreeSet<>(intersect(PENDING_SIZE, found)),
                "PENDING_SIZE lists packages that are small enough now; remove them");
    }

    /** The checks themselves, on made-up sources: each rule must be able to fail. */
    @Test
    void scannerSeesImportsQualifiedNamesAndSamePackageClassesButNotCommentsOrStrings() {
        String source = """
                package org.mriworkbench.data;

                import org.mriworkbench.core.FloatImage;
                import static org.mriworkbench.eval.Metrics.ACCURACY;
                import static org.mriworkbench.data.DataSplit.of;
                /** See {@link org.mriworkbench.cli.Main}. */
                class Probe { // org.mriworkbench.kernel.KernelMain
                    String s = "org.mriworkbench.sweep.Sweep";
                    String t = \"""
                        org.mriworkbench.report.ModelCard
                        \""";
                    Object o = new org.mriworkbench.train.Trainer();
                    DatasetIndex index; // Label only in a comment
                }
                """;
        String code = SourcePackage.code(source);
        assertEquals(Set.of("core", "eval", "train"), SourcePackage.workbenchPackages(code, "data").keySet());
        assertEquals(Set.of("DataSplit", "DatasetIndex"), SourcePackage.classesNamed(code, "data",
                Set.of("DataSplit", "DatasetIndex", "Label", "Probe"), "Probe"));
        assertEquals(List.of(List.of("a", "b", "c")), Cycles.of(Map.of("a", Set.of("b"), "b", Set.of("c"),
                "c", Set.of("a"), "d", Set.of("a"))));
        assertEquals(List.of(), Cycles.of(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of())));
        assertEquals(3, SourcePackage.countCodeLines("""
                /**
                 * doc
                 */
                class A {

                    int x; // note
                    // only a comment
                }
                """));
        assertEquals(8, SourcePackage.countPhysicalLines("""
                /**
                 * doc
                 */
                class A {

                    int x; // note
                    // only a comment
                }
                """), "as wc -l: blank and comment lines count");
        assertEquals(1, SourcePackage.countPhysicalLines("class A {}\nint y;"), "no final line break, as wc -l");
    }

    /** A sealed type's permits clause is not a dependency on its subtypes; a use of one in its body is. */
    @Test
    void scannerDoesNotCountAPermitsClauseButCountsOtherUsesOfTheSubtypes() {
        Set<String> names = Set.of("Shape", "Circle", "Square", "Probe");
        String sealed = SourcePackage.code("""
                package org.mriworkbench.data;

                public abstract sealed class Shape extends Object
                        permits Circle,
                                org.mriworkbench.data.Square {
                    int permits = 3;
                }
                """);
        assertEquals(Set.of(), SourcePackage.classesNamed(sealed, "data", names, "Shape"));
        String using = sealed.replace("int permits = 3;", "static Shape unit() { return new Circle(1); }");
        assertEquals(Set.of("Circle"), SourcePackage.classesNamed(using, "data", names, "Shape"));
        String sub = SourcePackage.code("final class Circle extends Shape { }");
        assertEquals(Set.of("Shape"), SourcePackage.classesNamed(sub, "data", names, "Circle"));
        String notAClause = SourcePackage.code("class Probe { int permits = 2; Square s; { permits++; } }");
        assertEquals(Set.of("Square"), SourcePackage.classesNamed(notAClause, "data", names, "Probe"));
    }

    private static List<String> byLayer(Set<String> names) {
        return names.stream().sorted((a, b) -> Integer.compare(rank(a), rank(b))).toList();
    }

    private static int rank(String p) {
        int i = LAYERS.indexOf(p);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        return a.stream().filter(b::contains).collect(Collectors.toSet());
    }
}
