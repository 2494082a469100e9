package org.mriworkbench.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.mriworkbench.chart.ChartExport;
import org.mriworkbench.chart.ConfusionMatrixChart;
import org.mriworkbench.chart.PrecisionRecallChart;
import org.mriworkbench.chart.ReliabilityDiagram;
import org.mriworkbench.chart.RocChart;
import org.mriworkbench.chart.ThresholdSweepChart;
import org.mriworkbench.chart.TrainingCurves;
import org.mriworkbench.eval.Bootstrap;
import org.mriworkbench.eval.BootstrapInterval;
import org.mriworkbench.eval.Calibration;
import org.mriworkbench.eval.ClassMetrics;
import org.mriworkbench.eval.ClassificationMetrics;
import org.mriworkbench.eval.ConfusionMatrix;
import org.mriworkbench.eval.Metric;
import org.mriworkbench.eval.Metrics;
import org.mriworkbench.eval.OperatingPoint;
import org.mriworkbench.eval.OperatingPoints;
import org.mriworkbench.eval.Ranking;
import org.mriworkbench.eval.TemperatureScaling;
import org.mriworkbench.eval.ThresholdChoice;
import org.mriworkbench.eval.TumourDetection;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.data.Origin;
import org.mriworkbench.data.Task;
import org.mriworkbench.train.Checkpoints;
import org.mriworkbench.train.TrainConfig;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Turns a run's predictions into defensible numbers and pictures: every headline metric with a bootstrap interval,
 * a tumour-detection operating point chosen on validation (never on test), calibration before and after temperature
 * scaling, and the charts a reader looks at first. Works for binary and four-class runs; a four-class run is also
 * scored as a tumour detector with P(tumour) = 1 − P(no tumour), so the two kinds of run can be compared.
 */
public final class RunEvaluator {

    /** Sensitivity the default operating point must reach on validation. */
    public static final double DEFAULT_TARGET_SENSITIVITY = 0.98;

    /** Suffix of the files {@code evaluate --test official} writes ({@code metrics-official.json}, ...). */
    public static final String OFFICIAL_SUFFIX = "-official";

    /** Headline key of the test ECE after temperature scaling (present when validation predictions exist). */
    public static final String ECE_TEMPERATURE_SCALED = "eceTemperatureScaled";

    private final Bootstrap bootstrap;
    private final double targetSensitivity;
    private final Map<String, Integer> clusterOf;
    private final boolean perImage;

    private RunEvaluator(Bootstrap bootstrap, double targetSensitivity, Map<String, Integer> clusterOf,
                         boolean perImage) {
        this.bootstrap = bootstrap;
        this.targetSensitivity = targetSensitivity;
        this.clusterOf = clusterOf;
        this.perImage = perImage;
    }

    /**
     * An evaluator with {@code resamples} seeded bootstrap resamples and a 0.98 sensitivity target. Intervals resample
     * duplicate clusters when they are known (a run's {@value TestClusters#FILE}, or {@link #withClusters}), else
     * images.
     */
    public static RunEvaluator create(int resamples, long seed) {
        return new RunEvaluator(Bootstrap.withSeed(seed).withResamples(resamples), DEFAULT_TARGET_SENSITIVITY, null,
                false);
    }

    /**
     * Resamples whole duplicate clusters ({@code clusterOf}: image id to cluster id, e.g.
     * {@link PreparedData#clusterIds()}) in every interval, for runs that did not keep their test clusters. An image
     * missing from the map is a cluster of its own.
     */
    public RunEvaluator withClusters(Map<String, Integer> clusterOf) {
        return new RunEvaluator(bootstrap, targetSensitivity, Map.copyOf(clusterOf), perImage);
    }

    /** Resamples single images even when clusters are known: the classic bootstrap, for comparison. */
    public RunEvaluator perImage() {
        return new RunEvaluator(bootstrap, targetSensitivity, clusterOf, true);
    }

    /** The bootstrap behind every interval, for figures a caller computes beside {@link #evaluate}. */
    public Bootstrap bootstrap() {
        return bootstrap;
    }

    public RunEvaluator withTargetSensitivity(double target) {
        return new RunEvaluator(bootstrap, target, clusterOf, perImage);
    }

    /** Binary labels (1 = tumour) of a task's labels. */
    public static int[] detectionLabels(int[] labels, int k) {
        return TumourDetection.labels(labels, k);
    }

    /** P(tumour) of a task's probabilities. */
    public static double[] detectionScores(double[][] probs, int k) {
        return TumourDetection.scores(probs, k);
    }

    /** Evaluates test predictions, using validation predictions for the threshold and the calibration fit. */
    public RunEvaluation evaluate(String run, String task, String testSet, Predictions test, Predictions validation) {
        return evaluate(run, task, testSet, test, validation, perImage ? null : clusterOf);
    }

