package org.mriworkbench.magic;

import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * IJava's dependency magics, so that notebooks written for IJava (and DJL's, which start with {@code %maven}) run
 * here: {@code %maven group:artifact:version ...}, {@code %mavenRepo id url}, {@code %loadFromPOM pom.xml} and the
 * cell magic {@code %%loadFromPOM}. Dependencies are resolved with their runtime dependencies by Maven's own
 * resolver, against the user's {@code ~/.m2} and Maven Central plus any {@code %mavenRepo}.
 *
 * <p>The workbench's own libraries are already on the class path, and a second ND4J or gson next to them would
 * give errors far from their cause (a {@code NoSuchMethodError} in a training loop). So each resolved jar is checked
 * against {@link ClasspathInventory}: the same version is skipped, a different one is reported with both versions
 * and not loaded; the rest is added. Timeouts are short and retries few, so that an offline machine gets an error
 * naming the artifact within seconds instead of a cell that seems to hang.
 */
public final class MavenMagics implements AutoCloseable {

    /** Maven Central, as Maven itself names it. */
    static final RemoteRepository CENTRAL = repository("central", "https://repo.maven.apache.org/maven2/");
    /** System property that, set to {@code false}, leaves Central out (tests, air-gapped machines). */
    static final String CENTRAL_PROPERTY = "mri.kernel.maven.central";
    /** System property naming the local repository (default {@code ~/.m2/repository}). */
    static final String LOCAL_REPO_PROPERTY = "mri.kernel.maven.localRepository";

    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int REQUEST_TIMEOUT_MS = 60_000;

    private final Path localRepository;
    private final Map<String, RemoteRepository> repositories = new LinkedHashMap<>();
    private final ClasspathInventory inventory;
    private RepositorySystem system;

    /**
     * Magics resolving into {@code localRepository} from {@code repositories} (in order), checking conflicts
     * against {@code inventory}.
     */
    MavenMagics(Path localRepository, List<RemoteRepository> repositories, ClasspathInventory inventory) {
        this.localRepository = localRepository;
        repositories.forEach(r -> this.repositories.put(r.getId(), r));
        this.inventory = inventory;
    }

    /** The settings a notebook user gets: {@code ~/.m2/repository} and Central, unless the system properties say not. */
    public static MavenMagics fromSystemProperties(Supplier<List<String>> classpath) {
        String local = System.getProperty(LOCAL_REPO_PROPERTY);
        Path localRepo = local != null ? Path.of(local)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
        List<RemoteRepository> repos = "false".equalsIgnoreCase(System.getProperty(CENTRAL_PROPERTY))
                ? List.of() : List.of(CENTRAL);
        return new MavenMagics(localRepo, repos, new ClasspathInventory(classpath));
    }

    static RemoteRepository repository(String id, String url) {
        return new RemoteRepository.Builder(id, "default", url).build();
    }

    /** Whether this class handles line magic {@code name}. */
    public static boolean handles(String name) {
        return name.equals("maven") || name.equals("mavenRepo") || name.equals("loadFromPOM");
    }

    /** Whether this class handles cell magic {@code name}. */
    public static boolean handlesCell(String name) {
        return name.equals("loadFromPOM");
    }

    /**
     * Runs line magic {@code %name args}: adds each jar to load to {@code add} and writes what it did (and any
     * conflict) to {@code log}.
     *
     * @throws IllegalArgumentException for bad arguments or a dependency that cannot be resolved
     */
    public void apply(String name, String args, Path workingDir, Consumer<Path> add, PrintStream log) {
        switch (name) {
            case "maven" -> {
                List<String> coords = words(args);
                if (coords.isEmpty()) {
                    throw new IllegalArgumentException("%maven needs coordinates, e.g. %maven ai.djl:api:0.28.0");
                }
                List<Dependency> deps = new ArrayList<>();
                for (String c : coords) {
                    deps.add(new Dependency(artifact(c), "runtime"));
                }
                load(deps, add, log);
            }
            case "mavenRepo" -> {
                List<String> a = words(args);
                if (a.size() != 2) {
                    throw new IllegalArgumentException("%mavenRepo needs an id and a URL, e.g. "
                            + "%mavenRepo jitpack https://jitpack.io");
                }
                addRepository(a.get(0), a.get(1));
            }
            case "loadFromPOM" -> {
                List<String> a = words(args);
                if (a.size() != 1) {
                    throw new IllegalArgumentException("%loadFromPOM needs one pom.xml path (or use the cell magic "
                            + "%%loadFromPOM with the POM as the cell)");
                }
                Path pom = workingDir.resolve(a.get(0));
                try {
                    loadPom(Files.readString(pom), add, log);
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException("%loadFromPOM: cannot read " + pom.toAbsolutePath() + ": " + e);
                }
            }
            default -> throw new IllegalArgumentException("not a Maven magic: %" + name);
        }
    }

