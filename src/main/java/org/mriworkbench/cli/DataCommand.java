package org.mriworkbench.cli;

import org.mriworkbench.chart.DataCharts;
import org.mriworkbench.data.AuditConfig;
import org.mriworkbench.data.AuditReport;
import org.mriworkbench.data.DataLocation;
import org.mriworkbench.data.DataSplit;
import org.mriworkbench.data.DatasetImporter;
import org.mriworkbench.data.DatasetIndex;
import org.mriworkbench.data.DatasetScanner;
import org.mriworkbench.data.DatasetSplitter;
import org.mriworkbench.data.DuplicateAudit;
import org.mriworkbench.phantom.GeneratedDataset;
import org.mriworkbench.decode.ImageDecoder;
import org.mriworkbench.phantom.PhantomConfig;
import org.mriworkbench.phantom.PhantomGenerator;
import org.mriworkbench.data.SplitConfig;
import picocli.CommandLine.Command;
import tech.tablesaw.api.Table;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code data ...}: index, audit, split, preview, phantoms and import. */
@Command(name = "data", description = "Index, audit, split and preview a data set; generate phantoms; import a zip.",
        subcommands = {DataCommand.Where.class, DataCommand.Index.class, DataCommand.Audit.class, DataCommand.Split.class,
                DataCommand.Preview.class, DataCommand.Phantoms.class, DataCommand.Import.class},
        mixinStandardHelpOptions = true)
