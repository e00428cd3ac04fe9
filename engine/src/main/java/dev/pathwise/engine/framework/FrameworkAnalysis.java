package dev.pathwise.engine.framework;

import dev.pathwise.engine.spelling.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates the competencies of one framework and, when they are consistent, derives everything {@link Framework}
 * answers from: the hierarchy, effective prerequisites, dependents and a topological order. Works on indices in
 * the order given, so every derived list keeps that order. Collects all problems rather than stopping at the first.
 */
final class FrameworkAnalysis {

    private static final int NONE = -1;

    private final String label;
    private final boolean inherit;
    private final List<String> problems = new ArrayList<>();

    private final List<Competency> competencies = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> indexById = new HashMap<>();
    private int[] parent;
    private int[][] ancestors;
    private List<List<Integer>> declared;
    private List<Set<Integer>> effective;

    private FrameworkAnalysis(String frameworkId, String frameworkName, boolean inherit) {
        this.label = frameworkId == null || frameworkId.isBlank()
                ? "Framework named '" + frameworkName + "' (no id)"
                : "Framework '" + frameworkId + "'";
        this.inherit = inherit;
        if (frameworkId == null || frameworkId.isBlank()) {
            problems.add("Framework id is blank (" + (frameworkId == null ? "null" : "'" + frameworkId + "'")
                    + ") for the framework named '" + frameworkName + "'; give it a non-blank id.");
        }
    }

    static FrameworkAnalysis of(String frameworkId, String frameworkName, List<Competency> given, boolean inherit) {
        FrameworkAnalysis analysis = new FrameworkAnalysis(frameworkId, frameworkName, inherit);
        analysis.collectUniqueCompetencies(given);
        analysis.resolveParents();
        analysis.findParentCycles();
        analysis.checkPrerequisites();
        analysis.deriveEffectivePrerequisites();
        analysis.findPrerequisiteCycles();
        return analysis;
    }

    List<String> problems() {
        return problems;
    }

    List<Competency> competencies() {
        return competencies;
    }

