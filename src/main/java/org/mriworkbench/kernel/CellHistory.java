package org.mriworkbench.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells run in this kernel session, for Jupyter's {@code history_request} (the console's up-arrow, {@code %history}
 * in front ends that ask the kernel). IPython's semantics: one session, numbered {@link #SESSION} (0 and negative
 * numbers in a range request also mean "this session"); cells are numbered by their execution count; a range's stop
 * is exclusive; a search pattern is a glob ({@code *}, {@code ?}) matched against the whole input, and returns the
 * last {@code n} matches, oldest first. History lives in memory only and ends with the kernel: a notebook keeps its
 * own cells, so persisting them would mostly duplicate the notebook file.
 */
final class CellHistory implements HistoryManager {

    /** The number this kernel reports for its (only) session. */
    static final int SESSION = 1;
    /** The longest output text kept per cell; results can be huge tables. */
    static final int MAX_OUTPUT = 2_000;

    private record Cell(int number, String input, String output) {
    }

    private final List<Cell> cells = new ArrayList<>();

    /** Records a cell that ran (or failed) with execution count {@code number}; {@code output} may be null. */
    synchronized void add(int number, String input, String output) {
        String out = output == null ? "" : output.length() > MAX_OUTPUT ? output.substring(0, MAX_OUTPUT) + "…" : output;
        cells.add(new Cell(number, input, out));
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int n, Set<ResultFlag> flags) {
        int from = n <= 0 ? 0 : Math.max(0, cells.size() - n);
        return entries(cells.subList(from, cells.size()), flags);
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        if (session > 0 && session != SESSION) {
            return List.of();
        }
        List<Cell> out = new ArrayList<>();
        for (Cell c : cells) {
            if (c.number() >= start && (stop <= 0 || c.number() < stop)) {
                out.add(c);
            }
        }
        return entries(out, flags);
    }

    @Override
    public synchronized List<HistoryEntry> search(String glob, int n, Set<ResultFlag> flags) {
        Pattern p = globPattern(glob == null || glob.isEmpty() ? "*" : glob);
        boolean unique = flags.contains(ResultFlag.UNIQUE);
        List<Cell> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = cells.size() - 1; i >= 0 && (n <= 0 || out.size() < n); i--) { // newest first, then reversed
            Cell c = cells.get(i);
            if (p.matcher(c.input()).matches() && (!unique || seen.add(c.input()))) {
                out.add(0, c);
            }
        }
        return entries(out, flags);
    }

    private static List<HistoryEntry> entries(List<Cell> cells, Set<ResultFlag> flags) {
        boolean output = flags.contains(ResultFlag.INCLUDE_OUTPUT);
        return cells.stream().map(c -> new HistoryEntry(SESSION, c.number(), c.input(), output ? c.output() : null))
                .toList();
    }

    /** SQLite's GLOB (which IPython uses): {@code *} any text, {@code ?} one character, the rest literal. */
    static Pattern globPattern(String glob) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> re.append("[\\s\\S]*");
                case '?' -> re.append("[\\s\\S]");
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
