package org.mriworkbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.mriworkbench.data.DataLocation;
import org.mriworkbench.model.CnnSpec;
import org.mriworkbench.preprocess.GaussianDenoise;
import org.mriworkbench.preprocess.ImageOp;
import org.mriworkbench.preprocess.Preprocessing;
import org.mriworkbench.train.AtomicFiles;
import org.mriworkbench.train.Checkpoints;
import org.mriworkbench.train.EpochStats;
import org.mriworkbench.train.Optimiser;
import org.mriworkbench.train.TrainConfig;

import static org.mriworkbench.report.Markdown.code;
import static org.mriworkbench.report.Markdown.count;
import static org.mriworkbench.report.Markdown.num;
import org.mriworkbench.experiment.ExperimentRunner;
import org.mriworkbench.experiment.Manifest;
import org.mriworkbench.experiment.RunData;
import org.mriworkbench.experiment.RunRecord;
import org.mriworkbench.experiment.RunFolder;

/**
 * A Markdown model card (after Mitchell et al., "Model Cards for Model Reporting", FAT* 2019) for one run, written
 * only from what the run folder records: {@code config.json}, {@code manifest.json}, {@code data.json},
 * {@code history.csv}, {@code predictions.csv} and whatever {@code metrics*.json} {@code evaluate} has written. A card
 * that could invent or recompute numbers would drift from the run it describes; so a missing file is reported as
 * missing, with the command that produces it, and every figure can be traced to one file.
 *
 * <p>The card states the intended use (research and teaching, not diagnosis) and the data set's known problems
 * (duplicates across the official split, no patient IDs, label noise, a single public source) because a reader
 * who only sees an accuracy cannot know them.
 */
public final class ModelCard {

    /** How the card spells the command line in commands to copy. */
    static final String CLI = Markdown.CLI;

    private ModelCard() {
    }

    /**
     * How a card names its run in the commands it prints. A card kept in its run folder names that folder and its
     * {@code config.json}. A card published elsewhere (such as {@code docs/reference-runs/}) must work for a reader
     * with a fresh clone, who has neither this machine's paths nor its git-ignored {@code runs/}: it names the run
     * folder {@code RUN_DIR} and points at a copy of {@code config.json} published beside the card.
     *
     * @param runDir how commands name the run folder
     * @param config how {@code train --config} names the config
     */
    public record Shown(String runDir, String config) {
    }

    /** Renders the card for the run in {@code runDir}; needs {@code config.json} and {@code manifest.json}. */
    public static String render(Path runDir) throws IOException {
        return render(RunRecord.read(runDir));
    }

    /** Renders the card for a run read back with {@link RunRecord#read}, naming the run folder as it is. */
    public static String render(RunRecord run) throws IOException {
        Path dir = run.folder().dir();
        return render(run, new Shown(dir.toString(), new RunFolder(dir).config().toString()));
    }

    /** Renders the card, naming the run folder and config in commands as {@code shown} says. */
    public static String render(RunRecord run, Shown shown) throws IOException {
        Path dir = run.folder().dir();
        Optional<RunData> data = Files.isRegularFile(new RunFolder(dir).data())
                ? Optional.of(RunData.read(dir)) : Optional.empty();
        StringBuilder sb = new StringBuilder();
        header(sb, run, data);
        intendedUse(sb);
        data(sb, run, data);
        preprocessing(sb, run, data);
        architecture(sb, run.config().model(), run.config().preset());
        training(sb, run);
        ModelCardEvaluation.evaluation(sb, dir, shown.runDir());
        ModelCardEvaluation.failureModes(sb, run, shown.runDir());
        reproduce(sb, run, data, shown);
        return sb.toString();
    }

    /**
     * Renders the card and writes it atomically to {@code out}; returns {@code out}. A card written outside its run
     * folder is published: the run's {@code config.json} is copied beside it as {@link #configFile} and the card's
     * commands name that copy, relative to the working directory (the repository root, for {@code reproduce}).
     */
    public static Path write(Path runDir, Path out) throws IOException {
        RunRecord run = RunRecord.read(runDir);
        Path parent = out.toAbsolutePath().normalize().getParent();
        if (parent.equals(runDir.toAbsolutePath().normalize())) {
            AtomicFiles.writeString(out, render(run));
            return out;
        }
        Path config = parent.resolve(configFile(out.getFileName().toString()));
        Files.createDirectories(parent);
        Files.copy(new RunFolder(runDir).config(), config, StandardCopyOption.REPLACE_EXISTING);
        AtomicFiles.writeString(out, render(run, new Shown("RUN_DIR", shownPath(config))));
        return out;
    }

