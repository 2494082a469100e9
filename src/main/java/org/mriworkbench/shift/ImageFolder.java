package org.mriworkbench.shift;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mriworkbench.core.SeededSample;
import org.mriworkbench.data.DataLocation;
import org.mriworkbench.data.DatasetIndex;
import org.mriworkbench.data.DatasetScanner;
import org.mriworkbench.data.FileWalker;
import org.mriworkbench.core.Label;
import org.mriworkbench.data.ScanIssue;
import org.mriworkbench.predict.ImagePredictor;

/**
 * A folder of MRI slices as the checks that compare folders see it: the image files, their labels when the layout
 * gives them, and what was skipped. A folder in a layout the {@link DatasetScanner} accepts (Kaggle
 * {@code Training/Testing/<class>} or flat {@code <class>/}) is scanned, so labels, fingerprint and bad-file reports
 * are the scanner's; any other folder is taken as unlabelled images found recursively, because images from
 * elsewhere (another hospital's export, a download) seldom come sorted into class folders. Either way the files
 * are the ones {@link FileWalker} finds, the walker {@code data index} and {@code predict} use.
 *
 * @param root    the folder
 * @param files   the readable (labelled layout) or candidate (unlabelled) image files, in path order
 * @param labels  one label per file, or empty when the folder is unlabelled
 * @param skipped what the scan skipped, one "path: reason" line each (unlabelled folders find bad files later)
 * @param index   the scan, for a labelled layout
 */
public record ImageFolder(Path root, List<Path> files, List<Label> labels, List<String> skipped,
                          Optional<DatasetIndex> index) {

    public ImageFolder {
        Objects.requireNonNull(root, "root");
        files = List.copyOf(files);
        labels = List.copyOf(labels);
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(index, "index");
        if (!labels.isEmpty() && labels.size() != files.size()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + files.size() + " files");
        }
    }

    /**
     * Reads {@code dir}: scanned when it looks like a data set ({@link DataLocation#looksLikeDataset}), else listed.
     *
     * @param scanCache the scanner's cache folder, or null for none
     */
    public static ImageFolder read(Path dir, Path scanCache) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (!DataLocation.looksLikeDataset(abs)) {
            FileWalker.Listing listing = ImagePredictor.listing(abs);
            List<String> notWalked = listing.issues().stream()
                    .map(issue -> abs.resolve(issue.path()) + ": " + issue.reason()).toList();
            return new ImageFolder(abs, listing.images(), List.of(), notWalked, Optional.empty());
        }
        DatasetScanner scanner = DatasetScanner.create();
        DatasetIndex index = (scanCache == null ? scanner : scanner.withCache(scanCache)).scan(abs);
        List<Path> files = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < index.size(); i++) {
            files.add(index.file(i));
            labels.add(index.get(i).label());
        }
        List<String> skipped = new ArrayList<>();
        for (ScanIssue issue : index.issues()) {
            skipped.add(abs.resolve(issue.path()) + ": " + issue.reason());
        }
        return new ImageFolder(abs, files, labels, skipped, Optional.of(index));
    }

    /** Whether every file has a label. */
    public boolean labelled() {
        return !labels.isEmpty();
    }

    public int size() {
        return files.size();
    }

    /** The files at {@code positions} (with their labels), in that order; the scan is no longer attached. */
    public ImageFolder subset(int[] positions) {
        List<Path> f = new ArrayList<>();
        List<Label> l = new ArrayList<>();
        for (int i : positions) {
            f.add(files.get(i));
            if (labelled()) {
                l.add(labels.get(i));
            }
        }
        return new ImageFolder(root, f, l, skipped, Optional.empty());
    }

    /** At most {@code max} files drawn without replacement with {@code seed}, kept in path order; all if fewer. */
    public ImageFolder sample(int max, long seed) {
        if (max <= 0 || files.size() <= max) {
            return this;
        }
        return subset(SeededSample.indices(files.size(), max, seed));
    }
}