    /**
     * As {@link #evaluate(String, String, String, Predictions, Predictions)}, resampling the clusters of
     * {@code clusters} (image id to cluster id; null resamples images).
     */
    private RunEvaluation evaluate(String run, String task, String testSet, Predictions test, Predictions validation,
                                   Map<String, Integer> clusters) {
        int[] cl = clusterArray(test.ids(), clusters);
        java.util.function.BiFunction<Metric, double[][], BootstrapInterval> ci =
                (m, q) -> bootstrap.interval(m, test.labels(), q, cl);
        int[] y = test.labels();
        double[][] p = test.probabilities();
        int k = test.classNames().size();
        Map<String, BootstrapInterval> headline = new LinkedHashMap<>();
        headline.put("accuracy", ci.apply(Metrics.ACCURACY, p));
        headline.put("balancedAccuracy", ci.apply(Metrics.BALANCED_ACCURACY, p));
        headline.put("macroF1", ci.apply(Metrics.MACRO_F1, p));
        headline.put("cohenKappa", ci.apply(Metrics.COHEN_KAPPA, p));
        headline.put("tumourAuc", ci.apply(detection((yy, ss) -> Ranking.rocAuc(yy, ss).value(), k), p));
        if (k > 2) {
            headline.put("macroAuc", ci.apply(Metrics.MACRO_AUC, p));
        }
        headline.put("logLoss", ci.apply(Metrics.LOG_LOSS, p));
        headline.put("brier", ci.apply(Metrics.MULTICLASS_BRIER, p));
        headline.put("ece", ci.apply(Metrics.ECE, p));

        List<RunEvaluation.ClassFigures> perClass = new ArrayList<>();
        List<ClassMetrics> pc = ClassificationMetrics.perClass(y, p);
        for (int c = 0; c < k; c++) {
            final int cls = c;
            ClassMetrics m = pc.get(c);
            perClass.add(new RunEvaluation.ClassFigures(test.classNames().get(c), m.support(),
                    ci.apply(Metrics.recall(c), p),
                    ci.apply((l, q) -> ClassificationMetrics.perClass(l, q).get(cls).specificity(), p),
                    m.precision(), m.f1(), m.npv()));
        }

        RunEvaluation.OperatingPointFigures op = null;
        RunEvaluation.CalibrationFigures cal = null;
        if (validation != null) {
            int[] vy = detectionLabels(validation.labels(), k);
            double[] vs = detectionScores(validation.probabilities(), k);
            ThresholdChoice choice = OperatingPoints.thresholdForSensitivity(vy, vs, targetSensitivity);
            double thr = choice.threshold();
            op = new RunEvaluation.OperatingPointFigures(targetSensitivity, thr, choice.validation().sensitivity(),
                    choice.validation().specificity(),
                    ci.apply(detection((yy, ss) -> OperatingPoints.at(yy, ss, thr).sensitivity(), k), p),
                    ci.apply(detection((yy, ss) -> OperatingPoints.at(yy, ss, thr).specificity(), k), p),
                    choice.reason());
            TemperatureScaling ts = TemperatureScaling.fitOnProbabilities(validation.labels(),
                    validation.probabilities());
            double[][] scaled = ts.applyToProbabilities(p);
            cal = new RunEvaluation.CalibrationFigures(ts.temperature(), Calibration.expectedCalibrationError(y, p),
                    Calibration.expectedCalibrationError(y, scaled), ts.nllBefore(), ts.nllAfter());
            // The temperature is fitted on validation and held fixed while the test images are resampled.
            headline.put(ECE_TEMPERATURE_SCALED, ci.apply(Metrics.ECE, scaled));
        }
        return new RunEvaluation(run, task, testSet, y.length, test.classNames(), bootstrap.resamples(),
                bootstrap.seed(), headline, perClass, op, cal, ConfusionMatrix.fromProbabilities(y, p).counts(),
                cl == null ? RunEvaluation.IMAGES : RunEvaluation.CLUSTERS,
                cl == null ? null : bootstrap.interval(Metrics.ACCURACY, y, p));
    }

    /** Cluster id per sample (clusters numbered densely; unknown images get their own), or null for none. */
    private static int[] clusterArray(List<String> ids, Map<String, Integer> clusters) {
        if (clusters == null || clusters.isEmpty()) {
            return null;
        }
        int[] out = new int[ids.size()];
        int fresh = Integer.MIN_VALUE;
        for (int i = 0; i < out.length; i++) {
            Integer c = clusters.get(ids.get(i));
            out[i] = c != null ? c : fresh++;
        }
        return out;
    }

    /** A metric on (labels, probabilities) that scores the detection view. */
    private static Metric detection(java.util.function.ToDoubleBiFunction<int[], double[]> f, int k) {
        return (labels, probs) -> f.applyAsDouble(detectionLabels(labels, k), detectionScores(probs, k));
    }

