package org.mriworkbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mriworkbench.eval.BootstrapInterval;

import static org.mriworkbench.report.Markdown.code;
import static org.mriworkbench.report.Markdown.num;
import org.mriworkbench.eval.Predictions;
import org.mriworkbench.runeval.RunEvaluation;
import org.mriworkbench.runeval.RunEvaluator;
import org.mriworkbench.experiment.RunRecord;
import org.mriworkbench.experiment.RunFolder;

/**
 * The evaluation half of a {@code ModelCard}: the figures of every {@code metrics*.json} that {@code evaluate} left
 * in the run folder, each with its 95% bootstrap interval, and the test images the model got wrong most
 * confidently. Nothing is recomputed here except a sort of {@code predictions.csv}; where {@code evaluate} has not
 * run, the card says which command fills the gap.
 */
final class ModelCardEvaluation {

    /** Misclassified test images listed under failure modes. */
    static final int MOST_CONFIDENT_ERRORS = 10;

    /** A headline metric: its key in metrics.json and its name in the card. */
    private record Headline(String key, String name) {
    }

    /** A test set {@code evaluate} can write: file suffix, name in the card, and the flag that selects it. */
    private record TestSet(String suffix, String name, String flag) {
    }

    private static final List<Headline> HEADLINE = List.of(new Headline("accuracy", "accuracy"),
            new Headline("balancedAccuracy", "balanced accuracy"), new Headline("macroF1", "macro F1"),
            new Headline("tumourAuc", "tumour AUC (P(tumour) = 1 - P(no tumour))"),
            new Headline("macroAuc", "macro AUC"), new Headline("cohenKappa", "Cohen's kappa"),
            new Headline("logLoss", "log loss"), new Headline("brier", "Brier score"), new Headline("ece", "ECE"),
            new Headline(RunEvaluator.ECE_TEMPERATURE_SCALED, "ECE after temperature scaling (T fitted on validation)"));

    private static final List<TestSet> TEST_SETS = List.of(
            new TestSet("", "leakage-free test subset (the run's own split)", ""),
            new TestSet(RunFolder.OFFICIAL_SUFFIX,
                    "official Testing folder (leaked copies included, so optimistic)", " --test official"));

    private ModelCardEvaluation() {
    }

    static void evaluation(StringBuilder sb, Path dir, String shownDir) throws IOException {
        sb.append("## Evaluation\n\n");
        List<String> missing = new ArrayList<>();
        boolean any = false;
        for (TestSet set : TEST_SETS) {
            Path file = new RunFolder(dir).metrics(set.suffix());
            if (!Files.isRegularFile(file)) {
                missing.add("- " + set.name() + ": " + code(file.getFileName().toString()) + " is missing; "
                        + code(Markdown.CLI + " evaluate " + shownDir + set.flag()) + " writes it.\n");
                continue;
            }
            any = true;
            evaluationSection(sb, set.name(), file.getFileName().toString(), RunEvaluation.read(file));
        }
        if (!any) {
            sb.append("**Metrics are missing**: this run has not been evaluated, so the card gives no test figures "
                    + "(none are estimated here).\n\n");
        }
        if (!missing.isEmpty()) {
            sb.append(any ? "Not evaluated yet:\n\n" : "To produce them:\n\n");
            missing.forEach(sb::append);
            sb.append('\n');
        }
    }

