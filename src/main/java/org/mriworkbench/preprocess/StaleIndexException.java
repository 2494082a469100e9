package org.mriworkbench.preprocess;

import java.util.List;

/**
 * Files no longer match the {@link org.mriworkbench.data.DatasetIndex} they were scanned into: changed, removed or
 * now unreadable. The index is the contract for what the data is (and the cache key), so preprocessing refuses to
 * continue on different bytes; the remedy is always to scan the folder again.
 */
public class StaleIndexException extends RuntimeException {

    private final List<String> problems;

    private final int count;

    public StaleIndexException(int total, int count, List<String> problems) {
        super(count + " of " + total + " files changed on disk since the data set was scanned (first: "
                + problems.get(0) + "); scan the data set again (DatasetScanner.scan) and reload");
        this.count = count;
        this.problems = List.copyOf(problems);
    }

    /** How many files no longer match (only the first few are listed in {@link #problems()}). */
    public int count() {
        return count;
    }

    /** One line per file, {@code path: what is wrong}, for the first few files. */
    public List<String> problems() {
        return problems;
    }
}