    /**
     * Evaluates a run folder on its own (leakage-free) test predictions and writes {@code metrics.json} and the
     * charts as PNG into {@code outDir}. Intervals resample duplicate clusters when the run kept its test clusters
     * ({@value TestClusters#FILE}) or {@link #withClusters} gave them, unless {@link #perImage()} was asked.
     */
    public RunEvaluation evaluateRun(Path runDir, Path outDir) throws IOException {
        Predictions test = Predictions.read(runDir.resolve(Predictions.FILE));
        String task = test.classNames().size() == 2 ? "BINARY" : "FOUR_CLASS";
        Map<String, Integer> clusters = perImage ? null : clusterOf != null ? clusterOf : TestClusters.read(runDir);
        RunEvaluation e = evaluate(runDir.getFileName().toString(), task, "leakage-free", test,
                validationPredictions(runDir), clusters);
        write(e, test, outDir, "");
        Path history = runDir.resolve("history.csv");
        if (Files.exists(history)) {
            Table h = Table.read().csv(history.toFile());
            ChartExport.png(TrainingCurves.loss(h), outDir.resolve("training-loss.png"));
            ChartExport.png(TrainingCurves.accuracy(h), outDir.resolve("training-accuracy.png"));
        }
        return e;
    }

    /**
     * Evaluates a run's predictions on the official Testing folder (see {@link #officialPredictions}) and writes
     * {@code metrics-official.json} and the charts into the run folder.
     */
    public RunEvaluation evaluateOfficial(Path runDir, Task task, Predictions official) throws IOException {
        RunEvaluation e = evaluate(runDir.getFileName().toString(), task.name(), "official", official,
                validationPredictions(runDir));
        write(e, official, runDir, OFFICIAL_SUFFIX);
        return e;
    }

    /**
     * Predictions of a run's kept model on every image of the official Testing folder, leaked copies included;
     * written to {@code predictions-official.csv}.
     */
    public static Predictions officialPredictions(PreparedData data, Path runDir, Task task) throws IOException {
        int[] testing = IntStream.range(0, data.index().size())
                .filter(i -> data.index().get(i).origin() == Origin.TESTING).toArray();
        if (testing.length == 0) {
            throw new IllegalArgumentException("this data set has no official Testing folder");
        }
        MultiLayerNetwork net = Checkpoints.loadNetwork(runDir.resolve(Checkpoints.MODEL_FILE), false);
        boolean flip = TrainConfig.read(runDir.resolve(Checkpoints.CONFIG_FILE)).testTimeFlip();
        Predictions official = Predictions.compute(net, task, data.dataset(testing, task), 64, flip);
        official.write(runDir.resolve("predictions" + OFFICIAL_SUFFIX + ".csv"));
        return official;
    }

    /** A run's validation predictions, or null when it has none (then no threshold and no calibration fit). */
    private static Predictions validationPredictions(Path runDir) throws IOException {
        Path valFile = runDir.resolve(ExperimentRunner.VALIDATION_PREDICTIONS);
        return Files.exists(valFile) ? Predictions.read(valFile) : null;
    }

    /** The metrics file for a suffix: {@code metrics.json} for "", {@code metrics-official.json} for the official one. */
    public static String metricsFile(String suffix) {
        return "metrics" + suffix + ".json";
    }

    /** Writes {@code metrics<suffix>.json} and the evaluation charts for one test set. */
    public void write(RunEvaluation e, Predictions test, Path outDir, String suffix) throws IOException {
        Files.createDirectories(outDir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(outDir.resolve(metricsFile(suffix)).toFile(), e);
        int k = test.classNames().size();
        int[] y = test.labels();
        double[][] p = test.probabilities();
        ChartExport.png(ConfusionMatrixChart.of(ConfusionMatrix.fromProbabilities(y, p), test.classNames(),
                "Confusion matrix, " + e.testSet() + " test (n=" + y.length + ")", org.mriworkbench.chart.ChartStyle.notebook()),
                outDir.resolve("confusion-matrix" + suffix + ".png"));
        int[] dy = detectionLabels(y, k);
        double[] ds = detectionScores(p, k);
        ChartExport.png(RocChart.builder().add(e.run(), Ranking.rocCurve(dy, ds), e.headline().get("tumourAuc"))
                .optTitle("Tumour detection ROC, " + e.testSet() + " test").build(), outDir.resolve("roc" + suffix + ".png"));
        ChartExport.png(PrecisionRecallChart.builder().add(e.run(), Ranking.precisionRecallCurve(dy, ds),
                        Ranking.averagePrecision(dy, ds).value())
                .optTitle("Tumour detection precision-recall, " + e.testSet() + " test").build(),
                outDir.resolve("pr" + suffix + ".png"));
        ChartExport.png(ReliabilityDiagram.of(Calibration.reliabilityBins(y, p, Calibration.DEFAULT_BINS)),
                outDir.resolve("reliability" + suffix + ".png"));
        double thr = e.operatingPoint() == null ? Double.NaN : e.operatingPoint().threshold();
        List<OperatingPoint> sweep = OperatingPoints.sweep(dy, ds, grid());
        ChartExport.png(ThresholdSweepChart.of(sweep, thr), outDir.resolve("threshold-sweep" + suffix + ".png"));
        OperatingPoints.toTable(sweep).write().csv(outDir.resolve("threshold-sweep" + suffix + ".csv").toFile());
    }

    private static double[] grid() {
        double[] g = new double[99];
        for (int i = 0; i < g.length; i++) {
            g[i] = (i + 1) / 100.0;
        }
        return g;
    }
}