    private void collectUniqueCompetencies(List<Competency> given) {
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int position = 0; position < given.size(); position++) {
            Competency competency = given.get(position);
            if (competency == null) {
                problems.add(label + ": competencies[" + position + "] is null; remove it from the list.");
                continue;
            }
            positions.computeIfAbsent(competency.id(), id -> new ArrayList<>()).add(position);
            if (!indexById.containsKey(competency.id())) {
                indexById.put(competency.id(), competencies.size());
                competencies.add(competency);
                ids.add(competency.id());
            }
        }
        positions.forEach((id, at) -> {
            if (at.size() > 1) {
                problems.add(label + ": competency id '" + id + "' is used by " + at.size() + " competencies ("
                        + at.stream().map(p -> "competencies[" + p + "]").collect(Collectors.joining(", "))
                        + "); give each competency a unique id.");
            }
        });
    }

    private void resolveParents() {
        parent = new int[ids.size()];
        for (int v = 0; v < ids.size(); v++) {
            String parentId = competencies.get(v).parentId();
            Integer index = parentId == null ? null : indexById.get(parentId);
            parent[v] = index == null ? NONE : index;
            if (parentId != null && index == null) {
                problems.add(label + ": competency '" + ids.get(v) + "' has unknown parent '" + parentId + "'."
                        + Suggestions.idHint(parentId, ids)
                        + " Fix its parentId or add a competency with id '" + parentId + "'.");
            }
        }
    }

    /**
     * The parent links form a functional graph: walk each chain once, report every cycle met, and give a
     * competency ancestors only when its chain ends at a root (a competency in or under a cycle has none).
     */
    private void findParentCycles() {
        int n = ids.size();
        final int unvisited = 0;
        final int onPath = 1;
        final int done = 2;
        int[] state = new int[n];
        boolean[] underCycle = new boolean[n];
        for (int first = 0; first < n; first++) {
            if (state[first] != unvisited) {
                continue;
            }
            List<Integer> path = new ArrayList<>();
            int v = first;
            while (v != NONE && state[v] == unvisited) {
                state[v] = onPath;
                path.add(v);
                v = parent[v];
            }
            boolean reachesCycle;
            if (v != NONE && state[v] == onPath) {
                reportParentCycle(path.subList(path.indexOf(v), path.size()));
                reachesCycle = true;
            } else {
                reachesCycle = v != NONE && underCycle[v];
            }
            for (int w : path) {
                state[w] = done;
                underCycle[w] = reachesCycle;
            }
        }
        ancestors = new int[n][];
        for (int v = 0; v < n; v++) {
            List<Integer> chain = new ArrayList<>();
            if (!underCycle[v]) {
                for (int a = parent[v]; a != NONE; a = parent[a]) {
                    chain.add(a);
                }
            }
            ancestors[v] = chain.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private void reportParentCycle(List<Integer> cycle) {
        problems.add(label + ": parent cycle " + cyclePath(cycle)
                + " (each competency's parent is the next); set one of these parentIds to a competency outside"
                + " the cycle, or clear it.");
    }

    /** Keeps the declared prerequisites that are sound and reports the rest. */
    private void checkPrerequisites() {
        declared = new ArrayList<>(ids.size());
        for (int v = 0; v < ids.size(); v++) {
            String id = ids.get(v);
            List<Integer> sound = new ArrayList<>();
            for (String required : new LinkedHashSet<>(competencies.get(v).prerequisiteIds())) {
                Integer w = indexById.get(required);
                if (required.equals(id)) {
                    problems.add(label + ": competency '" + id + "' lists itself as a prerequisite, so it could"
                            + " never become ready; remove '" + id + "' from its prerequisiteIds.");
                } else if (w == null) {
                    problems.add(label + ": competency '" + id + "' requires unknown competency '" + required + "'."
                            + Suggestions.idHint(required, ids)
                            + " Fix the prerequisite id or add a competency with id '" + required + "'.");
                } else if (contains(ancestors[v], w)) {
                    problems.add(label + ": competency '" + id + "' requires its own ancestor '" + required
                            + "', which can never be satisfied: '" + required + "' is mastered through its"
                            + " descendants, including '" + id + "'; remove '" + required
                            + "' from the prerequisiteIds of '" + id + "'.");
                } else if (contains(ancestors[w], v)) {
                    problems.add(label + ": competency '" + id + "' requires its own descendant '" + required
                            + "', a deadlock: '" + id + "' is mastered through its descendants"
                            + (inherit
                                    ? " and '" + required + "' inherits the prerequisites of '" + id + "', so '"
                                            + required + "' would have to be mastered before itself"
                                    : ", so it cannot also wait for one of them")
                            + "; remove '" + required + "' from the prerequisiteIds of '" + id + "'.");
                } else {
                    sound.add(w);
                }
            }
            declared.add(sound);
        }
    }

    /** Own sound prerequisites first, then (when inheriting) each ancestor's, nearest ancestor first. */
    private void deriveEffectivePrerequisites() {
        effective = new ArrayList<>(ids.size());
        for (int v = 0; v < ids.size(); v++) {
            Set<Integer> all = new LinkedHashSet<>(declared.get(v));
            if (inherit) {
                for (int a : ancestors[v]) {
                    all.addAll(declared.get(a));
                }
            }
            effective.add(all);
        }
    }

    private void findPrerequisiteCycles() {
        int[][] edges = new int[ids.size()][];
        for (int v = 0; v < ids.size(); v++) {
            edges[v] = effective.get(v).stream().mapToInt(Integer::intValue).toArray();
        }
        PrerequisiteCycles.Found found = PrerequisiteCycles.in(edges);
        for (List<Integer> cycle : found.cycles()) {
            List<String> inherited = new ArrayList<>();
            for (int i = 0; i < cycle.size(); i++) {
                int from = cycle.get(i);
                int to = cycle.get((i + 1) % cycle.size());
                if (!declared.get(from).contains(to)) {
                    inherited.add("'" + ids.get(from) + "' inherits '" + ids.get(to) + "' from its ancestor '"
                            + ids.get(declaringAncestor(from, to)) + "'");
                }
            }
            problems.add(label + ": prerequisite cycle " + cyclePath(cycle) + " (each competency requires the next"
                    + (inherited.isEmpty() ? "" : "; " + String.join("; ", inherited))
                    + "), so none of them could ever become ready; remove one of these prerequisites.");
        }
        if (found.truncated()) {
            problems.add(label + ": more than " + PrerequisiteCycles.LIMIT + " prerequisite cycles; only the first "
                    + PrerequisiteCycles.LIMIT + " are listed. Break these and validate again to see the rest.");
        }
    }

    private int declaringAncestor(int competency, int prerequisite) {
        for (int a : ancestors[competency]) {
            if (declared.get(a).contains(prerequisite)) {
                return a;
            }
        }
        throw new IllegalStateException("'" + ids.get(competency) + "' has effective prerequisite '"
                + ids.get(prerequisite) + "' that neither it nor any ancestor declares");
    }

    private String cyclePath(List<Integer> cycle) {
        StringBuilder path = new StringBuilder();
        for (int v : cycle) {
            path.append(ids.get(v)).append(" -> ");
        }
        return path.append(ids.get(cycle.get(0))).toString();
    }

    // ---- derived data, meaningful only once problems() is empty ----

    Map<String, String> parents() {
        Map<String, String> parents = new HashMap<>();
        for (int v = 0; v < ids.size(); v++) {
            if (parent[v] != NONE) {
                parents.put(ids.get(v), ids.get(parent[v]));
            }
        }
        return parents;
    }

    Map<String, List<String>> children() {
        List<List<Integer>> children = childIndices();
        Map<String, List<String>> byId = new HashMap<>();
        for (int v = 0; v < ids.size(); v++) {
            byId.put(ids.get(v), names(children.get(v)));
        }
        return byId;
    }

    Map<String, List<String>> ancestors() {
        Map<String, List<String>> byId = new HashMap<>();
        for (int v = 0; v < ids.size(); v++) {
            List<Integer> chain = new ArrayList<>();
            for (int a : ancestors[v]) {
                chain.add(a);
            }
            byId.put(ids.get(v), names(chain));
        }
        return byId;
    }

    /** Depth-first, pre-order, children in the order given; built bottom-up so each subtree is walked once per ancestor. */
    Map<String, List<String>> descendants() {
        List<List<Integer>> children = childIndices();
        List<List<String>> below = new ArrayList<>(Collections.nCopies(ids.size(), null));
        List<Integer> deepestFirst = new ArrayList<>();
        for (int v = 0; v < ids.size(); v++) {
            deepestFirst.add(v);
        }
        deepestFirst.sort((a, b) -> Integer.compare(ancestors[b].length, ancestors[a].length));
        for (int v : deepestFirst) {
            List<String> list = new ArrayList<>();
            for (int child : children.get(v)) {
                list.add(ids.get(child));
                list.addAll(below.get(child));
            }
            below.set(v, List.copyOf(list));
        }
        Map<String, List<String>> byId = new HashMap<>();
        for (int v = 0; v < ids.size(); v++) {
            byId.put(ids.get(v), below.get(v));
        }
        return byId;
    }

    Map<String, Set<String>> effectivePrerequisites() {
        Map<String, Set<String>> byId = new HashMap<>();
        for (int v = 0; v < ids.size(); v++) {
            Set<String> names = new LinkedHashSet<>();
            for (int w : effective.get(v)) {
                names.add(ids.get(w));
            }
            byId.put(ids.get(v), Collections.unmodifiableSet(names));
        }
        return byId;
    }

    Map<String, List<String>> dependents() {
        List<List<Integer>> dependents = dependentIndices();
        Map<String, List<String>> byId = new HashMap<>();
        for (int v = 0; v < ids.size(); v++) {
            byId.put(ids.get(v), names(dependents.get(v)));
        }
        return byId;
    }

    /** Kahn's algorithm, always taking the ready competency given first, so the order is stable. */
    List<String> topologicalOrder() {
        List<List<Integer>> dependents = dependentIndices();
        int[] waitingFor = new int[ids.size()];
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int v = 0; v < ids.size(); v++) {
            waitingFor[v] = effective.get(v).size();
            if (waitingFor[v] == 0) {
                ready.add(v);
            }
        }
        List<Integer> order = new ArrayList<>(ids.size());
        while (!ready.isEmpty()) {
            int v = ready.poll();
            order.add(v);
            for (int d : dependents.get(v)) {
                if (--waitingFor[d] == 0) {
                    ready.add(d);
                }
            }
        }
        if (order.size() != ids.size()) {
            throw new IllegalStateException(label + ": topological order requested for a framework with a cycle");
        }
        return names(order);
    }

    private List<List<Integer>> childIndices() {
        List<List<Integer>> children = emptyLists();
        for (int v = 0; v < ids.size(); v++) {
            if (parent[v] != NONE) {
                children.get(parent[v]).add(v);
            }
        }
        return children;
    }

    private List<List<Integer>> dependentIndices() {
        List<List<Integer>> dependents = emptyLists();
        for (int v = 0; v < ids.size(); v++) {
            for (int w : effective.get(v)) {
                dependents.get(w).add(v);
            }
        }
        return dependents;
    }

    private List<List<Integer>> emptyLists() {
        List<List<Integer>> lists = new ArrayList<>(ids.size());
        for (int v = 0; v < ids.size(); v++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    private List<String> names(List<Integer> indices) {
        List<String> names = new ArrayList<>(indices.size());
        for (int v : indices) {
            names.add(ids.get(v));
        }
        return List.copyOf(names);
    }

    private static boolean contains(int[] values, int value) {
        for (int candidate : values) {
            if (candidate == value) {
                return true;
            }
        }
        return false;
    }
}
