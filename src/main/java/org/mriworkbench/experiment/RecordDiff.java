package org.mriworkbench.experiment;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Field-by-field comparison of records (configs, manifests), flattening nested records and maps into dotted paths.
 * This is what answers "why did these two runs give different results?" in the Tribuo spirit: the answer is the
 * list of config and provenance fields that differ. Lists and other values compare by their text form.
 */
public final class RecordDiff {

    private static final String ABSENT = "<absent>";

    private RecordDiff() {
    }

    /** The fields whose values differ between {@code a} and {@code b}, in path order. */
    public static List<FieldDifference> diff(Record a, Record b) {
        Map<String, String> left = flatten(a);
        Map<String, String> right = flatten(b);
        TreeSet<String> keys = new TreeSet<>(left.keySet());
        keys.addAll(right.keySet());
        List<FieldDifference> out = new ArrayList<>();
        for (String k : keys) {
            String l = left.getOrDefault(k, ABSENT);
            String r = right.getOrDefault(k, ABSENT);
            if (!l.equals(r)) {
                out.add(new FieldDifference(k, l, r));
            }
        }
        return List.copyOf(out);
    }

    /** {@code value}'s leaves by dotted path; a record nested in a sealed hierarchy also gets a {@code .type}. */
    public static Map<String, String> flatten(Record value) {
        Map<String, String> out = new TreeMap<>();
        flatten("", value, out);
        return out;
    }

    private static void flatten(String prefix, Object value, Map<String, String> out) {
        if (value instanceof Record r) {
            if (!prefix.isEmpty() && r.getClass().getInterfaces().length > 0) {
                out.put(prefix + "type", r.getClass().getSimpleName());
            }
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                flatten(prefix + c.getName() + ".", read(c, r), out);
            }
        } else if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                flatten(prefix + e.getKey() + ".", e.getValue(), out);
            }
        } else {
            out.put(prefix.substring(0, Math.max(0, prefix.length() - 1)), Objects.toString(value));
        }
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return "<unreadable: " + e + ">";
        }
    }
}
