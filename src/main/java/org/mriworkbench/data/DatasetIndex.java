package org.mriworkbench.data;

import org.mriworkbench.core.Label;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mriworkbench.core.Sha256;

/**
 * The result of a scan: one {@link ImageRecord} per readable image, in path order, plus every problem the scan
 * skipped. It is the single description of "the data" that splits, caches and run manifests refer to, through its
 * {@link #fingerprint()}.
 *
 * <p>Besides the records it keeps a small grayscale thumbnail per image ({@value DatasetScanner#THUMB} px square) for
 * pixel-level confirmation of near-duplicates; thumbnails are not part of the table or the fingerprint.
 */
public final class DatasetIndex {

    /** How the folder was laid out. */
    public enum Layout { KAGGLE, FLAT }

    private final Path root;
    private final Layout layout;
    private final List<ImageRecord> records;
    private final List<float[]> thumbnails;
    private final List<ScanIssue> issues;
    private final String fingerprint;

    DatasetIndex(Path root, Layout layout, List<ImageRecord> records, List<float[]> thumbnails,
                 List<ScanIssue> issues) {
        if (records.size() != thumbnails.size()) {
            throw new IllegalArgumentException("one thumbnail per record expected");
        }
        this.root = root;
        this.layout = layout;
        this.records = List.copyOf(records);
        this.thumbnails = List.copyOf(thumbnails);
        this.issues = List.copyOf(issues);
        this.fingerprint = computeFingerprint(this.records);
    }

    public Path root() {
        return root;
    }

    public Layout layout() {
        return layout;
    }

    public List<ImageRecord> records() {
        return records;
    }

    public ImageRecord get(int i) {
        return records.get(i);
    }

    public int size() {
        return records.size();
    }

    /** Everything the scan skipped, with reasons. */
    public List<ScanIssue> issues() {
        return issues;
    }

    /**
     * The skipped files grouped by kind with counts, then the first {@code perKind} paths of each kind; see
     * {@link ScanIssue#summary}. Empty when nothing was skipped.
     */
    public String issueSummary(int perKind) {
        return String.join(System.lineSeparator(), ScanIssue.summary(issues, perKind));
    }

    /** The absolute file of record {@code i}. */
    public Path file(int i) {
        return root.resolve(records.get(i).path());
    }

    /** A copy of the grayscale thumbnail of record {@code i}, {@value DatasetScanner#THUMB}² floats in [0,1]. */
    public float[] thumbnail(int i) {
        return thumbnails.get(i).clone();
    }

    float[] thumbnailUnsafe(int i) {
        return thumbnails.get(i);
    }

    /**
     * SHA-256 over every record's relative path, origin, label and content hash. Two indexes with the same
     * fingerprint describe the same labelled bytes, wherever the folder lives; any added, removed, relabelled or
     * changed file changes it.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** Image counts per origin and label, e.g. {@code {TRAINING={GLIOMA=1321, ...}, ...}}. */
    public Map<Origin, Map<Label, Integer>> counts() {
        Map<Origin, Map<Label, Integer>> out = new TreeMap<>();
        for (ImageRecord r : records) {
            out.computeIfAbsent(r.origin(), o -> new TreeMap<>()).merge(r.label(), 1, Integer::sum);
        }
        return out;
    }

    /** Number of images found in one official split folder. */
    public long count(Origin origin) {
        return records.stream().filter(r -> r.origin() == origin).count();
    }

    /** The index as a Tablesaw table with one row per image, for exploring in notebooks or writing as CSV. */
    public Table toTable() {
        int n = records.size();
        StringColumn path = StringColumn.create("path");
        StringColumn split = StringColumn.create("split");
        StringColumn label = StringColumn.create("label");
        IntColumn width = IntColumn.create("width", n);
        IntColumn height = IntColumn.create("height", n);
        IntColumn channels = IntColumn.create("channels", n);
        IntColumn bitDepth = IntColumn.create("bit_depth", n);
        StringColumn format = StringColumn.create("format");
        LongColumn bytes = LongColumn.create("bytes", n);
        StringColumn sha = StringColumn.create("sha256");
        StringColumn dhash = StringColumn.create("dhash");
        for (int i = 0; i < n; i++) {
            ImageRecord r = records.get(i);
            path.append(r.path());
            split.append(r.origin().name());
            label.append(r.label().name());
            width.set(i, r.width());
            height.set(i, r.height());
            channels.set(i, r.channels());
            bitDepth.set(i, r.bitDepth());
            format.append(r.format());
            bytes.set(i, r.bytes());
            sha.append(r.sha256());
            dhash.append(r.dHashHex());
        }
        return Table.create("index", path, split, label, width, height, channels, bitDepth, format, bytes, sha,
                dhash);
    }

    /** The skipped files as a table (path, kind, reason). */
    public Table issuesTable() {
        StringColumn path = StringColumn.create("path");
        StringColumn kind = StringColumn.create("kind");
        StringColumn reason = StringColumn.create("reason");
        for (ScanIssue s : issues) {
            path.append(s.path());
            kind.append(s.kind().name());
            reason.append(s.reason());
        }
        return Table.create("scan issues", path, kind, reason);
    }

    private static String computeFingerprint(List<ImageRecord> records) {
        MessageDigest md = Sha256.newDigest();
        for (ImageRecord r : records) {
            md.update((r.path() + '\t' + r.origin() + '\t' + r.label() + '\t' + r.sha256() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(md);
    }
}
