package org.mriworkbench.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.mriworkbench.eval.ClassificationReport;
import org.mriworkbench.eval.MetricValue;
import org.mriworkbench.train.EpochStats;
import org.mriworkbench.train.TrainConfig;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.mriworkbench.eval.Predictions;

/**
 * Every run under a runs folder as one table, one row per run: what was trained (config), how far it got (history),
 * how well it did on its test subset (from {@code predictions.csv}) and where it came from (manifest). Metrics of a
 * run without predictions are NaN. A folder that cannot be read is left out with a note in {@link Listing#skipped()};
 * it never stops the listing.
 */
public final class RunRegistry {

    private RunRegistry() {
    }

    /**
     * The table and the folders left out of it.
     *
     * @param table   one row per readable run, oldest first
     * @param skipped one note per unreadable folder: its name and why
     */
    public record Listing(Table table, List<String> skipped) {
        public Listing {
            skipped = List.copyOf(skipped);
        }
    }

    /** The table of runs under {@code runsRoot}; unreadable folders are left out (see {@link #scan}). */
    public static Table table(Path runsRoot) throws IOException {
        return scan(runsRoot).table();
    }

    /**
     * Reads every folder under {@code runsRoot} that has a {@code config.json} or {@code manifest.json}; other
     * folders are not runs and are ignored silently. An empty or missing root gives an empty table.
     */
    public static Listing scan(Path runsRoot) throws IOException {
        Table t = emptyTable();
        List<String> skipped = new ArrayList<>();
        for (Path dir : candidates(runsRoot)) {
            RunRecord r;
            try {
                r = RunRecord.read(dir);
            } catch (IOException | RuntimeException e) {
                skipped.add(dir.getFileName() + ": " + e.getMessage());
                continue;
            }
            addRow(t, r);
        }
        return new Listing(t, skipped);
    }

    private static List<Path> candidates(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory)
                    .filter(p -> Files.exists(new RunFolder(p).config())
                            || Files.exists(new RunFolder(p).manifest()))
                    .sorted().toList();
        }
    }

    private static Table emptyTable() {
        return Table.create("runs",
                StringColumn.create("folder"), StringColumn.create("name"), StringColumn.create("task"),
                StringColumn.create("preset"), IntColumn.create("input"), IntColumn.create("epochs"),
                IntColumn.create("batch"), StringColumn.create("optimiser"), DoubleColumn.create("lr"),
                StringColumn.create("schedule"), StringColumn.create("imbalance"), StringColumn.create("augment"),
                LongColumn.create("seed"), StringColumn.create("status"), IntColumn.create("epochs done"),
                DoubleColumn.create("best val loss"), DoubleColumn.create("test accuracy"),
                DoubleColumn.create("balanced accuracy"), DoubleColumn.create("macro F1"),
                DoubleColumn.create("tumour AUC"), StringColumn.create("commit"), DoubleColumn.create("wall s"));
    }

    private static void addRow(Table t, RunRecord r) {
        TrainConfig c = r.config();
        Manifest m = r.manifest();
        ClassificationReport rep = r.predictions().map(Predictions::report).orElse(null);
        t.stringColumn("folder").append(r.folder().name());
        t.stringColumn("name").append(c.runName());
        t.stringColumn("task").append(c.task().name().toLowerCase(Locale.ROOT));
        t.stringColumn("preset").append(c.preset());
        t.intColumn("input").append(c.inputSize());
        t.intColumn("epochs").append(c.epochs());
        t.intColumn("batch").append(c.batchSize());
        t.stringColumn("optimiser").append(c.optimiser().name().toLowerCase(Locale.ROOT));
        t.doubleColumn("lr").append(c.learningRate());
        t.stringColumn("schedule").append(c.lrSchedule().getClass().getSimpleName().toLowerCase(Locale.ROOT));
        t.stringColumn("imbalance").append(c.imbalance());
        t.stringColumn("augment").append(c.augment() ? "yes" : "no");
        t.longColumn("seed").append(c.seed());
        t.stringColumn("status").append(m.endTime() != null ? "finished" : "unfinished");
        t.intColumn("epochs done").append(r.history().size());
        t.doubleColumn("best val loss").append(r.bestEpoch().map(EpochStats::valLoss).orElse(Double.NaN));
        t.doubleColumn("test accuracy").append(rep == null ? Double.NaN : rep.accuracy());
        t.doubleColumn("balanced accuracy").append(rep == null ? Double.NaN : rep.balancedAccuracy());
        t.doubleColumn("macro F1").append(rep == null ? Double.NaN : rep.macroF1());
        t.doubleColumn("tumour AUC").append(rep == null ? Double.NaN : tumourAuc(rep));
        String commit = m.gitCommit() == null ? "unknown" : m.gitCommit();
        t.stringColumn("commit").append((commit.length() > 7 ? commit.substring(0, 7) : commit)
                + (m.gitDirty() ? "+" : ""));
        t.doubleColumn("wall s").append(m.wallSeconds());
    }

    /**
     * AUC of P(tumour): the four-class report's tumour-vs-none AUC, or for a binary model (classes no-tumour,
     * tumour) its one AUC. NaN when undefined (e.g. a test subset with one class).
     */
    static double tumourAuc(ClassificationReport rep) {
        MetricValue v = rep.k() == 2 ? rep.macroAuc() : rep.tumourAuc();
        return v.isDefined() ? v.value() : Double.NaN;
    }
}