    private static void evaluationSection(StringBuilder sb, String title, String file, RunEvaluation e) {
        sb.append("### ").append(title).append("\n\n");
        sb.append("From ").append(code(file)).append(": n = ").append(e.n()).append(" images, 95% percentile "
                + "bootstrap intervals from ").append(e.bootstrapResamples()).append(" resamples (seed ")
                .append(e.bootstrapSeed()).append(").\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (Headline h : HEADLINE) {
            BootstrapInterval b = e.headline().get(h.key());
            if (b != null) {
                rows.add(List.of(h.name(), num(b.estimate(), 4), ci(b)));
            }
        }
        sb.append(Markdown.table(List.of("metric", "estimate", "95% CI"), rows));
        List<List<String>> classes = new ArrayList<>();
        for (RunEvaluation.ClassFigures c : e.perClass()) {
            classes.add(List.of(c.className(), Long.toString(c.support()), num(c.sensitivity().estimate(), 4) + " "
                    + ci(c.sensitivity()), num(c.specificity().estimate(), 4) + " " + ci(c.specificity())));
        }
        sb.append(Markdown.table(List.of("class", "n", "sensitivity (95% CI)", "specificity (95% CI)"), classes));
        RunEvaluation.OperatingPointFigures op = e.operatingPoint();
        if (op == null) {
            sb.append("Operating point: not chosen (validation-predictions.csv was missing when `evaluate` ran).\n\n");
        } else {
            sb.append("**Operating point** (tumour detection): threshold ").append(num(op.threshold(), 4))
                    .append(" on P(tumour), chosen on validation for sensitivity >= ")
                    .append(num(op.targetSensitivity(), 2)).append(" (validation sensitivity ")
                    .append(num(op.validationSensitivity(), 3)).append(", specificity ")
                    .append(num(op.validationSpecificity(), 3)).append("). On this test set: sensitivity ")
                    .append(num(op.testSensitivity().estimate(), 4)).append(' ').append(ci(op.testSensitivity()))
                    .append(", specificity ").append(num(op.testSpecificity().estimate(), 4)).append(' ')
                    .append(ci(op.testSpecificity())).append(".");
            if (op.note() != null && !op.note().isBlank()) {
                sb.append(" Note: ").append(op.note()).append('.');
            }
            sb.append("\n\n");
        }
        RunEvaluation.CalibrationFigures cal = e.calibration();
        if (cal == null) {
            sb.append("Calibration: not fitted (no validation predictions when `evaluate` ran).\n\n");
        } else {
            sb.append("**Calibration**: expected calibration error ").append(num(cal.eceBefore(), 4))
                    .append(" before and ").append(num(cal.eceAfter(), 4))
                    .append(" after temperature scaling (T = ").append(num(cal.temperature(), 3))
                    .append(", fitted on validation); negative log-likelihood ").append(num(cal.nllBefore(), 4))
                    .append(" -> ").append(num(cal.nllAfter(), 4)).append(".\n\n");
        }
    }

    private static String ci(BootstrapInterval b) {
        return "[" + num(b.lower(), 4) + ", " + num(b.upper(), 4) + "]";
    }

    static void failureModes(StringBuilder sb, RunRecord run, String shownDir) {
        sb.append("## Known failure modes\n\n");
        if (run.predictions().isEmpty()) {
            sb.append("predictions.csv is missing (the run has not finished), so no misclassified test images can "
                    + "be listed.\n\n");
        } else {
            Predictions p = run.predictions().get();
            List<Misclassification> misses = Misclassification.mostConfident(p, MOST_CONFIDENT_ERRORS);
            if (misses.isEmpty()) {
                sb.append("No test image in predictions.csv (n = ").append(p.size()).append(") is misclassified.\n\n");
            } else {
                sb.append("The ").append(misses.size()).append(" most confident misclassifications on the test "
                        + "subset (predictions.csv; paths relative to the data folder):\n\n");
                List<List<String>> rows = new ArrayList<>();
                for (Misclassification m : misses) {
                    rows.add(List.of(m.id(), m.truth(), m.predicted(), num(m.probability(), 4)));
                }
                sb.append(Markdown.table(List.of("image", "true", "predicted", "probability of predicted"), rows));
                if (java.nio.file.Files.isRegularFile(run.folder().failureGallery())) {
                    sb.append("A Grad-CAM gallery of the ").append(FailureGallery.SIZE).append(" most confident "
                            + "errors, for the class the model wrongly chose, is in the run folder as ")
                            .append(code(RunFolder.FAILURE_GALLERY_FILE)).append(" (not committed: it shows data-set images). ");
                }
                sb.append("The `explain` command draws one overlay per image, e.g. ")
                        .append(code(Markdown.CLI + " explain " + shownDir + " IMAGE --method grad-cam"))
                        .append("; it shows where the model looked, not why.\n\n");
            }
        }
        sb.append("Expected in general: confident errors on images unlike the training data (another scanner, "
                + "sequence, plane or source; check with `shift`), reliance on source-specific cues instead of the "
                + "tumour, and optimistic figures wherever test images have near copies in training.\n\n");
    }
}
