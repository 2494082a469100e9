package org.mriworkbench.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code history_request} semantics as IPython defines them: tail, range (stop exclusive), glob search. */
class CellHistoryTest {

    private static final Set<ResultFlag> NONE = EnumSet.noneOf(ResultFlag.class);

    private static CellHistory history() {
        CellHistory h = new CellHistory();
        h.add(1, "int a = 1;", null);
        h.add(2, "a * 2", "2");
        h.add(3, "int a = 1;", null);
        h.add(4, "a * 3", "3");
        return h;
    }

    private static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getInput).toList();
    }

    @Test
    void tailIsTheLastNOldestFirst() {
        assertEquals(List.of("int a = 1;", "a * 3"), inputs(history().lookupTail(2, NONE)));
        assertEquals(4, history().lookupTail(10, NONE).size());
    }

    @Test
    void rangeStopIsExclusiveAndOtherSessionsAreEmpty() {
        assertEquals(List.of("a * 2", "int a = 1;"), inputs(history().lookupRange(CellHistory.SESSION, 2, 4, NONE)));
        assertEquals(List.of(), history().lookupRange(CellHistory.SESSION + 1, 1, 4, NONE));
        assertEquals(2, history().lookupRange(0, 3, 0, NONE).size()); // session 0: this one; stop 0: to the end
    }

    @Test
    void searchIsAGlobOverTheWholeInputWithUniqueAndN() {
        assertEquals(List.of("a * 2", "a * 3"), inputs(history().search("a ?*", 0, NONE)));
        assertEquals(List.of("int a = 1;", "int a = 1;"), inputs(history().search("int*", 0, NONE)));
        assertEquals(List.of("int a = 1;"), inputs(history().search("int*", 0, EnumSet.of(ResultFlag.UNIQUE))));
        assertEquals(List.of("a * 3"), inputs(history().search("a*", 1, NONE)));
        assertEquals(List.of(), history().search("a", 0, NONE)); // whole input, not a substring
    }

    @Test
    void outputIsIncludedOnlyWhenAskedAndBounded() {
        HistoryEntry withOut = history().lookupTail(1, EnumSet.of(ResultFlag.INCLUDE_OUTPUT)).get(0);
        assertEquals("3", withOut.getOutput());
        assertNull(history().lookupTail(1, NONE).get(0).getOutput());
        CellHistory h = new CellHistory();
        h.add(1, "x", "y".repeat(CellHistory.MAX_OUTPUT + 10));
        assertTrue(h.lookupTail(1, EnumSet.of(ResultFlag.INCLUDE_OUTPUT)).get(0).getOutput().length()
                <= CellHistory.MAX_OUTPUT + 1);
    }
}
