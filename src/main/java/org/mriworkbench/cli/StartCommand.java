package org.mriworkbench.cli;

import org.mriworkbench.chart.DataCharts;
import org.mriworkbench.data.AuditReport;
import org.mriworkbench.data.DataLocation;
import org.mriworkbench.data.DataSplit;
import org.mriworkbench.data.DatasetIndex;
import org.mriworkbench.data.DatasetSplitter;
import org.mriworkbench.data.DuplicateAudit;
import org.mriworkbench.data.AuditConfig;
import org.mriworkbench.data.SplitConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The workbench's main job from the command line: find the data (real or phantoms), audit it, show its default
 * split, and write a preview picture. It is what a newcomer runs first, so it explains what it finds.
 */
@Command(name = "start", description = "Find the data, audit it, split it and write a preview (the README's first command).",
        mixinStandardHelpOptions = true)
final class StartCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--out", paramLabel = "DIR", description = "where pictures and CSVs go (default: ${DEFAULT-VALUE})")
    Path out = Path.of("runs", "start");

    @Override
    public Integer call() throws Exception {
        System.out.println("MRI Workbench: research and teaching only, not for diagnosis.");
        DataLocation loc = data.resolve();
        if (loc.kind() == DataLocation.Kind.PHANTOM) {
            System.out.println("No real data configured: using synthetic phantoms, which are for trying the "
                    + "workbench, not for medicine. Set " + DataLocation.ENV_VAR + " or --data to use real data.");
        }
        DatasetIndex index = DataCommand.scan(data, loc);
        System.out.println(index.toTable().countBy("split", "label").print());
        AuditReport audit = DuplicateAudit.run(index, AuditConfig.DEFAULT);
        System.out.println(audit.summaryTable().printAll());
        DataSplit split = DatasetSplitter.split(index, audit, SplitConfig.DEFAULT);
        System.out.println(split.countsTable().print());
        Files.createDirectories(out);
        ImageIO.write(DataCharts.samples(index, 6, 1), "png", out.resolve("preview.png").toFile());
        ImageIO.write(DataCharts.nearPairsAroundThreshold(index, audit, 6), "png",
                out.resolve("near-pairs-around-threshold.png").toFile());
        audit.groupsTable(true).write().csv(out.resolve("clusters.csv").toFile());
        split.toTable().write().csv(out.resolve("split.csv").toFile());
        System.out.println("Wrote preview.png, near-pairs-around-threshold.png, clusters.csv and split.csv to "
                + out.toAbsolutePath());
        return 0;
    }
}
