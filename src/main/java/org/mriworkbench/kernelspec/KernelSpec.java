package org.mriworkbench.kernelspec;

import org.mriworkbench.kernel.*;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Jupyter kernelspec ({@code kernel.json}) for this kernel, and where to install it without root.
 *
 * <p>The command names the JVM that wrote the spec by its absolute path rather than {@code java}: Jupyter starts
 * kernels with its own {@code PATH}, which on a teaching machine often finds an older Java first, and the kernel
 * would then fail to start with an error only visible in the server's log.
 *
 * <p>Interrupts are sent as messages ({@code interrupt_mode: message}): a JVM has no portable way to catch SIGINT,
 * and JJava serves the control channel on its own thread, so an interrupt request reaches
 * {@link WorkbenchKernel#interrupt()} while a cell runs.
 *
 * @param name        the folder name, which is how notebooks refer to the kernel
 * @param displayName what the notebook's kernel menu shows
 * @param argv        the command Jupyter runs, with {@code {connection_file}} in it
 */
public record KernelSpec(String name, String displayName, List<String> argv) {

    /** The kernel's default name; notebooks record it in their metadata. */
    public static final String DEFAULT_NAME = "mri-workbench";
    /** The kernel menu's entry. */
    public static final String DISPLAY_NAME = "Java (MRI Workbench)";
    /** Jupyter replaces this with the connection file's path. */
    public static final String CONNECTION_FILE = "{connection_file}";

    public KernelSpec {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a kernel name may hold only letters, digits, '.', '_' and '-': " + name);
        }
        argv = List.copyOf(argv);
        if (!argv.contains(CONNECTION_FILE)) {
            throw new IllegalArgumentException("argv must contain " + CONNECTION_FILE);
        }
    }

    /**
     * Runs the kernel from the shaded workbench jar: {@code java [options] -cp JAR KernelMain {connection_file}}.
     * {@link KernelMain} directly rather than {@code -jar JAR kernel}: the command-line parser (picocli, compiled
     * for Java 5, so neither archivable nor cheaply verified) cost a third of the main thread's CPU time at start.
     */
    public static KernelSpec forJar(String name, Path jar, List<String> jvmOptions) {
        List<String> argv = new ArrayList<>();
        argv.add(currentJava());
        argv.addAll(jvmOptions);
        argv.addAll(List.of("-cp", jar.toAbsolutePath().normalize().toString(), KernelMain.class.getName(),
                CONNECTION_FILE));
        return new KernelSpec(name, DISPLAY_NAME, argv);
    }

    /** Runs {@link KernelMain} from a classpath (tests, or a build without the shaded jar). */
    public static KernelSpec forClasspath(String name, String classpath, List<String> jvmOptions) {
        List<String> argv = new ArrayList<>();
        argv.add(currentJava());
        argv.addAll(jvmOptions);
        argv.addAll(List.of("-cp", absolute(classpath), KernelMain.class.getName(), CONNECTION_FILE));
        return new KernelSpec(name, DISPLAY_NAME, argv);
    }

    /** Jupyter starts kernels in the notebook's folder, so relative classpath entries would point nowhere. */
    static String absolute(String classpath) {
        StringBuilder sb = new StringBuilder();
        for (String e : classpath.split(java.io.File.pathSeparator)) {
            if (!e.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : java.io.File.pathSeparator).append(Path.of(e).toAbsolutePath());
            }
        }
        return sb.toString();
    }

    /** The {@code java} launcher of the running JVM. */
    static String currentJava() {
        Path java = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "java.exe" : "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    /** The {@code kernel.json} text. */
    public String toJson() {
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode a = root.putArray("argv");
        argv.forEach(a::add);
        root.put("display_name", displayName);
        root.put("language", "java");
        root.put("interrupt_mode", "message");
        // Training in a notebook needs the same native settings as the launchers: idle OpenMP threads that sleep
        // instead of spinning (spinning doubled training CPU on 2 shared cores), huge pages for oneDNN buffers, and
        // OpenBLAS workers that sleep right after each matrix product (environment/workbench says why).
        root.putObject("env").put("OMP_WAIT_POLICY", "passive").put("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1")
                .put("OPENBLAS_THREAD_TIMEOUT", "4");
        root.putObject("metadata").put("debugger", false);
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code <kernelsDir>/<name>/kernel.json}, replacing an earlier one; returns the kernel's folder. */
    public Path installInto(Path kernelsDir) throws IOException {
        Path dir = kernelsDir.resolve(name);
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "kernel", ".json.tmp");
        Files.writeString(tmp, toJson());
        Files.move(tmp, dir.resolve("kernel.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return dir;
    }

    /**
     * The current user's kernels folder, where {@code jupyter kernelspec list} looks without root, by Jupyter's own
     * rules ({@link #userDataDir(Map, String, String)}) applied to this process's environment.
     */
    public static Path userKernelsDir() {
        return userDataDir(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"))
                .resolve("kernels");
    }

    /**
     * Jupyter's per-user data folder, as {@code jupyter_core.paths.jupyter_data_dir()} finds it: {@code
     * JUPYTER_DATA_DIR} if set; otherwise under the home folder, {@code ~/Library/Jupyter} on macOS,
     * {@code %APPDATA%\jupyter} on Windows, and {@code $XDG_DATA_HOME/jupyter} or {@code ~/.local/share/jupyter}
     * elsewhere.
     *
     * <p>The home folder is the {@code HOME} variable, as Python's {@code os.path.expanduser("~")} reads it, and
     * only without it Java's {@code user.home}: Java takes {@code user.home} from the password database, so with
     * {@code HOME} pointed elsewhere (a container, a CI job, a shared teaching account) the kernel was installed
     * where Jupyter never looked. A pure function of its arguments so that tests can pass any environment.
     *
     * @param env      the environment variables (usually {@link System#getenv()})
     * @param osName   the {@code os.name} system property
     * @param userHome Java's {@code user.home}, used only when {@code HOME} (on Windows {@code USERPROFILE}) is unset
     */
    public static Path userDataDir(Map<String, String> env, String osName, String userHome) {
        String dataDir = env.get("JUPYTER_DATA_DIR");
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        boolean windows = os.startsWith("windows");
        String homeVar = env.get(windows ? "USERPROFILE" : "HOME");
        Path home = Path.of(homeVar != null && !homeVar.isBlank() ? homeVar : userHome);
        if (os.startsWith("mac")) {
            return home.resolve("Library/Jupyter");
        }
        if (windows) {
            String appData = env.get("APPDATA");
            return (appData == null || appData.isBlank() ? home.resolve("AppData/Roaming") : Path.of(appData))
                    .resolve("jupyter");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path data = xdg == null || xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg);
        return data.resolve("jupyter");
    }

    /** {@code <prefix>/share/jupyter/kernels}: for a virtual environment, or a folder on {@code JUPYTER_PATH}. */
    public static Path prefixKernelsDir(Path prefix) {
        return prefix.resolve("share/jupyter/kernels");
    }
}
