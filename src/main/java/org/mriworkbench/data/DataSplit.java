package org.mriworkbench.data;

import org.mriworkbench.core.Label;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.mriworkbench.core.Sha256;

/**
 * The subset of every image of an index, with the reason for every exclusion. A split records the fingerprints of
 * its index and its own assignment, so a run's manifest can prove which images it trained and tested on.
 */
public final class DataSplit {

    private final SplitConfig config;
    private final DatasetIndex index;
    private final Subset[] assignment;
    private final String[] exclusionReason;
    private final String fingerprint;

    DataSplit(SplitConfig config, DatasetIndex index, Subset[] assignment, String[] exclusionReason) {
        this.config = config;
        this.index = index;
        this.assignment = assignment.clone();
        this.exclusionReason = exclusionReason.clone();
        this.fingerprint = computeFingerprint();
    }

    public SplitConfig config() {
        return config;
    }

    public DatasetIndex index() {
        return index;
    }

    /** The subset of image {@code i} of the index. */
    public Subset subset(int i) {
        return assignment[i];
    }

    /** Why image {@code i} was excluded, or null. */
    public String exclusionReason(int i) {
        return exclusionReason[i];
    }

    /** Index positions of one subset, ascending. */
    public int[] indices(Subset s) {
        return IntStream.range(0, assignment.length).filter(i -> assignment[i] == s).toArray();
    }

    /** Number of images in one subset. */
    public int size(Subset s) {
        return (int) Arrays.stream(assignment).filter(a -> a == s).count();
    }

    /** Counts per subset and label. */
    public Map<Subset, Map<Label, Integer>> counts() {
        Map<Subset, Map<Label, Integer>> out = new EnumMap<>(Subset.class);
        for (int i = 0; i < assignment.length; i++) {
            out.computeIfAbsent(assignment[i], k -> new TreeMap<>()).merge(index.get(i).label(), 1, Integer::sum);
        }
        return out;
    }

    /** Class counts of every subset as a table: one row per subset, one column per label, plus the total. */
    public Table countsTable() {
        List<Label> labels = index.records().stream().map(ImageRecord::label).distinct().sorted().toList();
        StringColumn subset = StringColumn.create("subset");
        Map<Label, IntColumn> cols = new EnumMap<>(Label.class);
        for (Label l : labels) {
            cols.put(l, IntColumn.create(l.name()));
        }
        IntColumn total = IntColumn.create("total");
        Map<Subset, Map<Label, Integer>> counts = counts();
        for (Subset s : Subset.values()) {
            Map<Label, Integer> c = counts.getOrDefault(s, Map.of());
            subset.append(s.name());
            int sum = 0;
            for (Label l : labels) {
                int v = c.getOrDefault(l, 0);
                cols.get(l).append(v);
                sum += v;
            }
            total.append(sum);
        }
        Table t = Table.create("split " + config.mode() + " (seed " + config.seed() + ")", subset);
        cols.values().forEach(t::addColumns);
        t.addColumns(total);
        return t;
    }

    /** One row per image: path, label, subset, exclusion reason. */
    public Table toTable() {
        StringColumn path = StringColumn.create("path");
        StringColumn label = StringColumn.create("label");
        StringColumn subset = StringColumn.create("subset");
        StringColumn reason = StringColumn.create("excluded_because");
        for (int i = 0; i < assignment.length; i++) {
            path.append(index.get(i).path());
            label.append(index.get(i).label().name());
            subset.append(assignment[i].name());
            reason.append(exclusionReason[i] == null ? "" : exclusionReason[i]);
        }
        return Table.create("split", path, label, subset, reason);
    }

    /** SHA-256 over the index fingerprint, the config and every assignment. */
    public String fingerprint() {
        return fingerprint;
    }

    private String computeFingerprint() {
        MessageDigest md = Sha256.newDigest();
        md.update((index.fingerprint() + '\n' + config + '\n').getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < assignment.length; i++) {
            md.update((index.get(i).path() + '\t' + assignment[i] + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(md);
    }
}
