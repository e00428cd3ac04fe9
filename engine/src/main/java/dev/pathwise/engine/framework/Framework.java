package dev.pathwise.engine.framework;

import dev.pathwise.engine.spelling.Suggestions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A competency framework: competencies in a parent/child hierarchy, with prerequisites between them.
 *
 * <p>A parent's prerequisites are prerequisites of all its descendants unless the framework says otherwise
 * ({@link #childrenInheritPrerequisites()}); {@link #prerequisites(String)} answers with these <em>effective</em>
 * prerequisites. The factory rejects an inconsistent framework with a {@link FrameworkException} listing every
 * problem. Immutable and thread-safe; everything derived is computed once in the factory, so each query is a lookup.
 */
public final class Framework {

    private final String id;
    private final String name;
    private final boolean childrenInheritPrerequisites;
    private final List<Competency> competencies;
    private final Map<String, Competency> byId;
    private final Map<String, String> parents;
    private final Map<String, List<String>> children;
    private final Map<String, List<String>> ancestors;
    private final Map<String, List<String>> descendants;
    private final List<String> leaves;
    private final Map<String, Set<String>> prerequisites;
    private final Map<String, List<String>> dependents;
    private final List<String> topologicalOrder;
    private final Map<String, Integer> positions;
    /** Positions (in {@link #competencies()}) of the leaves, and of each leaf's effective prerequisites. */
    private final int[] leafPositions;

    private final int[][] leafPrerequisitePositions;

    private Framework(String id, String name, boolean childrenInheritPrerequisites, FrameworkAnalysis analysis) {
        this.id = id;
        this.name = name;
        this.childrenInheritPrerequisites = childrenInheritPrerequisites;
        this.competencies = List.copyOf(analysis.competencies());
        Map<String, Competency> index = new HashMap<>();
        List<String> leafIds = new ArrayList<>();
        this.children = Collections.unmodifiableMap(analysis.children());
        for (Competency competency : competencies) {
            index.put(competency.id(), competency);
            if (children.get(competency.id()).isEmpty()) {
                leafIds.add(competency.id());
            }
        }
        this.byId = Collections.unmodifiableMap(index);
        this.leaves = List.copyOf(leafIds);
        this.parents = Collections.unmodifiableMap(analysis.parents());
        this.ancestors = Collections.unmodifiableMap(analysis.ancestors());
        this.descendants = Collections.unmodifiableMap(analysis.descendants());
        this.prerequisites = Collections.unmodifiableMap(analysis.effectivePrerequisites());
        this.dependents = Collections.unmodifiableMap(analysis.dependents());
        this.topologicalOrder = analysis.topologicalOrder();
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < competencies.size(); i++) {
            order.put(competencies.get(i).id(), i);
        }
        this.positions = Collections.unmodifiableMap(order);
        this.leafPositions = new int[leaves.size()];
        this.leafPrerequisitePositions = new int[leaves.size()][];
        for (int i = 0; i < leaves.size(); i++) {
            leafPositions[i] = order.get(leaves.get(i));
            leafPrerequisitePositions[i] = prerequisites.get(leaves.get(i)).stream()
                    .mapToInt(order::get)
                    .toArray();
        }
    }

    /** A framework whose children inherit their ancestors' prerequisites. */
    public static Framework of(String id, String name, List<Competency> competencies) {
        return of(id, name, competencies, true);
    }

    /**
     * @throws FrameworkException listing every problem: blank framework id, duplicate or unknown ids, parent
     *                            cycles, prerequisite cycles, and competencies requiring themselves, an ancestor or
     *                            a descendant
     */
    public static Framework of(
            String id, String name, List<Competency> competencies, boolean childrenInheritPrerequisites) {
        Objects.requireNonNull(
                competencies,
                () -> "Framework '" + id + "': competencies is null; pass a list,"
                        + " empty if the framework has none yet");
        String shownName = name == null ? id : name;
        FrameworkAnalysis analysis = FrameworkAnalysis.of(id, shownName, competencies, childrenInheritPrerequisites);
        if (!analysis.problems().isEmpty()) {
            throw new FrameworkException(analysis.problems());
        }
        return new Framework(id, shownName, childrenInheritPrerequisites, analysis);
    }

    /**
     * The tenant's frameworks as one graph, so learners are evaluated, planned and reported across all of them: the
     * competencies of each in turn, ids unique across them (a competency id is how evidence, mastery and reports name
     * it). One framework is returned as it is; hierarchies and prerequisites stay within each framework.
     *
     * @throws FrameworkException naming every competency id two frameworks share, and both frameworks
     */
    public static Framework combine(List<Framework> frameworks) {
        if (frameworks.isEmpty()) {
            throw new IllegalArgumentException("frameworks: there is no framework to combine; create one first");
        }
        if (frameworks.size() == 1) {
            return frameworks.get(0);
        }
        Map<String, String> owner = new HashMap<>();
        List<String> problems = new ArrayList<>();
        List<Competency> all = new ArrayList<>();
        for (Framework framework : frameworks) {
            for (Competency competency : framework.competencies()) {
                String earlier = owner.putIfAbsent(competency.id(), framework.id());
                if (earlier != null) {
                    problems.add("competency '" + competency.id() + "' is in framework '" + earlier
                            + "' and in framework '" + framework.id() + "'; competency ids are unique across a"
                            + " tenant's frameworks, so rename it in one of them");
                }
                all.add(competency);
            }
        }
        if (!problems.isEmpty()) {
            throw new FrameworkException(problems);
        }
        String ids = String.join("+", frameworks.stream().map(Framework::id).toList());
        return of(
                ids,
                "frameworks "
                        + frameworks.stream().map(f -> "'" + f.name() + "'").toList(),
                all,
                frameworks.get(0).childrenInheritPrerequisites());
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Whether a parent's prerequisites are prerequisites of all its descendants too. */
    public boolean childrenInheritPrerequisites() {
        return childrenInheritPrerequisites;
    }

    /** All competencies, in the order given. */
    public List<Competency> competencies() {
        return competencies;
    }

    /** The competency's position in {@link #competencies()}, or -1 when the framework does not have it. */
    public int indexOf(String competencyId) {
        Integer position = positions.get(competencyId);
        return position == null ? -1 : position;
    }

    public int size() {
        return competencies.size();
    }

    public boolean contains(String competencyId) {
        return byId.containsKey(competencyId);
    }

    public Optional<Competency> find(String competencyId) {
        return Optional.ofNullable(byId.get(competencyId));
    }

    /** @throws IllegalArgumentException naming the unknown id, with the closest known id when there is one */
    public Competency get(String competencyId) {
        Competency competency = byId.get(competencyId);
        if (competency == null) {
            throw new IllegalArgumentException("Unknown competency '" + competencyId + "' in framework '" + id + "'."
                    + Suggestions.idHint(
                            competencyId,
                            competencies.stream().map(Competency::id).toList()));
        }
        return competency;
    }

    /** The parent's id, or empty for a top-level competency. */
    public Optional<String> parent(String competencyId) {
        get(competencyId);
        return Optional.ofNullable(parents.get(competencyId));
    }

    /** Direct children, in the order given. */
    public List<String> children(String competencyId) {
        return known(children, competencyId);
    }

    /**
     * True when the competency has no children.
     *
     * @throws IllegalArgumentException for an unknown id, naming it with the closest known id
     */
    public boolean isLeaf(String competencyId) {
        return children(competencyId).isEmpty();
    }

    /** Parent, grandparent and so on, nearest first. */
    public List<String> ancestors(String competencyId) {
        return known(ancestors, competencyId);
    }

    /** The whole subtree below, depth-first (pre-order), children in the order given. */
    public List<String> descendants(String competencyId) {
        return known(descendants, competencyId);
    }

    /** Competencies without children, in the order given. */
    public List<String> leaves() {
        return leaves;
    }

    /**
     * The effective prerequisites: the competency's own, then, when children inherit prerequisites, those of each
     * ancestor, nearest ancestor first; each once. Unmodifiable.
     */
    /**
     * The leaves that are not mastered and whose effective prerequisites all are, in framework order.
     *
     * @param masteredPositions the positions ({@link #indexOf}) of the mastered competencies
     */
    public List<String> readyLeaves(BitSet masteredPositions) {
        List<String> ready = new ArrayList<>();
        leaves:
        for (int i = 0; i < leafPositions.length; i++) {
            if (masteredPositions.get(leafPositions[i])) {
                continue;
            }
            for (int prerequisite : leafPrerequisitePositions[i]) {
                if (!masteredPositions.get(prerequisite)) {
                    continue leaves;
                }
            }
            ready.add(leaves.get(i));
        }
        return ready;
    }

    public Set<String> prerequisites(String competencyId) {
        return known(prerequisites, competencyId);
    }

    /** Competencies whose effective prerequisites contain this one, in the order given. */
    public List<String> dependents(String competencyId) {
        return known(dependents, competencyId);
    }

    /** Every competency id, each effective prerequisite before whatever needs it; ties keep the order given. */
    public List<String> topologicalOrder() {
        return topologicalOrder;
    }

    private <T> T known(Map<String, T> byCompetency, String competencyId) {
        T value = byCompetency.get(competencyId);
        if (value == null) {
            get(competencyId);
        }
        return value;
    }

    @Override
    public String toString() {
        return "Framework[id=" + id + ", name=" + name + ", competencies=" + size() + ", childrenInheritPrerequisites="
                + childrenInheritPrerequisites + "]";
    }
}
