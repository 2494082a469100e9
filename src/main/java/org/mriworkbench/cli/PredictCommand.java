package org.mriworkbench.cli;

import org.mriworkbench.data.FileWalker;
import org.mriworkbench.data.ScanIssue;
import org.mriworkbench.data.Task;
import org.mriworkbench.predict.ImagePredictor;
import org.mriworkbench.predict.ImagePredictor.ImagePrediction;
import org.mriworkbench.train.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code predict}: a kept model applied to an image or a folder of images. A run folder brings its own task and
 * preprocessing; a bare {@code model.zip} needs {@code --size} (standard preprocessing) and {@code --task}.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Classify images with a trained model (a run folder or a model.zip).",
                "Research and teaching only, not for diagnosis."})
final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_OR_MODEL", description = "a run folder, or a model .zip file")
    Path model;

    @Parameters(index = "1", paramLabel = "IMAGE_OR_FOLDER",
            description = "an image, or a folder searched recursively for .jpg/.jpeg/.png (hidden folders skipped, "
                    + "as data index does)")
    Path target;

    @Option(names = "--size", description = "input size for a bare model file (standard preprocessing)")
    Integer size;

    @Option(names = "--task", description = "binary or four-class, for a bare model file")
    String task;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the predictions as CSV")
    Path csv;

    @Override
    public Integer call() throws Exception {
        ImagePredictor p;
        if (Files.isDirectory(model)) {
            p = ImagePredictor.forRun(model);
        } else {
            if (size == null || task == null) {
                throw new IllegalArgumentException("a bare model file (" + model + ") needs --size and --task; "
                        + "a run folder brings both");
            }
            p = ImagePredictor.forModel(model, Task.parse(task), size);
        }
        FileWalker.Listing files = ImagePredictor.listing(target);
        for (ScanIssue issue : files.issues()) {
            System.err.println("not walked " + target.resolve(issue.path()) + ": " + issue.reason());
        }
        ImagePredictor.Result r = p.predict(files.images());
        for (String s : r.skipped()) {
            System.err.println("skipped " + s);
        }
        List<String> classes = p.task().classNames();
        for (ImagePrediction ip : r.predictions()) {
            StringBuilder sb = new StringBuilder(ip.file().toString()).append("  ").append(ip.predicted());
            double[] probs = ip.probabilities();
            for (int c = 0; c < probs.length; c++) {
                sb.append(String.format(Locale.ROOT, "  p_%s=%.4f", classes.get(c), probs[c]));
            }
            sb.append(String.format(Locale.ROOT, "  P(tumour)=%.4f", ip.pTumour()));
            System.out.println(sb);
        }
        System.out.println(r.predictions().size() + " classified, " + r.skipped().size() + " skipped");
        if (csv != null) {
            AtomicFiles.writeString(csv, toCsv(classes, r.predictions()));
            System.out.println("wrote " + csv);
        }
        return r.predictions().isEmpty() ? 1 : 0;
    }

    static String toCsv(List<String> classes, List<ImagePrediction> preds) {
        StringBuilder sb = new StringBuilder("path,predicted");
        for (String c : classes) {
            sb.append(",p_").append(c);
        }
        sb.append(",p_tumour\n");
        for (ImagePrediction ip : preds) {
            String path = ip.file().toString();
            sb.append(path.contains(",") || path.contains("\"") ? '"' + path.replace("\"", "\"\"") + '"' : path)
                    .append(',').append(ip.predicted());
            for (double v : ip.probabilities()) {
                sb.append(',').append(v);
            }
            sb.append(',').append(ip.pTumour()).append('\n');
        }
        return sb.toString();
    }
}