final class DataCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Paths shown per kind of skipped file; the counts cover all of them. */
    static final int ISSUES_PER_KIND = 5;

    static DatasetIndex scan(DataOptions options, DataLocation loc) {
        return scan(options, new ScanOptions(), loc);
    }

    static DatasetIndex scan(DataOptions options, ScanOptions scanOptions, DataLocation loc) {
        DatasetIndex index = DatasetScanner.create().withProgress(ProgressBar.onStderr())
                .withMaxPixels(scanOptions.maxPixels).withCache(options.cacheDir().resolve("index")).scan(loc.path());
        if (!index.issues().isEmpty()) {
            System.err.println(index.issueSummary(ISSUES_PER_KIND));
            System.err.println("(data audit writes every skipped file to skipped-files.csv)");
        }
        return index;
    }

    /** Writes {@code table} to {@code csv} (creating its folder) and says so; does nothing when {@code csv} is null. */
    static void writeCsv(Table table, Path csv) throws IOException {
        if (csv == null) {
            return;
        }
        Files.createDirectories(csv.toAbsolutePath().getParent());
        table.write().csv(csv.toFile());
        System.out.println("wrote " + csv);
    }

    /**
     * Scan settings of the data commands. Training and prediction decode with the default limit
     * ({@link ImageDecoder#DEFAULT_MAX_PIXELS}), which fits every MRI slice.
     */
    static final class ScanOptions {
        @Option(names = "--max-pixels", paramLabel = "N",
                description = "refuse images whose header declares more pixels than this, before decoding "
                        + "(default: ${DEFAULT-VALUE}, i.e. 8192 x 8192)")
        long maxPixels = ImageDecoder.DEFAULT_MAX_PIXELS;
    }

    /** Audit options shared by audit and split. */
    static final class AuditOptions {
        @Option(names = "--max-hash-distance", description = "dHash bits for a near-copy candidate (default: ${DEFAULT-VALUE})")
        int maxHashDistance = AuditConfig.DEFAULT.maxHashDistance();

        @Option(names = "--min-correlation", description = "thumbnail correlation to confirm a near copy (default: ${DEFAULT-VALUE})")
        double minCorrelation = AuditConfig.DEFAULT.minCorrelation();

        AuditConfig config() {
            return new AuditConfig(maxHashDistance, minCorrelation);
        }
    }

    @Command(name = "where", description = "Print the data folder the workbench would use (generating phantoms if "
            + "nothing else is found).", mixinStandardHelpOptions = true)
    static final class Where implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Override
        public Integer call() throws IOException {
            System.out.println(data.resolve().path());
            return 0;
        }
    }

    @Command(name = "index", description = "Scan the data set and print (or write) its index.", mixinStandardHelpOptions = true)
    static final class Index implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Mixin
        ScanOptions scanOptions;

        @Option(names = "--csv", paramLabel = "FILE", description = "write the index (one row per image) as CSV")
        Path csv;

        @Override
        public Integer call() throws IOException {
            DatasetIndex index = scan(data, scanOptions, data.resolve());
            Table table = index.toTable();
            System.out.println(table.countBy("split", "label").print());
            System.out.println("fingerprint " + index.fingerprint());
            writeCsv(table, csv);
            return 0;
        }
    }

    @Command(name = "audit", description = "Find exact and near duplicates and train/test leakage.", mixinStandardHelpOptions = true)
    static final class Audit implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Mixin
        ScanOptions scanOptions;

        @Mixin
        AuditOptions audit;

        @Option(names = "--out", paramLabel = "DIR", description = "folder for the audit's CSVs and pictures (default: ${DEFAULT-VALUE})")
        Path out = Path.of("runs", "audit");

        @Override
        public Integer call() throws IOException {
            DatasetIndex index = scan(data, scanOptions, data.resolve());
            AuditReport report = DuplicateAudit.run(index, audit.config());
            System.out.println(report.summaryTable().printAll());
            Files.createDirectories(out);
            report.summaryTable().write().csv(out.resolve("summary.csv").toFile());
            report.groupsTable(false).write().csv(out.resolve("exact-groups.csv").toFile());
            report.groupsTable(true).write().csv(out.resolve("clusters.csv").toFile());
            index.issuesTable().write().csv(out.resolve("skipped-files.csv").toFile());
            ImageIO.write(DataCharts.nearPairsAroundThreshold(index, report, 6), "png",
                    out.resolve("near-pairs-around-threshold.png").toFile());
            System.out.println("wrote summary.csv, exact-groups.csv, clusters.csv, skipped-files.csv and "
                    + "near-pairs-around-threshold.png to " + out.toAbsolutePath());
            return 0;
        }
    }

    @Command(name = "split", description = "Split without leakage and print class counts per subset.", mixinStandardHelpOptions = true)
    static final class Split implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Mixin
        ScanOptions scanOptions;

        @Mixin
        AuditOptions audit;

        @Option(names = "--mode", description = "grouped-resplit (default) or official-test")
        String mode = "grouped-resplit";

        @Option(names = "--seed", description = "split seed (default: ${DEFAULT-VALUE})")
        long seed = SplitConfig.DEFAULT.seed();

        @Option(names = "--csv", paramLabel = "FILE", description = "write path, label and subset of every image")
        Path csv;

        @Override
        public Integer call() throws IOException {
            DatasetIndex index = scan(data, scanOptions, data.resolve());
            AuditReport report = DuplicateAudit.run(index, audit.config());
            DataSplit split = DatasetSplitter.split(index, report,
                    SplitConfig.DEFAULT.withMode(SplitConfig.Mode.parse(mode)).withSeed(seed));
            System.out.println(split.countsTable().print());
            System.out.println("leakage-free: " + DatasetSplitter.isLeakageFree(split, report));
            System.out.println("split fingerprint " + split.fingerprint());
            writeCsv(split.toTable(), csv);
            return 0;
        }
    }

    @Command(name = "preview", description = "Write a picture with sample images of every class.", mixinStandardHelpOptions = true)
    static final class Preview implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Mixin
        ScanOptions scanOptions;

        @Option(names = "--out", paramLabel = "PNG", description = "default: ${DEFAULT-VALUE}")
        Path out = Path.of("runs", "preview.png");

        @Option(names = "--per-class", description = "images per class (default: ${DEFAULT-VALUE})")
        int perClass = 6;

        @Override
        public Integer call() throws IOException {
            DatasetIndex index = scan(data, scanOptions, data.resolve());
            Files.createDirectories(out.toAbsolutePath().getParent());
            ImageIO.write(DataCharts.samples(index, perClass, 1), "png", out.toFile());
            System.out.println("wrote " + out.toAbsolutePath());
            return 0;
        }
    }

    @Command(name = "phantoms", description = "Generate a synthetic brain-phantom data set (not for medicine).", mixinStandardHelpOptions = true)
    static final class Phantoms implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "DIR", description = "default: ${DEFAULT-VALUE}")
        Path out = Path.of("data", "phantoms");

        @Option(names = "--seed")
        long seed = PhantomConfig.defaults().seed();

        @Option(names = "--size", description = "image side in pixels (default: ${DEFAULT-VALUE})")
        int size = PhantomConfig.defaults().imageSize();

        @Option(names = "--train-per-class")
        int trainPerClass = PhantomConfig.defaults().trainingPerClass();

        @Option(names = "--test-per-class")
        int testPerClass = PhantomConfig.defaults().testingPerClass();

        @Override
        public Integer call() throws IOException {
            PhantomConfig cfg = PhantomConfig.builder().optSeed(seed).optImageSize(size)
                    .optTrainingPerClass(trainPerClass).optTestingPerClass(testPerClass).build();
            GeneratedDataset ds = new PhantomGenerator(cfg).writeDataset(out);
            System.out.printf("%s %d phantom images in %s (%.0f images/s)%n", ds.reused() ? "reused" : "wrote",
                    ds.images(), ds.root(), ds.imagesPerSecond());
            return 0;
        }
    }

    @Command(name = "import", description = "Import a downloaded Kaggle zip into data/brain-tumor-mri.", mixinStandardHelpOptions = true)
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "ZIP")
        Path zip;

        @Option(names = "--target", paramLabel = "DIR", description = "default: data/brain-tumor-mri")
        Path target;

        @Option(names = "--replace", description = "replace an existing data set at the target")
        boolean replace;

        @Override
        public Integer call() throws IOException {
            Path t = target != null ? target : DatasetImporter.defaultTarget(Path.of("").toAbsolutePath());
            System.out.println(DatasetImporter.importZip(zip, t, replace).summary());
            return 0;
        }
    }
}
