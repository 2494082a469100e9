package org.mriworkbench.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.mriworkbench.data.Task;
import org.mriworkbench.eval.ClassificationReport;
import org.mriworkbench.train.AtomicFiles;
import org.mriworkbench.train.NetworkEvaluator;
import org.mriworkbench.train.TensorDataset;

/**
 * A model's class probabilities for every test image, stored as {@code predictions.csv}
 * ({@code id,true_label,true_index,p_<CLASS>...}). Keeping raw probabilities rather than only metrics means any
 * metric, bootstrap interval, threshold or paired test (McNemar, DeLong) can be computed later without the model.
 * Immutable; arrays are copied in and out. Doubles are written with {@link Double#toString} and read back exactly.
 */
public final class Predictions {

    private final List<String> classNames;
    private final List<String> ids;
    private final int[] labels;
    private final double[][] probs;

    private Predictions(List<String> classNames, List<String> ids, int[] labels, double[][] probs) {
        this.classNames = List.copyOf(classNames);
        this.ids = List.copyOf(ids);
        this.labels = labels.clone();
        this.probs = new double[probs.length][];
        if (ids.size() != labels.length || labels.length != probs.length) {
            throw new IllegalArgumentException(ids.size() + " ids, " + labels.length + " labels, " + probs.length
                    + " probability rows");
        }
        for (int i = 0; i < probs.length; i++) {
            if (probs[i].length != classNames.size()) {
                throw new IllegalArgumentException("row " + i + " has " + probs[i].length + " probabilities for "
                        + classNames.size() + " classes");
            }
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("row " + i + ": class index " + labels[i] + " out of range");
            }
            this.probs[i] = probs[i].clone();
        }
    }

    /** Predictions from their parts, which are copied. */
    public static Predictions of(List<String> classNames, List<String> ids, int[] labels, double[][] probs) {
        return new Predictions(classNames, ids, labels, probs);
    }

    /** Runs {@code net} over {@code test} (inference mode) and pairs the probabilities with ids and labels. */
    public static Predictions compute(MultiLayerNetwork net, Task task, TensorDataset test, int batchSize) {
        return compute(net, task, test, batchSize, false);
    }

    /**
     * As {@link #compute(MultiLayerNetwork, Task, TensorDataset, int)}; with {@code testTimeFlip} each row is the
     * mean softmax of the image and its mirror image (the run's {@code TrainConfig.testTimeFlip}).
     */
    public static Predictions compute(MultiLayerNetwork net, Task task, TensorDataset test, int batchSize,
                                      boolean testTimeFlip) {
        return new Predictions(task.classNames(), test.ids(), test.labels(),
                NetworkEvaluator.predict(net, test, batchSize, testTimeFlip));
    }

    public int size() {
        return labels.length;
    }

    public List<String> classNames() {
        return classNames;
    }

    public List<String> ids() {
        return ids;
    }

    /** A copy of the true class indices. */
    public int[] labels() {
        return labels.clone();
    }

    /** A copy of the n-by-k probabilities. */
    public double[][] probabilities() {
        double[][] out = new double[probs.length][];
        for (int i = 0; i < probs.length; i++) {
            out[i] = probs[i].clone();
        }
        return out;
    }

    /** Every headline metric of these predictions. */
    public ClassificationReport report() {
        return ClassificationReport.of(labels, probs);
    }

    /** Writes the CSV atomically. */
    public void write(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("id,true_label,true_index");
        for (String c : classNames) {
            sb.append(",p_").append(c);
        }
        sb.append('\n');
        for (int i = 0; i < labels.length; i++) {
            sb.append(quote(ids.get(i))).append(',').append(classNames.get(labels[i])).append(',').append(labels[i]);
            for (double p : probs[i]) {
                sb.append(',').append(p);
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /** Reads a file written by {@link #write}; errors name the file and line. */
    public static Predictions read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "missing predictions file");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = lines.isEmpty() ? List.of() : split(lines.get(0));
        if (header.size() < 5 || !header.subList(0, 3).equals(List.of("id", "true_label", "true_index"))) {
            throw new IOException(file + ": not a predictions file (header " + header + ")");
        }
        List<String> classes = header.subList(3, header.size()).stream().map(h -> h.substring(2)).toList();
        List<String> ids = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<double[]> probs = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            List<String> f = split(lines.get(i));
            try {
                if (f.size() != header.size()) {
                    throw new IllegalArgumentException(f.size() + " fields, expected " + header.size());
                }
                ids.add(f.get(0));
                labels.add(Integer.parseInt(f.get(2)));
                double[] p = new double[classes.size()];
                for (int c = 0; c < p.length; c++) {
                    p[c] = Double.parseDouble(f.get(3 + c));
                }
                probs.add(p);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new Predictions(classes, ids, labels.stream().mapToInt(Integer::intValue).toArray(),
                probs.toArray(double[][]::new));
    }

    /** An id as one CSV field: quoted when it holds a comma or quote; line breaks are refused. Shared by every CSV a run keeps. */
    public static String quote(String s) {
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("ids must not contain line breaks: " + s);
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** The fields of one CSV line written with {@link #quote}. */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Predictions p && p.classNames.equals(classNames) && p.ids.equals(ids)
                && java.util.Arrays.equals(p.labels, labels) && java.util.Arrays.deepEquals(p.probs, probs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classNames, ids, java.util.Arrays.hashCode(labels), java.util.Arrays.deepHashCode(probs));
    }

    @Override
    public String toString() {
        return "Predictions[n=" + labels.length + ", classes=" + classNames + "]";
    }
}
