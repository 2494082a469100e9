package org.mriworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import org.mriworkbench.data.AuditConfig;
import org.mriworkbench.data.SplitConfig;
import org.mriworkbench.data.Task;
import org.mriworkbench.sweep.Sweep;
import org.mriworkbench.sweep.SweepMetric;
import org.mriworkbench.sweep.SweepResult;
import org.mriworkbench.sweep.SweepSpec;
import org.mriworkbench.sweep.TrialData;
import org.mriworkbench.train.Json;
import org.mriworkbench.train.TrainConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code sweep}: a search over training configs, ranked on validation; see {@link Sweep}. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Search over training configs (a grid or a seeded random draw over config.json fields), "
                + "selected on validation only: the test set is never read.",
                "Every trial is a recorded run; running the same sweep again reuses finished trials and resumes an "
                        + "interrupted one. Writes trials.csv, configurations.csv, factors.csv and one chart per "
                        + "factor into the sweep folder.",
                "With a seed factor (--grid seed=42,43,44), trials that differ only in seed are one configuration: "
                        + "configurations are ranked by the mean over their seeds, with McNemar summed over the seeds "
                        + "each shares with the best, and the best configuration's first seed is reported as best.",
                "Example: sweep --config base.json --grid augmentStrength=0,0.5,1 --grid model.head=flatten,"
                        + "global-average --trials 4 --metric balancedAccuracy"})
final class SweepCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC",
            description = "sweep spec JSON: {\"base\"|\"basePath\", \"grid\", \"random\", \"budget\", \"metric\"}")
    Path specFile;

    @Option(names = "--resume", paramLabel = "SWEEP_DIR", description = "continue the sweep kept in this folder")
    Path resume;

    @Option(names = "--config", paramLabel = "FILE", description = "base TrainConfig JSON when there is no SPEC")
    Path config;

    @Option(names = "--grid", paramLabel = "PATH=V1,V2", description = "a factor: config.json field path and its "
            + "values (repeatable; added to the SPEC's grid)")
    List<String> grid = new ArrayList<>();

    @Option(names = "--random", paramLabel = "N", description = "draw N trials at random from the grid instead of all")
    Integer random;

    @Option(names = "--random-seed", description = "seed of the random draw (default: ${DEFAULT-VALUE})")
    long randomSeed = 1;

    @Option(names = "--trials", description = "budget: at most this many trials")
    Integer trials;

    @Option(names = "--minutes", description = "budget: start no trial after this many minutes of training")
    Double minutes;

    @Option(names = "--metric", description = "validation metric to rank by, one of: accuracy, balancedAccuracy, "
            + "macroF1, cohenKappa, tumourAuc, logLoss, brier, ece (default: the spec's, else balancedAccuracy)")
    String metric;

    @Option(names = "--name", description = "sweep name (default: the spec file's name, else 'sweep')")
    String name;

    @Option(names = "--out", paramLabel = "DIR", description = "sweep folder (default: sweeps/<name>)")
    Path out;

    @Option(names = "--runs", description = "runs folder (default: ${DEFAULT-VALUE})")
    Path runs = Path.of("runs");

    @Option(names = "--task", description = "base config without --config: binary or four-class (default: ${DEFAULT-VALUE})")
    String task = "four-class";

    @Option(names = "--preset", description = "base config without --config (default: ${DEFAULT-VALUE})")
    String preset = "classic";

    @Option(names = "--size", description = "base config without --config: input size (default: ${DEFAULT-VALUE})")
    int size = 64;

    @Option(names = "--epochs", description = "base config without --config (default: ${DEFAULT-VALUE})")
    int epochs = 5;

    @Option(names = "--seed", description = "base config without --config (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--threads", description = "base config without --config: native threads (default: ${DEFAULT-VALUE})")
    int threads = TrainConfig.DEFAULT_THREADS;

    @Option(names = "--split", description = "grouped-resplit (default, leakage-free) or official-test")
    String splitMode = "grouped-resplit";

    @Option(names = "--split-seed", description = "seed of the split (default: ${DEFAULT-VALUE})")
    long splitSeed = SplitConfig.DEFAULT.seed();

    @Option(names = "--denoise", description = "Gaussian denoising sigma in pixels, 0 for none (default: ${DEFAULT-VALUE})")
    double denoise = 0;

    @Override
    public Integer call() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        TrainCommand.stopOnShutdown(stop);
        Sweep sweep = resume != null ? Sweep.resume(resume) : create();
        System.out.println("sweep folder: " + sweep.dir().toAbsolutePath() + " (" + sweep.trials().size()
                + " trials, ranked by validation " + sweep.spec().metric().id() + ")");
        SweepResult r = sweep.withListener(TrainCommand.consoleListener()).withStopSignal(stop::get)
                .withLog(System.out::println).run();
        System.out.println();
        System.out.print(r.summary());
        return 0;
    }

    private Sweep create() throws Exception {
        SweepSpec spec;
        if (specFile != null) {
            spec = SweepSpec.read(specFile);
            if (name != null) {
                spec = spec.withName(name);
            }
        } else {
            TrainConfig base = config != null ? TrainConfig.read(config)
                    : TrainConfig.builder().setTask(Task.parse(task)).setPreset(preset).setInputSize(size)
                    .setSeed(seed).setEpochs(epochs).optThreads(threads).optAugmentation(true, 1.0).build();
            spec = SweepSpec.of(name != null ? name : "sweep", base);
        }
        for (String g : grid) {
            int eq = g.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--grid takes PATH=V1,V2,..., got '" + g + "'");
            }
            spec = spec.withFactor(g.substring(0, eq).trim(), values(g.substring(eq + 1)));
        }
        if (random != null) {
            spec = spec.withRandom(random, randomSeed);
        }
        if (trials != null || minutes != null) {
            spec = spec.withBudget(new SweepSpec.Budget(trials != null ? trials : spec.budget().trials(),
                    minutes != null ? minutes : spec.budget().minutes()));
        }
        if (metric != null) {
            spec = spec.withMetric(SweepMetric.parse(metric));
        }
        TrialData where = new TrialData(data.resolve().path().toAbsolutePath().toString(),
                data.cacheDir().toAbsolutePath().toString(), runs.toAbsolutePath().toString(), AuditConfig.DEFAULT,
                SplitConfig.DEFAULT.withMode(SplitConfig.Mode.parse(splitMode)).withSeed(splitSeed), denoise, 0, 0);
        return Sweep.of(spec, where, out != null ? out : Path.of("sweeps", spec.name()));
    }

    /** Comma-separated values: JSON where they parse (numbers, booleans), text otherwise. */
    private static ArrayNode values(String csv) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (String v : csv.split(",")) {
            String s = v.trim();
            JsonNode n;
            try {
                n = Json.mapper().readTree(s);
            } catch (Exception e) {
                n = null;
            }
            a.add(n != null && (n.isNumber() || n.isBoolean()) ? n : TextNode.valueOf(s));
        }
        return a;
    }
}
