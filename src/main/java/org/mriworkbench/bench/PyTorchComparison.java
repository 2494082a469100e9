package org.mriworkbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.model.CnnPresets;
import org.mriworkbench.model.CnnSpec;
import org.mriworkbench.model.LayerHelpers;
import org.mriworkbench.model.OneDnnLayers;
import org.mriworkbench.train.NativeThreads;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Training throughput of a preset in DL4J against the same network in PyTorch, measured in one run, interleaved.
 *
 * <p>Why interleaved: on a shared 2-core machine either framework's figure swings by a third from one minute to the
 * next (PyTorch gave 73 and 122 img/s at 128 px within the same hour here), so a ratio of two figures taken at
 * different times says little. Each round trains DL4J for a fixed number of minibatches, then PyTorch (Debian's
 * {@code python3-torch}, running {@code pytorch_classic_bench.py} from this package's resources) for the same number,
 * same architecture, batch size, thread count and preloaded random data; the report gives each round and the ratio of
 * the medians. Peak RSS is each process's high-water mark ({@code VmHWM}, {@code ru_maxrss}).
 */
public final class PyTorchComparison {

    private static final String SCRIPT = "pytorch_classic_bench.py";
    private static final int PRELOADED_IMAGES = 256;

    private PyTorchComparison() {
    }

    /**
     * Settings of one comparison.
     *
     * @param python            the Python interpreter with torch, or null to measure DL4J alone
     * @param predictBatch      minibatch size of the inference measurement
     * @param predictIterations timed inference minibatches per round (DL4J {@code InferencePass}, i.e. {@code output(x, false)}
     *                          with one workspace, PyTorch
     *                          {@code eval()} + {@code no_grad()}); 0 skips inference
     * @param rssBatches        batch sizes at which, after the rounds, each process trains 3 minibatches with its
     *                          peak RSS reset before, to report the peak that batch size needs
     */
    public record Settings(String preset, List<Integer> sizes, int batchSize, int threads, int warmup, int iterations,
                           int rounds, String python, long seed, int predictBatch, int predictIterations,
                           List<Integer> rssBatches) {
        public Settings {
            sizes = List.copyOf(sizes);
            rssBatches = List.copyOf(rssBatches);
            if (batchSize < 1 || threads < 1 || warmup < 0 || iterations < 1 || rounds < 1 || sizes.isEmpty()
                    || predictBatch < 1 || predictIterations < 0 || rssBatches.stream().anyMatch(b -> b < 1)) {
                throw new IllegalArgumentException("batch sizes, threads, iterations and rounds must be >= 1,"
                        + " warmup and predict iterations >= 0, and at least one size");
            }
        }

        /** Training only: no inference rounds, no per-batch RSS. */
        public Settings(String preset, List<Integer> sizes, int batchSize, int threads, int warmup, int iterations,
                        int rounds, String python, long seed) {
            this(preset, sizes, batchSize, threads, warmup, iterations, rounds, python, seed, 64, 0, List.of());
        }
    }

    /**
     * One input size: per-round training and inference images/s of each framework, the peak RSS of each process
     * (MiB) over the training rounds, and the peak RSS while training at each of {@link Settings#rssBatches()}.
     */
    public record SizeResult(int size, double[] dl4j, double[] pytorch, double dl4jPeakRssMib,
                             double pytorchPeakRssMib, String pytorchError, double[] dl4jPredict,
                             double[] pytorchPredict, Map<Integer, Double> dl4jRssByBatch,
                             Map<Integer, Double> pytorchRssByBatch) {

        public SizeResult {
            dl4jRssByBatch = Map.copyOf(dl4jRssByBatch);
            pytorchRssByBatch = Map.copyOf(pytorchRssByBatch);
        }

        /** DL4J / PyTorch inference images/s, ratio of the medians; NaN where either is missing. */
        public double predictRatio() {
            return median(dl4jPredict) / median(pytorchPredict);
        }

        public double dl4jMedian() {
            return median(dl4j);
        }

        public double pytorchMedian() {
            return median(pytorch);
        }

        /** DL4J / PyTorch, ratio of the medians; NaN without PyTorch figures. */
        public double ratio() {
            return dl4jMedian() / pytorchMedian();
        }
    }

    /** Runs the comparison for every size, printing a line per round and a summary per size to {@code out}. */
    public static List<SizeResult> run(Settings s, PrintStream out) throws IOException, InterruptedException {
        Path script = s.python() == null ? null : extractScript();
        NativeThreads.apply(s.threads());
        OneDnnLayers.enable(); // before the header reports it
        out.printf(Locale.ROOT, "training throughput: %s, batch %d, %d threads, %d warm-up + %d timed minibatches per"
                        + " round, %d rounds, %d preloaded random 1-channel images, Adam 1e-3; inference: %d minibatches of %d"
                + " per round%n", s.preset(), s.batchSize(), s.threads(), s.warmup(), s.iterations(), s.rounds(),
                PRELOADED_IMAGES, s.predictIterations(), s.predictBatch());
        out.println(TrainingBenchmark.environment() + "; fast layer helpers " + (LayerHelpers.enabled() ? "on" : "OFF"));
        List<SizeResult> results = new ArrayList<>();
        for (int size : s.sizes()) {
            CnnSpec spec = CnnPresets.byName(s.preset(), size, 2, s.seed());
            if (spec.head() != CnnSpec.Head.FLATTEN) {
                throw new IllegalArgumentException("the PyTorch twin builds flatten heads only, not " + spec.head());
            }
            out.printf(Locale.ROOT, "%s %dx%d: %,d trainable params (checked equal in PyTorch), %.3f GFLOP"
                    + " forward/image%n", s.preset(), size, size, spec.trainableParameterCount(),
                    spec.forwardFlopsPerImage() / 1e9);
            boolean predict = s.predictIterations() > 0;
            out.printf(Locale.ROOT, "  %5s  %6s  %12s  %15s  %6s" + (predict ? "  %12s  %15s  %6s" : "") + "%n",
                    "size", "round", "DL4J img/s", "PyTorch img/s", "ratio", "DL4J pred/s", "PyTorch pred/s",
                    "ratio");
            MultiLayerNetwork net = spec.build(new Adam(1e-3), 0);
            List<DataSet> batches = batches(spec, s.batchSize(), s.seed());
            List<INDArray> predictBatches = batches(spec, s.predictBatch(), s.seed() + 1).stream()
                    .map(DataSet::getFeatures).toList();
            double[] dl4j = new double[s.rounds()];
            double[] torch = nans(s.rounds());
            double[] dl4jPred = nans(s.rounds());
            double[] torchPred = nans(s.rounds());
            double torchRss = Double.NaN;
            Map<Integer, Double> torchRssByBatch = new TreeMap<>();
            String torchError = null;
            for (int r = 0; r < s.rounds(); r++) {
                dl4j[r] = TimedLoop.fit(net, batches, r == 0 ? s.warmup() : 1, s.iterations()).imagesPerSecond();
                if (predict) {
                    dl4jPred[r] = TimedLoop.predict(net, predictBatches, r == 0 ? 2 : 1, s.predictIterations())
                            .imagesPerSecond();
                }
                if (script != null && torchError == null) {
                    try {
                        boolean last = r == s.rounds() - 1;
                        JsonNode j = runPyTorch(s, script, spec, size, last ? s.rssBatches() : List.of());
                        long torchParams = j.get("trainable_params").asLong();
                        if (torchParams != spec.trainableParameterCount()) {
                            throw new IllegalStateException("the PyTorch net has " + torchParams
                                    + " trainable parameters, the DL4J net " + spec.trainableParameterCount()
                                    + ": not the same architecture");
                        }
                        torch[r] = j.get("images_per_s").asDouble();
                        torchPred[r] = j.path("predict_images_per_s").asDouble(Double.NaN);
                        torchRss = Double.isNaN(torchRss) ? j.get("peak_rss_mb").asDouble()
                                : Math.max(torchRss, j.get("peak_rss_mb").asDouble());
                        j.path("rss_mb_by_batch").fields().forEachRemaining(
                                e -> torchRssByBatch.put(Integer.parseInt(e.getKey()), e.getValue().asDouble()));
                    } catch (IOException e) {
                        torchError = e.getMessage();
                        out.println("  PyTorch not measured: " + torchError);
                    }
                }
                out.printf(Locale.ROOT, "  %5d  %6d  %12.1f  %15.1f  %6.2f" + (predict ? "  %12.1f  %15.1f  %6.2f"
                        : "") + "%n", size, r + 1, dl4j[r], torch[r], dl4j[r] / torch[r], dl4jPred[r],
                        torchPred[r], dl4jPred[r] / torchPred[r]);
            }
            double trainPeak = peakRssMib();
            Map<Integer, Double> dl4jRssByBatch = new TreeMap<>();
            for (int b : s.rssBatches()) {
                dl4jRssByBatch.put(b, peakRssTraining(net, spec, b, s.seed()));
            }
            SizeResult res = new SizeResult(size, dl4j, torch, trainPeak, torchRss, torchError, dl4jPred, torchPred,
                    dl4jRssByBatch, torchRssByBatch);
            results.add(res);
            out.printf(Locale.ROOT, "  %5d  %6s  %12.1f  %15.1f  %6.2f" + (predict ? "  %12.1f  %15.1f  %6.2f" : "")
                            + "%n", size, "median", res.dl4jMedian(), res.pytorchMedian(), res.ratio(),
                    median(dl4jPred), median(torchPred), res.predictRatio());
            out.printf(Locale.ROOT, "  %5d  peak RSS over the rounds: DL4J process %.0f MiB, PyTorch process %.0f MiB%n",
                    size, res.dl4jPeakRssMib(), res.pytorchPeakRssMib());
            for (int b : s.rssBatches()) {
                out.printf(Locale.ROOT, "  %5d  peak RSS training at batch %d: DL4J %.0f MiB, PyTorch %.0f MiB%n",
                        size, b, dl4jRssByBatch.get(b), torchRssByBatch.getOrDefault(b, Double.NaN));
            }
        }
        out.println("ratio = DL4J / PyTorch images per second, same net, batch, threads and data, measured"
                + " alternately in this run; pred/s: inference at batch " + s.predictBatch() + " (DL4J output(x, false) via InferencePass,"
                + " PyTorch eval() + no_grad()); RSS: process high-water mark (VmHWM), reset before each per-batch"
                + " measurement.");
        return results;
    }

    /** {@link #PRELOADED_IMAGES} random images (at least one minibatch) in minibatches of {@code batchSize}. */
    private static List<DataSet> batches(CnnSpec spec, int batchSize, long seed) {
        return TimedLoop.randomBatches(spec, batchSize, Math.max(1, PRELOADED_IMAGES / batchSize), seed);
    }

    /** Peak RSS (MiB) while {@code net} trains 3 minibatches of {@code batch}, with the high-water mark reset first. */
    private static double peakRssTraining(MultiLayerNetwork net, CnnSpec spec, int batch, long seed) {
        DataSet ds = batches(spec, batch, seed + batch).get(0);
        resetPeakRss();
        for (int i = 0; i < 3; i++) {
            net.fit(ds);
        }
        return peakRssMib();
    }

    /** Resets this process's VmHWM to its current RSS (Linux: {@code 5} to clear_refs); a no-op elsewhere. */
    static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // not Linux, or not allowed: the peak then covers the whole run, which the output's wording allows
        }
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static JsonNode runPyTorch(Settings s, Path script, CnnSpec spec, int size, List<Integer> rssBatches)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(s.python(), script.toString(),
                "--size", String.valueOf(size), "--batch", String.valueOf(s.batchSize()),
                "--threads", String.valueOf(s.threads()), "--warmup", String.valueOf(s.warmup()),
                "--iters", String.valueOf(s.iterations()), "--images", String.valueOf(PRELOADED_IMAGES),
                "--blocks", spec.blockFilters().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""),
                "--bn", spec.batchNorm() ? "1" : "0", "--dense", String.valueOf(spec.denseWidth()),
                "--dropout", String.valueOf(spec.dropout()), "--classes", String.valueOf(spec.numClasses()),
                "--seed", String.valueOf(s.seed()), "--predict-batch", String.valueOf(s.predictBatch()),
                "--predict-iters", String.valueOf(s.predictIterations()),
                "--rss-batches", rssBatches.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("")));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] all;
        try (InputStream in = p.getInputStream()) {
            all = in.readAllBytes();
        }
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("PyTorch benchmark timed out");
        }
        String text = new String(all, StandardCharsets.UTF_8);
        String last = text.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
        if (p.exitValue() != 0 || last == null) {
            String tail = text.length() > 400 ? text.substring(text.length() - 400) : text;
            throw new IOException(s.python() + " exited " + p.exitValue() + " (is python3-torch installed? run"
                    + " environment/install-deps.sh --bench): " + tail.strip());
        }
        return new ObjectMapper().readTree(last);
    }

    private static Path extractScript() throws IOException {
        Path tmp = Files.createTempFile("mri-workbench-", "-" + SCRIPT);
        tmp.toFile().deleteOnExit();
        try (InputStream in = PyTorchComparison.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException(SCRIPT + " is missing from the workbench jar");
            }
            Files.write(tmp, in.readAllBytes());
        }
        return tmp;
    }

    /** This process's peak resident set size in MiB, from /proc (NaN where there is none). */
    static double peakRssMib() {
        long bytes = PipelineBenchmark.procStatusBytes("VmHWM:");
        return bytes < 0 ? Double.NaN : bytes / 1048576.0;
    }

    static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
