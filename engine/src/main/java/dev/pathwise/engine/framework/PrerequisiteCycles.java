package dev.pathwise.engine.framework;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Every elementary cycle of a directed graph, each reported exactly once, by Johnson's algorithm. Nodes are indices;
 * {@code edges[v]} lists the nodes {@code v} requires. A cycle is returned starting at its smallest index and
 * following the edges, without repeating the first node; cycles come out ordered by that first node.
 *
 * <p>The search stops after {@value #LIMIT} cycles, since a tangled graph can have exponentially many and the first
 * few are enough to act on. Each strongly connected component processed contains a cycle through its smallest node,
 * so the work is bounded by {@code (LIMIT + 1)} passes over the graph. Iterative throughout, so a long cycle cannot
 * overflow the stack.
 */
final class PrerequisiteCycles {

    static final int LIMIT = 20;

    /** The cycles found, and whether more exist than were listed. */
    record Found(List<List<Integer>> cycles, boolean truncated) {}

    private final int[][] edges;
    private final boolean[] inComponent;
    private final boolean[] blocked;
    private final List<Set<Integer>> blockedBy;
    private final List<List<Integer>> cycles = new ArrayList<>();
    private boolean truncated;
    private int start;

    private PrerequisiteCycles(int[][] edges) {
        this.edges = edges;
        this.inComponent = new boolean[edges.length];
        this.blocked = new boolean[edges.length];
        this.blockedBy = new ArrayList<>(edges.length);
        for (int v = 0; v < edges.length; v++) {
            blockedBy.add(new LinkedHashSet<>());
        }
    }

    static Found in(int[][] edges) {
        PrerequisiteCycles search = new PrerequisiteCycles(edges);
        search.run();
        return new Found(List.copyOf(search.cycles), search.truncated);
    }

    private void run() {
        int[] all = new int[edges.length];
        Arrays.setAll(all, v -> v);
        PriorityQueue<int[]> components = new PriorityQueue<>(Comparator.comparingInt(component -> component[0]));
        components.addAll(cyclicComponents(all));
        while (!components.isEmpty() && !truncated) {
            int[] component = components.poll();
            for (int v : component) {
                inComponent[v] = true;
                blocked[v] = false;
                blockedBy.get(v).clear();
            }
            start = component[0];
            circuitsThroughStart();
            for (int v : component) {
                inComponent[v] = false;
            }
            components.addAll(cyclicComponents(Arrays.copyOfRange(component, 1, component.length)));
        }
    }

    /**
     * Strongly connected components of the subgraph induced by {@code nodes} (ascending) that contain a cycle, each
     * as ascending indices, by Kosaraju's algorithm.
     */
    private List<int[]> cyclicComponents(int[] nodes) {
        boolean[] member = new boolean[edges.length];
        for (int v : nodes) {
            member[v] = true;
        }
        int[] finishOrder = new int[nodes.length];
        int finished = 0;
        boolean[] seen = new boolean[edges.length];
        int[] stack = new int[nodes.length];
        int[] nextEdge = new int[nodes.length];
        for (int root : nodes) {
            if (seen[root]) {
                continue;
            }
            int depth = 0;
            stack[depth] = root;
            nextEdge[depth++] = 0;
            seen[root] = true;
            while (depth > 0) {
                int v = stack[depth - 1];
                if (nextEdge[depth - 1] < edges[v].length) {
                    int w = edges[v][nextEdge[depth - 1]++];
                    if (member[w] && !seen[w]) {
                        seen[w] = true;
                        stack[depth] = w;
                        nextEdge[depth++] = 0;
                    }
                } else {
                    finishOrder[finished++] = v;
                    depth--;
                }
            }
        }
        List<List<Integer>> reversed = new ArrayList<>(edges.length);
        for (int v = 0; v < edges.length; v++) {
            reversed.add(null);
        }
        for (int v : nodes) {
            reversed.set(v, new ArrayList<>());
        }
        for (int v : nodes) {
            for (int w : edges[v]) {
                if (member[w]) {
                    reversed.get(w).add(v);
                }
            }
        }
        boolean[] assigned = new boolean[edges.length];
        List<int[]> cyclic = new ArrayList<>();
        for (int i = nodes.length - 1; i >= 0; i--) {
            int root = finishOrder[i];
            if (assigned[root]) {
                continue;
            }
            List<Integer> component = new ArrayList<>();
            Deque<Integer> pending = new ArrayDeque<>();
            pending.push(root);
            assigned[root] = true;
            while (!pending.isEmpty()) {
                int v = pending.pop();
                component.add(v);
                for (int w : reversed.get(v)) {
                    if (!assigned[w]) {
                        assigned[w] = true;
                        pending.push(w);
                    }
                }
            }
            if (component.size() > 1 || requiresItself(root)) {
                cyclic.add(
                        component.stream().mapToInt(Integer::intValue).sorted().toArray());
            }
        }
        return cyclic;
    }

    private boolean requiresItself(int v) {
        for (int w : edges[v]) {
            if (w == v) {
                return true;
            }
        }
        return false;
    }

    /** Johnson's CIRCUIT procedure from {@code start}, with an explicit stack of (node, next edge, found a cycle). */
    private void circuitsThroughStart() {
        int[] path = new int[edges.length];
        int[] nextEdge = new int[edges.length];
        boolean[] found = new boolean[edges.length];
        int depth = 0;
        path[depth] = start;
        nextEdge[depth] = 0;
        found[depth++] = false;
        blocked[start] = true;
        while (depth > 0 && !truncated) {
            int top = depth - 1;
            int v = path[top];
            if (nextEdge[top] < edges[v].length) {
                int w = edges[v][nextEdge[top]++];
                if (!inComponent[w]) {
                    continue;
                }
                if (w == start) {
                    record(Arrays.copyOf(path, depth));
                    found[top] = true;
                } else if (!blocked[w]) {
                    path[depth] = w;
                    nextEdge[depth] = 0;
                    found[depth++] = false;
                    blocked[w] = true;
                }
            } else {
                if (found[top]) {
                    unblock(v);
                } else {
                    for (int w : edges[v]) {
                        if (inComponent[w]) {
                            blockedBy.get(w).add(v);
                        }
                    }
                }
                depth--;
                if (depth > 0 && found[top]) {
                    found[depth - 1] = true;
                }
            }
        }
    }

    private void record(int[] cycle) {
        if (cycles.size() == LIMIT) {
            truncated = true;
            return;
        }
        cycles.add(Arrays.stream(cycle).boxed().toList());
    }

    private void unblock(int node) {
        Deque<Integer> pending = new ArrayDeque<>();
        pending.push(node);
        while (!pending.isEmpty()) {
            int u = pending.pop();
            if (!blocked[u]) {
                continue;
            }
            blocked[u] = false;
            Set<Integer> waiting = blockedBy.get(u);
            for (int w : waiting) {
                pending.push(w);
            }
            waiting.clear();
        }
    }
}
