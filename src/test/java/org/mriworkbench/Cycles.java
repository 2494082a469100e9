package org.mriworkbench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Groups of nodes that reach each other (strongly connected components of more than one node), Tarjan's way. */
final class Cycles {

    private final Map<String, ? extends Set<String>> graph;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new HashSet<>();
    private final List<List<String>> found = new ArrayList<>();

    private Cycles(Map<String, ? extends Set<String>> graph) {
        this.graph = graph;
    }

    /** Each cycle as its sorted members, cycles sorted by first member; edges to unknown nodes are ignored. */
    static List<List<String>> of(Map<String, ? extends Set<String>> graph) {
        Cycles c = new Cycles(graph);
        for (String v : new TreeSet<>(graph.keySet())) {
            if (!c.index.containsKey(v)) {
                c.visit(v);
            }
        }
        c.found.sort(Comparator.comparing(l -> l.get(0)));
        return c.found;
    }

    private void visit(String v) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.get(v)) {
            if (!graph.containsKey(w) || w.equals(v)) {
                continue;
            }
            if (!index.containsKey(w)) {
                visit(w);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                component.sort(null);
                found.add(component);
            }
        }
    }
}
