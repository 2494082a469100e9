package org.mriworkbench.reproduce;

import org.mriworkbench.eval.BootstrapInterval;
import org.mriworkbench.eval.PairedComparison;
import org.mriworkbench.sweep.SweepSpec;
import org.mriworkbench.train.TrainConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.mriworkbench.report.Markdown.code;
import static org.mriworkbench.report.Markdown.count;
import static org.mriworkbench.report.Markdown.num;
import org.mriworkbench.report.Markdown;
import org.mriworkbench.runeval.RunEvaluation;

/**
 * The sections of {@code RESULTS.md} about the new reference recipe: how it was chosen on validation, its figures over
 * the seeds, what the cluster bootstrap costs in width, accuracy by closeness to training and the paired tests. Kept
 * apart from {@code ResultsTable} (file layout, README block, per-run figures) so neither grows past a screenful of
 * concerns.
 */
final class ResultsSections {

    private ResultsSections() {
    }

    /** The training recipe of {@code c} in one line. */
    static String recipe(TrainConfig c) {
        StringBuilder b = new StringBuilder();
        b.append(c.preset()).append(" CNN (").append(c.model().head().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .append(" head), ").append(c.inputSize()).append(" px, ").append(epochs(c.epochs())).append(", batch ")
                .append(c.batchSize()).append(", ").append(c.optimiser().name().toLowerCase(Locale.ROOT)).append(' ')
                .append(c.learningRate()).append(", ")
                .append(c.lrSchedule().getClass().getSimpleName().toLowerCase(Locale.ROOT))
                .append(" schedule, weight decay ")
                .append(c.weightDecay());
        b.append(c.augment() ? ", augmentation " + c.augmentStrength() + " (" + c.augmentWarp() + " warp)"
                : ", no augmentation");
        if (c.augmentFadeFraction() > 0) {
            b.append(", fading over the last ").append(c.augmentFadeFraction()).append(" of training");
        }
        if (c.warmupEpochs() > 0) {
            b.append(", warm-up ").append(c.warmupEpochs()).append(" epochs");
        }
        if (c.labelSmoothing() > 0) {
            b.append(", label smoothing ").append(c.labelSmoothing());
        }
        if (c.testTimeFlip()) {
            b.append(", test-time flip averaging");
        }
        if (c.averageLastEpochs() > 0) {
            b.append(", weights averaged over the last ").append(c.averageLastEpochs()).append(" epochs");
        }
        if (c.progressiveResizeEpochs() > 0) {
            b.append(", first ").append(c.progressiveResizeEpochs()).append(" epochs at half size");
        }
        return b.toString();
    }

    private static String epochs(int n) {
        return n + (n == 1 ? " epoch" : " epochs");
    }

    static void selection(StringBuilder sb, Reproduction.Result r) {
        RecipeSelection sel = r.selection();
        SweepSpec spec = sel.sweep().spec();
        TrainConfig base = spec.baseConfig();
        sb.append("## The recipe, chosen on validation\n\n");
        sb.append("Before any reference run was trained, the sweep ").append(code(spec.name()))
                .append(" trained ").append(sel.ranking().size()).append(" trials at ").append(base.inputSize())
                .append(" px for ").append(epochs(base.epochs())).append(" each (seed ").append(base.seed())
                .append("), varying ").append(String.join(", ", spec.factors().keySet().stream().map(Markdown::code)
                        .toList())).append(" over the base recipe: ").append(recipe(base)).append(". They were ranked "
                        + "by validation ").append(code(spec.metric().id())).append(" on ")
                .append(count(sel.ranking().get(0).images())).append(" validation images; the sweep's runner cannot "
                        + "read test images. Intervals resample duplicate clusters of the validation set; McNemar "
                        + "compares each trial's validation accuracy with the best trial's on the same images. The "
                        + "default spec is ").append(code(Reproduction.SELECTION_SPEC.toString().replace('\\', '/')))
                .append("; the spec this run used is kept as ").append(code("sweeps/" + spec.name() + "/sweep.json"))
                .append(" in the runs folder, with the ranked ").append(code("trials.csv"))
                .append(" and a chart per factor.\n\n");
        List<String> header = new ArrayList<>(List.of("rank", "trial"));
        spec.factors().keySet().forEach(header::add);
        header.addAll(List.of("validation " + spec.metric().id() + " [95% CI]", "accuracy vs best",
                "McNemar p", "minutes"));
        List<List<String>> rows = new ArrayList<>();
        for (RecipeSelection.Row row : sel.ranking()) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(row.rank()),
                    row.trial().equals(sel.chosenTrial()) ? "**" + row.trial() + "**" : row.trial()));
            spec.factors().keySet().forEach(f -> cells.add(row.factors().getOrDefault(f, "")));
            PairedComparison c = row.vsBest();
            cells.add(ci(row.validation()));
            cells.add(c == null ? "–" : String.format(Locale.ROOT, "%+.4f", c.difference()));
            cells.add(c == null ? "–" : num(c.pValue(), 3));
            cells.add(String.format(Locale.ROOT, "%.1f", row.seconds() / 60));
            rows.add(cells);
        }
        sb.append(Markdown.table(header, rows));
        sb.append("\nChosen: **").append(sel.chosenTrial()).append("** ").append(sel.chosenFactors())
                .append(". The headline config is that recipe at the reference size and epochs: ")
                .append(recipe(r.headlineConfig())).append(".\n\n");
    }

    static String seeds(Reproduction.Result r) {
        List<Reproduction.Entry> h = r.headline();
        List<String> header = new ArrayList<>(List.of("metric"));
        h.forEach(e -> header.add("seed " + e.seed()));
        header.add("mean ± sd");
        List<List<String>> rows = new ArrayList<>();
        for (SeedSummary s : r.summaries()) {
            List<String> cells = new ArrayList<>(List.of(s.metric()));
            s.perSeed().forEach(b -> cells.add(ci(b)));
            cells.add("**" + s.meanSd() + "**");
            rows.add(cells);
        }
        List<String> thr = new ArrayList<>(List.of("threshold on P(tumour) for validation sensitivity ≥ 0.98"));
        h.forEach(e -> thr.add(e.leakageFree().operatingPoint() == null ? "–"
                : num(e.leakageFree().operatingPoint().threshold(), 4)));
        thr.add("");
        rows.add(thr);
        return Markdown.table(header, rows) + "\n";
    }

    static void resampling(StringBuilder sb, Reproduction.Result r) {
        sb.append("## Which resampling the intervals use\n\n");
        sb.append("Test intervals resample whole duplicate clusters (near copies inside the test set are not "
                + "independent), 95% percentile, ").append(r.settings().resamples()).append(" resamples, seed 7. "
                + "`metrics.json` of each run keeps the per-image interval beside the cluster one:\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (Reproduction.Entry e : r.entries()) {
            RunEvaluation ev = e.leakageFree();
            BootstrapInterval cl = ev.headline().get("accuracy");
            BootstrapInterval im = ev.accuracyPerImage();
            double ratio = im == null ? Double.NaN : (cl.upper() - cl.lower()) / (im.upper() - im.lower());
            rows.add(List.of(e.name(), String.valueOf(ev.resampling()), ci(cl), ci(im),
                    Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f×", ratio) : "–"));
        }
        sb.append(Markdown.table(List.of("run", "resampled", "accuracy (as reported)", "accuracy, per-image bootstrap",
                "width ratio"), rows)).append('\n');
    }

    static void closeness(StringBuilder sb, Reproduction.Result r) {
        sb.append("## Test accuracy by closeness to training\n\n");
        double t = r.entries().isEmpty() ? Double.NaN : r.entries().get(0).closeness().threshold();
        sb.append("Each test image's closest training image by thumbnail correlation (the measure the duplicate audit "
                + "confirms near copies with). The leakage-free split groups copies at the audit's threshold; images "
                + "with a training neighbour at r ≥ ").append(num(t, 2)).append(" below it (on the real data, mostly "
                + "neighbouring slices of one patient) are still on both sides, so the gap between the two columns "
                + "is what such neighbours add to a figure.\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (Reproduction.Entry e : r.entries()) {
            ClosenessSplit c = e.closeness();
            String diff = c.closeAccuracy() == null || c.farAccuracy() == null ? "–"
                    : String.format(Locale.ROOT, "%+.4f", c.closeAccuracy().estimate() - c.farAccuracy().estimate());
            rows.add(List.of(e.name(), count(c.closeImages()), ci(c.closeAccuracy()), count(c.farImages()),
                    ci(c.farAccuracy()), diff));
        }
        sb.append(Markdown.table(List.of("run", "images at r ≥ " + num(t, 2), "accuracy on them",
                "images below", "accuracy on them", "close − far"), rows)).append('\n');
    }

    static void pairs(StringBuilder sb, Reproduction.Result r) {
        if (r.pairs().isEmpty()) {
            return;
        }
        sb.append("## Paired tests between the reference runs\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (ReferencePair p : r.pairs()) {
            PairedComparison c = p.result();
            rows.add(List.of(p.runA(), p.runB(), p.comparison(), num(c.estimateA(), 4), num(c.estimateB(), 4),
                    String.format(Locale.ROOT, "%+.4f [%s, %s]", c.difference(), num(c.lower(), 4), num(c.upper(), 4)),
                    num(c.pValue(), 4)));
        }
        sb.append(Markdown.table(List.of("A", "B", "test", "A", "B", "A − B [95% CI]", "p"), rows));
        sb.append("\nSame leakage-free test images for every pair. Between seeds the difference is what the seed alone "
                + "does; the seed-baseline is binary, so it is compared on the tumour question only.\n\n");
    }

    /** An interval as "estimate [lower, upper]", "undefined" or a dash when there is none. */
    static String ci(BootstrapInterval b) {
        if (b == null) {
            return "–";
        }
        if (Double.isNaN(b.estimate())) {
            return "undefined";
        }
        return num(b.estimate(), 4) + " [" + num(b.lower(), 4) + ", " + num(b.upper(), 4) + "]";
    }
}
