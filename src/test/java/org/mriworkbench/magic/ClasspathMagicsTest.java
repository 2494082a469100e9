package org.mriworkbench.magic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mriworkbench.kernel.CellEvaluator;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** IJava's {@code %classpath} and {@code %jars}: argument splitting, globs, and classes usable in the same cell. */
class ClasspathMagicsTest {

    @TempDir
    Path dir;

    /** Compiles {@code demo.<name>} with a static {@code greet()} into {@code out}. */
    private static void compile(Path out, String name, String greeting) throws IOException {
        Path src = out.resolveSibling(name + "-src").resolve("demo/" + name + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package demo; public class " + name + " { public static String greet() { return \""
                + greeting + "\"; } }");
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", out.toString(), src.toString()));
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar));
             var files = Files.walk(classes)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(p));
                j.closeEntry();
            }
        }
    }

    @Test
    void argumentsSplitOnBlanksQuotesAndPathSeparators() {
        assertEquals(List.of("a.jar", "b c.jar", "d", "e"),
                ClasspathMagics.arguments("a.jar \"b c.jar\" d" + java.io.File.pathSeparator + "e"));
    }

    @Test
    void globsMatchFilesSortedAndNothingIsAnError() throws IOException {
        Files.createDirectories(dir.resolve("lib/sub"));
        for (String f : List.of("lib/b.jar", "lib/a.jar", "lib/notes.txt", "lib/sub/c.jar")) {
            Files.writeString(dir.resolve(f), "");
        }
        assertEquals(List.of(dir.resolve("lib/a.jar"), dir.resolve("lib/b.jar")),
                ClasspathMagics.resolve("lib/*.jar", dir));
        assertEquals(3, ClasspathMagics.resolve("lib/**.jar", dir).size());
        assertEquals(List.of(), ClasspathMagics.resolve("nothere/*.jar", dir));
        assertThrows(IllegalArgumentException.class, () -> ClasspathMagics.apply("jars", "lib/*.zip", dir, p -> { }));
        assertThrows(IllegalArgumentException.class, () -> ClasspathMagics.apply("jars", "", dir, p -> { }));
    }

    @Test
    void classpathAndJarsMakeClassesUsableInTheSameCell() throws IOException {
        compile(dir.resolve("classes"), "Hello", "hello from a folder");
        compile(dir.resolve("jarclasses"), "Jarred", "hello from a jar");
        Files.createDirectories(dir.resolve("libs"));
        jar(dir.resolve("jarclasses"), dir.resolve("libs/jarred-1.0.jar"));
        try (CellEvaluator eval = new CellEvaluator(CellEvaluator.jvmClasspath(), dir)) {
            assertEquals("hello from a folder", eval.eval("%classpath classes\ndemo.Hello.greet()", 1).value());
            assertEquals("hello from a jar", eval.eval("%jars libs/*.jar\ndemo.Jarred.greet()", 2).value());
        }
    }
}
