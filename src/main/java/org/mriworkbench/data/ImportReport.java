package org.mriworkbench.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link DatasetImporter} put where, and what it left out. Printed after an import so that a truncated
 * download (a class with too few images) or an unexpected archive layout is noticed before any training.
 *
 * @param target  the folder the data set now lives in
 * @param counts  files per split folder and class folder, as spelled in the archive
 * @param files   files written in total
 * @param bytes   bytes written in total
 * @param skipped archive entries not imported, each with the reason (hidden, outside the split folders, ...)
 */
public record ImportReport(Path target, SortedMap<String, SortedMap<String, Integer>> counts, int files, long bytes,
                           List<String> skipped) {

    public ImportReport {
        Objects.requireNonNull(target, "target");
        SortedMap<String, SortedMap<String, Integer>> copy = new TreeMap<>();
        counts.forEach((split, classes) -> copy.put(split, Collections.unmodifiableSortedMap(new TreeMap<>(classes))));
        counts = Collections.unmodifiableSortedMap(copy);
        skipped = List.copyOf(skipped);
    }

    /** Files imported for one split and class folder; 0 when there were none. */
    public int count(String split, String classFolder) {
        return counts.getOrDefault(split, Collections.emptySortedMap()).getOrDefault(classFolder, 0);
    }

    /** Multi-line summary for the command line. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("Imported ").append(files).append(" files (").append(bytes / (1024 * 1024)).append(" MiB) into ")
                .append(target).append('\n');
        for (Map.Entry<String, SortedMap<String, Integer>> split : counts.entrySet()) {
            for (Map.Entry<String, Integer> cls : split.getValue().entrySet()) {
                sb.append(String.format(java.util.Locale.ROOT, "  %-10s %-12s %6d%n", split.getKey(), cls.getKey(),
                        cls.getValue()));
            }
        }
        if (!skipped.isEmpty()) {
            sb.append("Skipped ").append(skipped.size()).append(" entries, e.g. ").append(skipped.get(0)).append('\n');
        }
        return sb.toString();
    }
}
