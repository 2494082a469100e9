package org.mriworkbench.data;

import java.util.List;
import java.util.Set;
import org.mriworkbench.core.Label;

/**
 * Images that share content: byte-identical files ({@link Kind#EXACT}) or a cluster of exact and confirmed near
 * copies ({@link Kind#CLUSTER}). Groups are what must never straddle a split; with no patient IDs in the data, they
 * are the best stand-in for "one patient".
 *
 * @param members index positions (into {@link DatasetIndex#records()}), ascending
 * @param paths   the members' relative paths, in the same order
 */
public record DuplicateGroup(int id, Kind kind, List<Integer> members, List<String> paths, Set<Origin> origins,
                             Set<Label> labels) {

    /** How the group was formed. */
    public enum Kind { EXACT, CLUSTER }

    public DuplicateGroup {
        members = List.copyOf(members);
        paths = List.copyOf(paths);
        origins = Set.copyOf(origins);
        labels = Set.copyOf(labels);
    }

    public int size() {
        return members.size();
    }

    /** True when members sit in both the official Training and Testing folders. */
    public boolean spansTrainingAndTesting() {
        return origins.contains(Origin.TRAINING) && origins.contains(Origin.TESTING);
    }

    /** True when members carry different labels: label noise, or a wrong merge. */
    public boolean mixedLabels() {
        return labels.size() > 1;
    }
}
