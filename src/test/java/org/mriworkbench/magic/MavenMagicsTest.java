package org.mriworkbench.magic;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.kernel.CellEvaluator;
import org.mriworkbench.kernel.CompilationException;
import org.mriworkbench.kernel.EvaluationException;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code %maven}, {@code %mavenRepo} and {@code %%loadFromPOM} against a file-based Maven repository this test builds
 * under {@code target/}: no network (Central is not among the repositories, and the local repository is a fresh
 * temporary folder, so nothing can come from {@code ~/.m2} either).
 */
class MavenMagicsTest {

    @TempDir
    Path dir;
    private Path remote;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void buildRepository() throws IOException {
        remote = Path.of("target", "maven-magic-repo-" + UUID.randomUUID()).toAbsolutePath();
        // demo:greeter:1.0 depends on demo:words:1.0, so the transitive jar must be loaded too.
        publish("demo", "words", "1.0", "Words", "public static String hello() { return \"hello\"; }", "", null);
        publish("demo", "greeter", "1.0", "Greeter",
                "public static String greet(String who) { return demo.Words.hello() + \", \" + who; }",
                "<dependencies><dependency><groupId>demo</groupId><artifactId>words</artifactId><version>1.0</version>"
                        + "</dependency></dependencies>", "words");
        // A second gson, which the workbench already has in another version.
        publish("com.google.code.gson", "gson", "2.8.0", "FakeGson", "public static int x() { return 1; }", "", null);
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        try (var files = Files.walk(remote)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Writes GROUP/ARTIFACT/VERSION/ARTIFACT-VERSION.{jar,pom} with class demo.NAME in the jar. */
    private void publish(String group, String artifact, String version, String className, String body, String deps,
                         String compileAgainst) throws IOException {
        Path src = dir.resolve("src-" + artifact + "/demo/" + className + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package demo; public class " + className + " { " + body + " }");
        Path classes = dir.resolve("classes-" + artifact);
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
        if (compileAgainst != null) {
            args.addAll(List.of("-cp", dir.resolve("classes-" + compileAgainst).toString()));
        }
        args.add(src.toString());
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)));
        Path folder = remote.resolve(group.replace('.', '/')).resolve(artifact).resolve(version);
        Files.createDirectories(folder);
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(folder.resolve(artifact + "-" + version + ".jar")));
             var files = Files.walk(classes)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(p));
                j.closeEntry();
            }
        }
        Files.writeString(folder.resolve(artifact + "-" + version + ".pom"), "<project><modelVersion>4.0.0</modelVersion>"
                + "<groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId><version>" + version
                + "</version>" + deps + "</project>");
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) { // checksums, as a real repository has them
                byte[] sha1 = java.security.MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(f));
                Files.writeString(f.resolveSibling(f.getFileName() + ".sha1"), java.util.HexFormat.of().formatHex(sha1));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A session with no remote repository: the cells must add the file repository themselves. */
    private CellEvaluator session() {
        List<String> cp = CellEvaluator.jvmClasspath();
        MavenMagics maven = new MavenMagics(dir.resolve("local-repo"), List.of(), new ClasspathInventory(() -> cp));
        CellEvaluator eval = new CellEvaluator(cp, dir, maven);
        closing.add(eval);
        return eval;
    }

    private static String captureOut(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void mavenLoadsAnArtifactAndItsDependencyForTheNextCell() {
        CellEvaluator eval = session();
        String log = captureOut(() -> eval.eval("%mavenRepo local " + remote.toUri() + "\n%maven demo:greeter:1.0", 1));
        assertTrue(log.contains("added demo:greeter:1.0"), log);
        assertTrue(log.contains("added demo:words:1.0"), log);
        assertEquals("hello, notebook", eval.eval("demo.Greeter.greet(\"notebook\")", 2).value());
        assertTrue(Files.isRegularFile(dir.resolve("local-repo/demo/greeter/1.0/greeter-1.0.jar")));
    }

    @Test
    void loadFromPomCellResolvesItsRepositoriesAndDependencies() {
        CellEvaluator eval = session();
        captureOut(() -> eval.eval("%%loadFromPOM\n<repositories><repository><id>local</id><url>" + remote.toUri()
                + "</url></repository></repositories>\n<dependencies><dependency><groupId>demo</groupId>"
                + "<artifactId>greeter</artifactId><version>1.0</version></dependency>"
                + "<dependency><groupId>x</groupId><artifactId>y</artifactId><version>1</version><scope>test</scope>"
                + "</dependency></dependencies>", 1));
        assertEquals("hello, pom", eval.eval("demo.Greeter.greet(\"pom\")", 2).value());
    }

    @Test
    void aDifferentVersionOfAWorkbenchLibraryIsReportedWithBothVersionsAndNotLoaded() {
        CellEvaluator eval = session();
        ClasspathInventory.Present gson = new ClasspathInventory(CellEvaluator::jvmClasspath)
                .find("com.google.code.gson", "gson");
        assertTrue(gson != null && !gson.version().equals("2.8.0"), "the test class path should hold gson: " + gson);
        String log = captureOut(() -> eval.eval("%mavenRepo local " + remote.toUri()
                + "\n%maven com.google.code.gson:gson:2.8.0", 1));
        assertTrue(log.contains("com.google.code.gson:gson:2.8.0") && log.contains(gson.version()), log);
        assertThrows(CompilationException.class, () -> eval.eval("demo.FakeGson.x()", 2));
    }

    @Test
    void aMissingArtifactFailsNamingItAndTheRepositories() {
        CellEvaluator eval = session();
        EvaluationException e = assertThrows(EvaluationException.class,
                () -> eval.eval("%mavenRepo local " + remote.toUri() + "\n%maven demo:absent:9.9", 1));
        assertTrue(e.getMessage().contains("demo:absent") && e.getMessage().contains("local ("), e.getMessage());
        assertThrows(EvaluationException.class, () -> eval.eval("%maven not-coordinates", 2));
    }

    @Test
    void anUnreachableRepositoryFailsFastWithTheArtifactNamed() {
        CellEvaluator eval = session();
        // Port 9 on localhost: nothing listens, so the connection is refused at once (no network used).
        EvaluationException e = assertThrows(EvaluationException.class,
                () -> eval.eval("%mavenRepo nowhere http://127.0.0.1:9/maven2\n%maven demo:greeter:1.0", 1));
        assertTrue(e.getMessage().contains("demo:greeter:jar:1.0") && e.getMessage().contains("nowhere"),
                e.getMessage());
    }

    @Test
    void pomFragmentsSkipManagedAndTestDependencies() {
        PomFragment f = PomFragment.parse("<project><dependencyManagement><dependencies><dependency><groupId>a"
                + "</groupId><artifactId>b</artifactId><version>1</version></dependency></dependencies>"
                + "</dependencyManagement><dependencies><dependency><groupId>c</groupId><artifactId>d</artifactId>"
                + "<version>2</version></dependency></dependencies></project>");
        assertEquals(1, f.dependencies().size());
        assertEquals("c:d:jar:2", f.dependencies().get(0).getArtifact().toString());
        assertThrows(IllegalArgumentException.class, () -> PomFragment.parse("<dependency>"));
        assertFalse(MavenMagics.handles("jars"));
    }
}
