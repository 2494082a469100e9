package org.mriworkbench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.chart.ChartExport;
import org.mriworkbench.chart.ChartStyle;
import org.mriworkbench.chart.ConfusionMatrixChart;
import org.mriworkbench.chart.PrecisionRecallChart;
import org.mriworkbench.chart.ReliabilityDiagram;
import org.mriworkbench.chart.RocChart;
import org.mriworkbench.chart.ThresholdSweepChart;
import org.mriworkbench.chart.TrainingCurves;
import org.mriworkbench.data.Origin;
import org.mriworkbench.data.Task;
import org.mriworkbench.eval.Calibration;
import org.mriworkbench.eval.ConfusionMatrix;
import org.mriworkbench.eval.OperatingPoint;
import org.mriworkbench.eval.OperatingPoints;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.eval.Ranking;
import org.mriworkbench.runeval.RunEvaluation;
import org.mriworkbench.runeval.RunEvaluator;
import org.mriworkbench.experiment.PreparedData;
import org.mriworkbench.experiment.RunFolder;
import org.mriworkbench.experiment.TestClusters;
import org.mriworkbench.train.Checkpoints;
import org.mriworkbench.train.TrainConfig;
import tech.tablesaw.api.Table;

/**
 * What {@code evaluate} leaves in a run folder: {@code metrics.json} and the charts a reader looks at first
 * (confusion matrix, ROC, precision-recall, reliability, threshold sweep, training curves). The numbers come from
 * {@link RunEvaluator}; this class only reads the run's predictions and writes the results, so the figures a notebook
 * computes in memory and those {@code evaluate} writes cannot drift apart.
 */
public final class EvaluationReport {

    private static final int EVAL_BATCH = 64;

    private final RunEvaluator evaluator;

    private EvaluationReport(RunEvaluator evaluator) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    /** A report computed with {@code evaluator} (its resamples, seed, clusters and sensitivity target). */
    public static EvaluationReport of(RunEvaluator evaluator) {
        return new EvaluationReport(evaluator);
    }

    /**
     * Evaluates a run folder on its own (leakage-free) test predictions and writes {@code metrics.json} and the
     * charts as PNG into {@code outDir}. Intervals resample duplicate clusters when the run kept its test clusters
     * ({@value RunFolder#TEST_CLUSTERS_FILE}) or the evaluator was given them, unless it was asked to resample images.
     */
    public RunEvaluation evaluateRun(Path runDir, Path outDir) throws IOException {
        RunFolder f = new RunFolder(runDir);
        Predictions test = Predictions.read(f.predictions());
        String task = test.classNames().size() == 2 ? "BINARY" : "FOUR_CLASS";
        RunEvaluation e = evaluator.withClustersUnlessSet(TestClusters.read(runDir))
                .evaluate(f.name(), task, "leakage-free", test, validationPredictions(f));
        write(e, test, outDir, "");
        if (Files.exists(f.history())) {
            Table h = Table.read().csv(f.history().toFile());
            ChartExport.png(TrainingCurves.loss(h), outDir.resolve(RunFolder.chartFile("training-loss", "", "png")));
            ChartExport.png(TrainingCurves.accuracy(h),
                    outDir.resolve(RunFolder.chartFile("training-accuracy", "", "png")));
        }
        return e;
    }

    /**
     * Evaluates a run's predictions on the official Testing folder (see {@link #officialPredictions}) and writes
     * {@code metrics-official.json} and the charts into the run folder.
     */
    public RunEvaluation evaluateOfficial(Path runDir, Task task, Predictions official) throws IOException {
        RunFolder f = new RunFolder(runDir);
        RunEvaluation e = evaluator.evaluate(f.name(), task.name(), "official", official, validationPredictions(f));
        write(e, official, runDir, RunFolder.OFFICIAL_SUFFIX);
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
        RunFolder f = new RunFolder(runDir);
        MultiLayerNetwork net = Checkpoints.loadNetwork(f.model(), false);
        boolean flip = TrainConfig.read(f.config()).testTimeFlip();
        Predictions official = Predictions.compute(net, task, data.dataset(testing, task), EVAL_BATCH, flip);
        official.write(f.officialPredictions());
        return official;
    }

    /** A run's validation predictions, or null when it has none (then no threshold and no calibration fit). */
    private static Predictions validationPredictions(RunFolder f) throws IOException {
        return Files.exists(f.validationPredictions()) ? Predictions.read(f.validationPredictions()) : null;
    }

    /** Writes {@code metrics<suffix>.json} and the evaluation charts for one test set. */
    public void write(RunEvaluation e, Predictions test, Path outDir, String suffix) throws IOException {
        Files.createDirectories(outDir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(outDir.resolve(RunFolder.metricsFile(suffix)).toFile(), e);
        int k = test.classNames().size();
        int[] y = test.labels();
        double[][] p = test.probabilities();
        ChartExport.png(ConfusionMatrixChart.of(ConfusionMatrix.fromProbabilities(y, p), test.classNames(),
                "Confusion matrix, " + e.testSet() + " test (n=" + y.length + ")", ChartStyle.notebook()),
                outDir.resolve(RunFolder.chartFile("confusion-matrix", suffix, "png")));
        int[] dy = RunEvaluator.detectionLabels(y, k);
        double[] ds = RunEvaluator.detectionScores(p, k);
        ChartExport.png(RocChart.builder().add(e.run(), Ranking.rocCurve(dy, ds), e.headline().get("tumourAuc"))
                .optTitle("Tumour detection ROC, " + e.testSet() + " test").build(),
                outDir.resolve(RunFolder.chartFile("roc", suffix, "png")));
        ChartExport.png(PrecisionRecallChart.builder().add(e.run(), Ranking.precisionRecallCurve(dy, ds),
                        Ranking.averagePrecision(dy, ds).value())
                .optTitle("Tumour detection precision-recall, " + e.testSet() + " test").build(),
                outDir.resolve(RunFolder.chartFile("pr", suffix, "png")));
        ChartExport.png(ReliabilityDiagram.of(Calibration.reliabilityBins(y, p, Calibration.DEFAULT_BINS)),
                outDir.resolve(RunFolder.chartFile("reliability", suffix, "png")));
        double thr = e.operatingPoint() == null ? Double.NaN : e.operatingPoint().threshold();
        List<OperatingPoint> sweep = OperatingPoints.sweep(dy, ds, grid());
        ChartExport.png(ThresholdSweepChart.of(sweep, thr),
                outDir.resolve(RunFolder.chartFile("threshold-sweep", suffix, "png")));
        OperatingPoints.toTable(sweep).write()
                .csv(outDir.resolve(RunFolder.chartFile("threshold-sweep", suffix, "csv")).toFile());
    }

    private static double[] grid() {
        double[] g = new double[99];
        for (int i = 0; i < g.length; i++) {
            g[i] = (i + 1) / 100.0;
        }
        return g;
    }
}