    /** {@code %%loadFromPOM}: the cell is a POM, or a fragment of one (dependencies, repositories). */
    public void loadPom(String xml, Consumer<Path> add, PrintStream log) {
        PomFragment pom = PomFragment.parse(xml);
        pom.repositories().forEach((id, url) -> addRepository(id, url));
        if (!pom.dependencies().isEmpty()) {
            load(pom.dependencies(), add, log);
        }
    }

    /** Blank-separated words, optionally quoted (unlike the classpath magics, ':' does not split: it is in URLs). */
    static List<String> words(String args) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(args);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return out;
    }

    private void addRepository(String id, String url) {
        repositories.put(id, repository(id, url.endsWith("/") ? url : url + "/"));
    }

    private static Artifact artifact(String coords) {
        try {
            return new DefaultArtifact(coords);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("%maven: " + coords + " is not group:artifact[:extension[:classifier]]"
                    + ":version, e.g. org.apache.commons:commons-math3:3.6.1");
        }
    }

    private void load(List<Dependency> deps, Consumer<Path> add, PrintStream log) {
        List<Artifact> resolved = resolve(deps);
        for (Artifact a : resolved) {
            ClasspathInventory.Present present = inventory.find(a.getGroupId(), a.getArtifactId());
            String ga = a.getGroupId() + ":" + a.getArtifactId();
            if (present != null && present.version().equals(a.getVersion())) {
                continue; // already loaded, same version
            }
            if (present != null) {
                log.println("%maven: not loading " + ga + ":" + a.getVersion() + " because " + present.version()
                        + " is already on the kernel's class path (from " + present.source() + "); "
                        + "cells keep using " + present.version() + ".");
                continue;
            }
            add.accept(a.getPath());
            inventory.record(a.getGroupId(), a.getArtifactId(), a.getVersion(), "%maven");
            log.println("%maven: added " + ga + ":" + a.getVersion());
        }
    }

    private List<Artifact> resolve(List<Dependency> deps) {
        RepositorySystem sys = system();
        String names = String.join(", ", deps.stream().map(d -> d.getArtifact().toString()).toList());
        try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(sys).get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .setSystemProperties(System.getProperties())
                .setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, CONNECT_TIMEOUT_MS)
                .setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, REQUEST_TIMEOUT_MS)
                .setConfigProperty(ConfigurationProperties.HTTP_RETRY_HANDLER_COUNT, 1)
                .build()) {
            CollectRequest collect = new CollectRequest();
            deps.forEach(collect::addDependency);
            collect.setRepositories(sys.newResolutionRepositories(session, List.copyOf(repositories.values())));
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter("runtime"));
            List<Artifact> out = new ArrayList<>();
            for (ArtifactResult r : sys.resolveDependencies(session, request).getArtifactResults()) {
                out.add(r.getArtifact());
            }
            return out;
        } catch (DependencyResolutionException e) {
            throw new IllegalArgumentException("%maven: cannot resolve " + names + " from " + describeRepositories()
                    + " and " + localRepository + ": " + rootMessage(e));
        }
    }

    private String describeRepositories() {
        if (repositories.isEmpty()) {
            return "no remote repository";
        }
        return String.join(", ", repositories.values().stream().map(r -> r.getId() + " (" + r.getUrl() + ")").toList());
    }

    private static String rootMessage(Throwable e) {
        String msg = e.getMessage();
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t instanceof java.net.UnknownHostException || t instanceof java.net.ConnectException
                    || t instanceof java.net.SocketTimeoutException) {
                return msg + " (" + t + "; is this machine offline?)";
            }
        }
        return msg;
    }

    private synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }

    @Override
    public synchronized void close() {
        if (system != null) {
            system.shutdown();
            system = null;
        }
    }
}
