package org.mriworkbench.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code history.csv}: one row per epoch, readable by Tablesaw, pandas or a spreadsheet. The trainer rewrites the
 * whole file atomically from the checkpointed history after each epoch, so after a crash and resume it never holds a
 * row for an epoch that the checkpoint does not know about. Doubles are written with {@link Double#toString}, which
 * reads back exactly.
 */
public final class HistoryCsv {

    /** Column names, in order. */
    public static final List<String> COLUMNS = List.of("epoch", "train_loss", "train_accuracy", "val_loss",
            "val_accuracy", "learning_rate", "seconds", "images_per_second");

    private HistoryCsv() {
    }

    /** Writes {@code history} to {@code file} atomically. */
    public static void write(Path file, List<EpochStats> history) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (EpochStats s : history) {
            sb.append(s.epoch()).append(',').append(s.trainLoss()).append(',').append(s.trainAccuracy()).append(',')
                    .append(s.valLoss()).append(',').append(s.valAccuracy()).append(',').append(s.learningRate())
                    .append(',').append(s.seconds()).append(',').append(s.imagesPerSecond()).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /** Reads a file written by {@link #write}; errors name the file and line. */
    public static List<EpochStats> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "missing history file");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(String.join(",", COLUMNS))) {
            throw new IOException(file + ": not a history file (header must be " + String.join(",", COLUMNS) + ")");
        }
        List<EpochStats> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            try {
                if (f.length != COLUMNS.size()) {
                    throw new IllegalArgumentException(f.length + " fields");
                }
                out.add(new EpochStats(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6]), Double.parseDouble(f[7])));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }
}
