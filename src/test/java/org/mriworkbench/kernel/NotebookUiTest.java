package org.mriworkbench.kernel;

import org.mriworkbench.kernelspec.KernelSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Drives the real Jupyter Notebook UI the way a student does: starts {@code /usr/bin/jupyter notebook} (as
 * {@code environment/start} does) on a copy of {@code notebooks/}, opens the first notebook in headless Chromium,
 * waits for the workbench kernel, runs all cells, and checks that images appear and no cell raised. Skipped when
 * Jupyter, Chromium or chromedriver is missing, unless {@code mri.requireJupyter=true} (CI), where that fails.
 */
class NotebookUiTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String NOTEBOOK = "01-explore-the-data.ipynb";
    /** Selenium 4.x warns that it has no CDP bindings for a newer Chromium; this test uses none. Held, not GC'd. */
    static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static {
        CDP_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    @TempDir
    Path dir;

    private Process server;
    private List<ProcessHandle> serverTree = List.of();
    private ChromeDriver driver;
    private Path serverLog;

    @Test
    void firstNotebookRunsAllCellsInTheBrowser() throws Exception {
        long start = System.nanoTime();
        JupyterHarness.require("notebook");
        requireBrowser();

        Path phantoms = dir.resolve("phantoms");
        new org.mriworkbench.phantom.PhantomGenerator(org.mriworkbench.phantom.PhantomConfig.builder().optSeed(11)
                .optTrainingPerClass(20).optTestingPerClass(5).build()).writeDataset(phantoms);
        Path prefix = dir.resolve("jupyter");
        KernelSpec.forClasspath("mri-workbench", System.getProperty("java.class.path"), List.of("-Xmx6g"))
                .installInto(KernelSpec.prefixKernelsDir(prefix));
        // A copy, so the autosave and the notebook's ../.cache write into the temp dir, never into the repo.
        Path notebooks = dir.resolve("repo/notebooks");
        Files.createDirectories(notebooks);
        try (Stream<Path> s = Files.list(Path.of("notebooks"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.copy(p, notebooks.resolve(p.getFileName()));
            }
        }

        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        int port = freePort();
        startServer(prefix, phantoms, notebooks, port, token);
        String base = "http://127.0.0.1:" + port;
        waitForServer(base + "/api/status?token=" + token, Duration.ofSeconds(60));

        driver = startBrowser();
        driver.get(base + "/notebooks/" + NOTEBOOK + "?token=" + token);
        JavascriptExecutor js = driver;
        waitFor("the notebook page and a connected, idle kernel", Duration.ofSeconds(120), () -> Boolean.TRUE.equals(
                js.executeScript("return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded"
                        + " && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()"
                        + " && document.querySelector('#kernel_indicator_icon.kernel_idle_icon'));")));
        assertEquals("mri-workbench", js.executeScript("return Jupyter.notebook.kernel.name;"),
                "the notebook did not start the workbench kernel");

        js.executeScript("Jupyter.notebook.execute_all_cells();");
        // Done when the kernel is idle, no cell is queued or running, and every code cell has an execution count
        // (or a cell raised, which aborts the cells after it).
        waitFor("all cells to finish", Duration.ofMinutes(5), () -> Boolean.TRUE.equals(js.executeScript(
                "var idle = !!document.querySelector('#kernel_indicator_icon.kernel_idle_icon');"
                        + "var running = document.querySelectorAll('.code_cell.running').length;"
                        + "var code = Jupyter.notebook.get_cells().filter(function (c) {"
                        + "  return c.cell_type === 'code'; });"
                        + "var done = code.every(function (c) { return typeof c.input_prompt_number === 'number'; });"
                        + "var failed = document.querySelectorAll('.output_error').length > 0;"
                        + "return idle && running === 0 && (done || failed);")));

        List<String> problems = new ArrayList<>();
        for (WebElement e : driver.findElements(By.cssSelector(".output_error"))) {
            problems.add("error output: " + e.getText());
        }
        for (WebElement e : driver.findElements(By.cssSelector(".output_stderr"))) {
            if (e.getText().contains("Exception")) {
                problems.add("stderr output: " + e.getText());
            }
        }
        assertEquals(List.of(), problems, () -> "cells raised\n" + serverLogTail());
        Object unrun = js.executeScript("return Jupyter.notebook.get_cells().filter(function (c) {"
                + " return c.cell_type === 'code' && typeof c.input_prompt_number !== 'number'; }).length;");
        assertEquals(0L, ((Number) unrun).longValue(), () -> "code cells left unrun\n" + serverLogTail());
        int images = driver.findElements(By.cssSelector(".output_png img, img[src^='data:image/png']")).size();
        assertTrue(images > 0, () -> "no PNG image in any cell output\n" + serverLogTail());
        Path shot = screenshot(driver, js);
        assertTrue(Files.size(shot) > 10_000, () -> shot + " is too small to show a notebook with charts");
        System.out.printf("[notebook UI] %s: %d images, %.0f s%n", NOTEBOOK, images,
                (System.nanoTime() - start) / 1e9);
    }

    /** Where the README's screenshot of a notebook in the browser lives; this test regenerates it. */
    static final Path SCREENSHOT = Path.of("docs", "notebook-screenshot.png");

    /**
     * Writes {@link #SCREENSHOT}: the browser window scrolled so that the class-balance chart, with the prose before
     * and after it, fills the view. Made by the test, so it shows what a student really sees and never goes stale.
     */
    private static Path screenshot(ChromeDriver driver, JavascriptExecutor js) throws IOException {
        WebElement chart = driver.findElements(By.cssSelector(".output_png img, img[src^='data:image/png']")).get(0);
        js.executeScript("arguments[0].scrollIntoView({block: 'center'});", chart);
        byte[] png = driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, png);
        return SCREENSHOT;
    }

    @AfterEach
    void shutDown() throws Exception {
        if (driver != null) {
            try {
                driver.quit();
            } catch (RuntimeException e) {
                System.err.println("[notebook UI] driver.quit: " + e);
            }
        }
        if (server != null) {
            // The kernel JVM is the server's child: remember the tree before the server goes, then end it all.
            List<ProcessHandle> tree = new ArrayList<>(serverTree);
            server.descendants().forEach(tree::add);
            server.destroy();
            if (!server.waitFor(15, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle p : tree) {
                if (p.isAlive()) {
                    p.destroy();
                    try {
                        p.onExit().get(10, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException e) {
                        p.destroyForcibly();
                    }
                }
            }
        }
    }

    /** Skips (or fails, when required) unless Debian's chromium and chromium-driver are installed. */
    static void requireBrowser() {
        String why = null;
        if (!Files.isExecutable(CHROMIUM)) {
            why = CHROMIUM + " not found";
        } else if (!Files.isExecutable(CHROMEDRIVER)) {
            why = CHROMEDRIVER + " not found";
        }
        if (why == null) {
            return;
        }
        if (Boolean.getBoolean("mri.requireJupyter")) {
            fail("mri.requireJupyter=true but the browser for the notebook UI test is unavailable: " + why);
        }
        Assumptions.abort("browser unavailable (environment/install-deps.sh --test installs chromium, "
                + "chromium-driver): " + why);
    }

    private void startServer(Path prefix, Path data, Path notebooks, int port, String token) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/jupyter", "notebook", "--no-browser",
                "--ip=127.0.0.1", "--port=" + port, "--port-retries=0", "--notebook-dir=" + notebooks,
                "--NotebookApp.token=" + token, "--NotebookApp.password="));
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.add("--allow-root");
        }
        serverLog = dir.resolve("jupyter-server.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(notebooks.toFile()).redirectErrorStream(true)
                .redirectOutput(serverLog.toFile());
        pb.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        pb.environment().put("JUPYTER_RUNTIME_DIR", dir.resolve("runtime").toString());
        // Neither the user's Jupyter config (a password, another browser) nor their data dir plays a part.
        pb.environment().put("JUPYTER_CONFIG_DIR", dir.resolve("config").toString());
        pb.environment().put("JUPYTER_DATA_DIR", dir.resolve("data-dir").toString());
        pb.environment().put("MRI_WORKBENCH_DATA", data.toString());
        pb.environment().put("MRI_WORKBENCH_PROFILE", "quick");
        pb.environment().putIfAbsent("OMP_WAIT_POLICY", "passive");
        pb.environment().putIfAbsent("OPENBLAS_THREAD_TIMEOUT", "4");
        server = pb.start();
    }

    private void waitForServer(String url, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                fail("Jupyter exited with " + server.exitValue() + " before answering\n" + serverLogTail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    serverTree = server.descendants().toList();
                    return;
                }
                last = "HTTP " + r.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        fail("Jupyter did not answer " + url + " within " + timeout + " (" + last + ")\n" + serverLogTail());
    }

    private ChromeDriver startBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(dir.resolve("chromedriver.log").toFile()).build();
        ChromeDriver d = new ChromeDriver(service, options);
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        return d;
    }

    private void waitFor(String what, Duration timeout, Supplier<Boolean> condition) {
        try {
            new WebDriverWait(driver, timeout, Duration.ofMillis(500)).until(d -> condition.get());
        } catch (TimeoutException e) {
            String state;
            try {
                state = String.valueOf(driver.executeScript("try { return 'kernel: '"
                        + " + (document.querySelector('#kernel_indicator_icon') || {}).className"
                        + " + ', running cells: ' + document.querySelectorAll('.code_cell.running').length"
                        + " + ', prompts: ' + Jupyter.notebook.get_cells().filter(function (c) {"
                        + "   return c.cell_type === 'code'; }).map(function (c) {"
                        + "   return c.input_prompt_number; }).join(',');"
                        + " } catch (x) { return 'page: ' + document.title + ' ' + x; }"));
            } catch (RuntimeException x) {
                state = "page state unavailable: " + x;
            }
            fail("timed out after " + timeout + " waiting for " + what + " (" + state + ")\n" + serverLogTail(), e);
        }
    }

    private String serverLogTail() {
        try {
            String s = serverLog == null ? "" : Files.readString(serverLog);
            return "--- jupyter server log (tail) ---\n" + (s.length() <= 6000 ? s : s.substring(s.length() - 6000));
        } catch (IOException e) {
            return "(server log unreadable: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
