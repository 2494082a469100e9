package org.mriworkbench.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CellSourceTest {

    @Test
    void magicLinesAreBlankedInPlace() {
        CellSource s = CellSource.parse("%jars lib/*.jar\nint x = 1;\n  %classpath  a b\nx % 2");
        assertEquals(List.of(new CellSource.Magic("jars", "lib/*.jar", 1), new CellSource.Magic("classpath", "a b", 3)),
                s.magics());
        assertEquals(" ".repeat(15) + "\nint x = 1;\n" + " ".repeat(17) + "\nx % 2", s.code());
        assertNull(s.cellMagic());
        assertEquals(4, s.lineOf(s.code().indexOf("x % 2")));
        assertEquals(3, s.columnOf(s.code().indexOf("% 2")));
    }

    @Test
    void aCellMagicIsRecognisedOnTheFirstLineOnly() {
        assertEquals("bash", CellSource.parse("%%bash\nls").cellMagic());
        assertNull(CellSource.parse("int a = 1;\n%%bash").cellMagic());
    }
}