    /** The published config's file name beside a card named {@code cardFile}: {@code X-MODEL_CARD.md} → {@code X-config.json}. */
    public static String configFile(String cardFile) {
        String stem = cardFile.endsWith(RunFolder.MODEL_CARD_FILE)
                ? cardFile.substring(0, cardFile.length() - RunFolder.MODEL_CARD_FILE.length())
                : cardFile.replaceFirst("\\.md$", "") + "-";
        return stem + Checkpoints.CONFIG_FILE;
    }

    /** {@code file} relative to the working directory when it lies under it, else absolute. */
    private static String shownPath(Path file) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
    }

    private static void header(StringBuilder sb, RunRecord run, Optional<RunData> data) {
        TrainConfig c = run.config();
        Manifest m = run.manifest();
        sb.append("# Model card: ").append(c.runName()).append(" (").append(run.folder().name()).append(")\n\n");
        sb.append("> **Research and teaching only. Not for diagnosis.** This model has not been validated for any "
                + "clinical use and must not inform a decision about a patient.\n\n");
        sb.append("Written by `model-card` from the run folder alone (config.json, manifest.json, data.json, "
                + "history.csv, predictions.csv and the metrics files of `evaluate`). A figure that these files do "
                + "not hold is reported as missing, never estimated.\n\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("task", c.task().name() + " (" + String.join(", ", c.task().classNames()) + ")"));
        rows.add(List.of("model", c.preset() + ", " + count(c.model().parameterCount()) + " parameters"));
        rows.add(List.of("seed", Long.toString(c.seed())));
        rows.add(List.of("data fingerprint", m.datasetFingerprint()));
        rows.add(List.of("split fingerprint", m.splitFingerprint()));
        rows.add(List.of("status", m.endTime() == null ? "not finished (manifest.json has no end time)"
                : "finished " + m.endTime()));
        rows.add(List.of("git commit", m.gitCommit() + (m.gitDirty() ? " (with uncommitted changes)" : "")));
        sb.append(Markdown.fields(rows));
    }

    private static void intendedUse(StringBuilder sb) {
        sb.append("## Intended use\n\n");
        sb.append("- **For** research and teaching: how a CNN is trained, evaluated, calibrated and explained on MRI "
                + "slices, and how duplicates, leakage and class imbalance change the numbers.\n");
        sb.append("- **Not for diagnosis**, screening, triage or any other clinical or patient-facing use, not even "
                + "as a second opinion. The figures below come from one public data set with the problems listed "
                + "under Data; they say nothing about performance on patients.\n");
        sb.append("- **Inputs**: single 2-D brain MRI slices (JPEG or PNG) like the training images. Images from "
                + "other scanners, sequences, planes or sources are out of distribution; check a folder of them "
                + "with " + code(CLI + " shift RUN_DIR FOLDER") + " before reading anything into the model's "
                + "output.\n\n");
    }

    private static void data(StringBuilder sb, RunRecord run, Optional<RunData> data) {
        sb.append("## Data\n\n");
        Manifest m = run.manifest();
        if (data.isEmpty()) {
            sb.append("data.json is missing from the run folder, so the data folder, audit and split settings are "
                    + "unknown. From manifest.json: data fingerprint ").append(code(m.datasetFingerprint()))
                    .append(", split fingerprint ").append(code(m.splitFingerprint())).append(".\n\n");
        } else {
            RunData d = data.get();
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("data set", code(d.dataRoot().getFileName() == null ? d.dataRoot().toString()
                    : d.dataRoot().getFileName().toString()) + ", identified by its fingerprint below; point "
                    + code("--data") + " or " + code(DataLocation.ENV_VAR) + " at a copy with the same fingerprint"));
            rows.add(List.of("images", count(d.images()) + (d.skippedFiles() > 0
                    ? " (" + count(d.skippedFiles()) + " unreadable files skipped)" : "")));
            rows.add(List.of("data fingerprint", d.datasetFingerprint()));
            rows.add(List.of("duplicate audit", "dHash distance <= " + d.audit().maxHashDistance()
                    + " and thumbnail correlation r >= " + d.audit().minCorrelation() + ": "
                    + count(d.duplicateClusters()) + " clusters of exact or near copies; "
                    + count(d.testingWithCopyInTraining()) + " official Testing images have a copy in Training"));
            rows.add(List.of("split", d.split().mode().id() + ", seed "
                    + d.split().seed() + ", validation " + d.split().validationFraction() + ", test "
                    + d.split().testFraction() + " (clusters never straddle subsets)"));
            rows.add(List.of("split fingerprint", d.splitFingerprint()));
            sb.append(Markdown.fields(rows));
            countsTable(sb, d.counts());
            if (d.limits().any()) {
                RunData.Limits l = d.limits();
                sb.append("Limits applied on top of the split (a notebook profile): at most ")
                        .append(l.maxTrainPerClass() > 0 ? l.maxTrainPerClass() + " training" : "all training")
                        .append(" and ").append(l.maxEvalPerClass() > 0 ? l.maxEvalPerClass() + " validation/test"
                                : "all validation/test").append(" images per class");
                if (l.reducedClass() >= 0 && l.reducedFraction() < 1) {
                    sb.append("; class ").append(run.config().task().classNames().get(l.reducedClass()))
                            .append(" cut to ").append(num(100 * l.reducedFraction(), 0))
                            .append("% of its training images");
                }
                sb.append(". The counts above are before these limits.\n\n");
            }
        }
        sb.append("### Known problems of the data\n\n");
        sb.append("- **Duplicates, also across the official split.** The public data set holds byte-identical and "
                + "near-identical copies (the same slice re-encoded, re-windowed or resized), some in both Training "
                + "and Testing, so accuracy on the official Testing folder is inflated by leakage. The audit figures "
                + "above are this data's; the leakage-free split keeps every cluster of copies in one subset.\n");
        sb.append("- **No patient IDs.** Slices of one patient that are not near copies (neighbouring slices below "
                + "the correlation threshold) can still fall into both training and test, which flatters every "
                + "test figure.\n");
        sb.append("- **Label noise.** Labels come from the source collections, not from a re-read; the data set's "
                + "author replaced mislabelled SARTAJ glioma images, and some wrong labels likely remain.\n");
        sb.append("- **A single public source.** The Kaggle Brain Tumor MRI Dataset (Nickparvar, CC0) merges "
                + "figshare, SARTAJ and Br35H; sequences, planes and margins are mixed and the no-tumour class comes "
                + "largely from a different source than the tumour classes, so a model can learn the source instead "
                + "of the tumour. Nothing here was tested on another hospital's or scanner's images.\n\n");
    }

    private static void countsTable(StringBuilder sb, Map<String, Map<String, Integer>> counts) {
        if (counts.isEmpty()) {
            return;
        }
        TreeSet<String> labels = new TreeSet<>();
        counts.values().forEach(r -> labels.addAll(r.keySet()));
        List<String> header = new ArrayList<>(List.of("subset"));
        header.addAll(labels);
        header.add("total");
        List<List<String>> rows = new ArrayList<>();
        for (String subset : List.of("TRAIN", "VALIDATION", "TEST", "EXCLUDED")) {
            Map<String, Integer> r = counts.get(subset);
            if (r == null) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(subset.toLowerCase(Locale.ROOT)));
            int total = 0;
            for (String l : labels) {
                int n = r.getOrDefault(l, 0);
                total += n;
                row.add(count(n));
            }
            row.add(count(total));
            rows.add(row);
        }
        sb.append(Markdown.table(header, rows));
    }

    private static void preprocessing(StringBuilder sb, RunRecord run, Optional<RunData> data) {
        sb.append("## Preprocessing\n\n");
        sb.append("- input: ").append(run.config().model().channels()).append(" channel(s), ")
                .append(run.config().model().inputHeight()).append("x").append(run.config().model().inputWidth())
                .append(" pixels\n");
        if (data.isPresent()) {
            sb.append("- pipeline: ").append(code(data.get().preprocessing())).append(" (the same steps are applied "
                    + "by `predict`, `explain` and `shift`)\n\n");
        } else {
            sb.append("- pipeline: unknown (data.json is missing)\n\n");
        }
    }

    private static void architecture(StringBuilder sb, CnnSpec spec, String preset) {
        sb.append("## Architecture\n\n");
        sb.append("VGG-style CNN (").append(code(preset)).append(" preset): ").append(spec.blockFilters().size())
                .append(" blocks of 3x3 conv").append(spec.batchNorm() ? " + batch norm" : "")
                .append(" + ReLU + 2x2 max pooling with filters ").append(spec.blockFilters()).append(", dense ")
                .append(spec.denseWidth()).append(", dropout ").append(spec.dropout()).append(", softmax over ")
                .append(spec.numClasses()).append(" classes. **").append(count(spec.parameterCount()))
                .append(" parameters** (").append(count(spec.trainableParameterCount())).append(" trainable), ")
                .append(num(spec.forwardFlopsPerImage() / 1e9, 3)).append(" GFLOP per image forward.\n\n");
        sb.append("```\n").append(spec.summary().stripTrailing()).append("\n```\n\n");
    }

    private static void training(StringBuilder sb, RunRecord run) {
        TrainConfig c = run.config();
        Manifest m = run.manifest();
        List<EpochStats> h = run.history();
        sb.append("## Training\n\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("optimiser", c.optimiser().id() + ", learning rate " + c.learningRate()
                + (c.optimiser() == Optimiser.SGD_MOMENTUM ? ", momentum " + c.momentum() : "")
                + ", weight decay (L2) " + c.weightDecay()));
        rows.add(List.of("learning-rate schedule", c.lrSchedule().toString()));
        rows.add(List.of("batch size", Integer.toString(c.batchSize())));
        String stopped = c.earlyStopping().enabled() && m.endTime() != null && h.size() < c.epochs()
                ? " (stopped early)" : "";
        rows.add(List.of("epochs done", h.size() + " of " + c.epochs() + stopped));
        rows.add(List.of("early stopping", c.earlyStopping().enabled()
                ? "on validation loss, patience " + c.earlyStopping().patience() + ", min delta "
                + c.earlyStopping().minDelta() + (c.earlyStopping().restoreBest() ? ", best epoch restored" : "")
                : "off"));
        rows.add(List.of("kept model", c.averageLastEpochs() > 0
                ? "mean weights (batch-norm statistics included) of epochs " + (c.epochs() - c.averageLastEpochs() + 1)
                + " to " + c.epochs()
                : run.bestEpoch().map(e -> "epoch " + (e.epoch() + 1) + " (lowest validation "
                + "loss " + num(e.valLoss(), 4) + ", validation accuracy " + num(e.valAccuracy(), 4) + ")")
                .orElse("no epoch with a validation loss in history.csv")));
        rows.add(List.of("imbalance strategy", c.imbalance()));
        rows.add(List.of("augmentation", c.augment() ? "standard, strength " + c.augmentStrength()
                + (c.affineWarp() ? ", one affine warp" : "")
                + (c.augmentFadeFraction() > 0 ? ", fading to 0 over the last " + c.augmentFadeFraction()
                + " of epochs" : "") : "off"));
        if (c.warmupEpochs() > 0 || c.labelSmoothing() > 0 || c.testTimeFlip() || c.progressiveResizeEpochs() > 0) {
            rows.add(List.of("recipe", "warm-up " + c.warmupEpochs() + " epochs, label smoothing "
                    + c.labelSmoothing() + ", test-time flip " + (c.testTimeFlip() ? "on" : "off")
                    + ", first " + c.progressiveResizeEpochs() + " epochs at half size"));
        }
        rows.add(List.of("seed", Long.toString(c.seed())));
        rows.add(List.of("threads", c.threads() + " native threads on " + m.cores() + " cores (" + m.cpuModel() + ")"));
        rows.add(List.of("wall time", Double.isFinite(m.wallSeconds()) ? num(m.wallSeconds(), 1) + " s ("
                + m.startTime() + " to " + m.endTime() + ")" : "unknown (run not finished)"));
        sb.append(Markdown.fields(rows));
        if (h.isEmpty()) {
            sb.append("history.csv is missing or empty: no epoch finished.\n\n");
        } else {
            EpochStats last = h.get(h.size() - 1);
            sb.append("Last epoch (").append(last.epoch() + 1).append("): train loss ").append(num(last.trainLoss(), 4))
                    .append(", train accuracy ").append(num(last.trainAccuracy(), 4)).append(", validation loss ")
                    .append(num(last.valLoss(), 4)).append(", validation accuracy ").append(num(last.valAccuracy(), 4))
                    .append(".\n\n");
        }
    }

    private static void reproduce(StringBuilder sb, RunRecord run, Optional<RunData> data, Shown shown) {
        Manifest m = run.manifest();
        sb.append("## How to reproduce\n\n");
        sb.append("From the repository root, with ").append(code(DataLocation.ENV_VAR))
                .append(" set to the data set whose fingerprint is ").append(code(m.datasetFingerprint()))
                .append(":\n\n");
        sb.append("```sh\n");
        sb.append("git checkout ").append(m.gitCommit()).append('\n');
        sb.append("./mvnw -o package -DskipTests\n");
        StringBuilder train = new StringBuilder(CLI + " train --config " + shown.config());
        List<String> caveats = new ArrayList<>();
        if (data.isPresent()) {
            RunData d = data.get();
            train.append(" --data \"$").append(DataLocation.ENV_VAR).append("\" --split ")
                    .append(d.split().mode().id()).append(" --split-seed ")
                    .append(d.split().seed());
            double sigma = denoiseSigma(d.preprocessingPipeline());
            if (sigma > 0) {
                train.append(" --denoise ").append(sigma);
            }
            boolean crop = d.preprocessingPipeline().cropsToHead();
            if (crop) {
                train.append(" --crop-head");
            }
            Preprocessing cli = Preprocessing.standard(run.config().inputSize()).withHeadCrop(crop).withDenoise(sigma);
            if (!cli.describe().equals(d.preprocessingPipeline().describe())) {
                caveats.add("the preprocessing (" + d.preprocessing() + ") is not one `train` builds from flags");
            }
            if (d.split().validationFraction() != 0.15 || d.split().testFraction() != 0.15) {
                caveats.add("the split fractions are not the command line's 0.15/0.15");
            }
            if (d.limits().any()) {
                caveats.add("the per-class limits have no `train` flag; a notebook set them through "
                        + "`ExperimentRunner.withLimits` (and `withTrainClassFraction`)");
            }
        } else {
            train.append(" --data \"$").append(DataLocation.ENV_VAR).append('"');
            caveats.add("data.json is missing, so the data folder and split flags are unknown");
        }
        sb.append(train).append(" --runs runs\n");
        sb.append(CLI).append(" evaluate runs/<new run folder>\n");
        sb.append("```\n\n");
        if (m.gitDirty()) {
            caveats.add("the working tree had uncommitted changes when the run started, so the commit alone does "
                    + "not say what ran");
        }
        for (String c : caveats) {
            sb.append("- Caveat: ").append(c).append(".\n");
        }
        sb.append("- The same config, seed, thread count and CPU instruction set give bit-identical losses (see "
                + "docs/determinism.md); another CPU, thread count or library version may change the last digits.\n\n");
        List<List<String>> rows = new ArrayList<>();
        m.libraries().forEach((name, version) -> rows.add(List.of(name, version)));
        rows.add(List.of("JVM", m.jvm()));
        rows.add(List.of("OS", m.os() + " (" + m.arch() + ")"));
        rows.add(List.of("CPU", m.cpuModel() + ", " + m.cores() + " cores"));
        sb.append(Markdown.table(List.of("library / platform", "version"), rows));
    }

    private static double denoiseSigma(Preprocessing p) {
        for (ImageOp op : p.ops()) {
            if (op instanceof GaussianDenoise g) {
                return g.sigma();
            }
        }
        return 0;
    }
}
