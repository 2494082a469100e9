package org.mriworkbench.cli;

import org.mriworkbench.kernelspec.ClassDataArchive;
import org.mriworkbench.kernel.KernelMain;
import org.mriworkbench.kernelspec.KernelSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code kernel FILE} runs the Jupyter kernel on a connection file (what Jupyter calls); {@code kernel install}
 * registers it with Jupyter for the current user, no root needed.
 */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = {"Run the Java notebook kernel on a Jupyter connection file.",
                "Use 'kernel install' first so that Jupyter lists \"" + KernelSpec.DISPLAY_NAME + "\"."},
        subcommands = KernelCommand.Install.class)
final class KernelCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "CONNECTION_FILE", description = "the file Jupyter passes as {connection_file}")
    Path connectionFile;

    @Override
    public Integer call() throws Exception {
        if (connectionFile == null) {
            System.err.println("kernel: a connection file is needed (Jupyter passes it); to register the kernel "
                    + "with Jupyter run: kernel install");
            return 2;
        }
        if (!Files.isRegularFile(connectionFile)) {
            System.err.println("kernel: no connection file " + connectionFile);
            return 2;
        }
        KernelMain.serveThenExit(connectionFile); // ends the JVM: cells may have left threads running
        return 0;
    }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Write a kernelspec so Jupyter offers \"" + KernelSpec.DISPLAY_NAME + "\" (no root needed).")
    static final class Install implements Callable<Integer> {

        static final class Where {
            @Option(names = "--user", description = "into the user's Jupyter data folder, found by Jupyter's rules: "
                    + "$JUPYTER_DATA_DIR, else $XDG_DATA_HOME/jupyter or $HOME/.local/share/jupyter (default)")
            boolean user;

            @Option(names = "--prefix", paramLabel = "DIR", description = "into DIR/share/jupyter/kernels (a venv, or a JUPYTER_PATH entry)")
            Path prefix;
        }

        @ArgGroup(exclusive = true)
        Where where;

        @Option(names = "--name", description = "kernel name (default: ${DEFAULT-VALUE})")
        String name = KernelSpec.DEFAULT_NAME;

        @Option(names = "--jvm-option", paramLabel = "OPT", description = "extra JVM option, e.g. --jvm-option=-Xmx8g (repeatable)")
        List<String> jvmOptions = new ArrayList<>();

        @Option(names = "--no-class-data-sharing", description = "do not record the class-data archive (by default "
                + "a kernel start and a first cell are recorded beside kernel.json, about 20 s, and every kernel maps "
                + "them at start; shaded jar only; recorded again when the jar or the JVM changes)")
        boolean noClassDataSharing;

        @Override
        public Integer call() throws Exception {
            Path self = codeLocation();
            Path kernels = where != null && where.prefix != null ? KernelSpec.prefixKernelsDir(where.prefix)
                    : KernelSpec.userKernelsDir();
            boolean jar = self.toString().endsWith(".jar");
            List<String> options = new ArrayList<>(jvmOptions);
            if (jar && !noClassDataSharing) {
                try {
                    ClassDataArchive.prepare(kernels.resolve(name), List.of(self), jvmOptions, System.out)
                            .ifPresent(archive -> options.addAll(ClassDataArchive.jvmOptions(archive)));
                } catch (IOException e) { // the archive only speeds up starts: install without it
                    System.out.println("Class-data sharing: not used (" + e + "); the kernel works without it");
                }
            }
            KernelSpec spec = jar ? KernelSpec.forJar(name, self, options)
                    : KernelSpec.forClasspath(name, System.getProperty("java.class.path"), options);
            Path dir = spec.installInto(kernels);
            System.out.println("Installed kernel \"" + spec.displayName() + "\" (" + spec.name() + ") in " + dir);
            System.out.println("Check with: jupyter kernelspec list");
            if (where != null && where.prefix != null) {
                System.out.println("Jupyter finds it when JUPYTER_PATH includes "
                        + where.prefix.resolve("share/jupyter").toAbsolutePath() + ", or when " + where.prefix
                        + " is the prefix Jupyter itself is installed in (e.g. its virtual environment).");
            }
            return 0;
        }

        private static Path codeLocation() throws URISyntaxException {
            return Path.of(KernelCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        }
    }
}
