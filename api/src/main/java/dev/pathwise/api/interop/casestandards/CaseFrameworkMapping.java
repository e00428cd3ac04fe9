package dev.pathwise.api.interop.casestandards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.pathwise.api.framework.CompetencyJson;
import dev.pathwise.api.framework.FrameworkJson;
import dev.pathwise.api.interop.casestandards.CasePackageReader.Problem;
import dev.pathwise.engine.framework.Competency;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.framework.FrameworkException;

/**
 * Turns a CASE package into a Pathwise framework. Items become competencies: one already in the tenant's framework
 * (same CASE identifier as its external id) keeps its competency id, so learners' evidence stays attached; a new
 * one takes its {@code humanCodingScheme} as id when that is unique, else its identifier. {@code isChildOf} gives
 * the parent (the CFDocument as destination means top level), {@code origin precedes destination} makes the origin a
 * prerequisite of the destination; the other association types are counted and kept, never gating.
 */
final class CaseFrameworkMapping {

    /** The framework built from the package, and how each item and association was used. */
    record Mapped(FrameworkJson framework, Map<String, String> competencyIds, int hierarchyLinks,
                  int prerequisiteLinks, Map<String, Integer> otherAssociations) {
    }

    private CaseFrameworkMapping() {
    }

    /**
     * @param current    the tenant's framework, or {@code null} when it has none
     * @param earlierIds the competency id of every CASE item imported before (also those since removed), so an
     *                   item that comes back gets its old id and its learners' evidence
     * @throws dev.pathwise.api.problem.ApiProblem 400 naming every dangling reference, second parent and cycle
     */
    static Mapped map(CasePackage pkg, Framework current, Map<String, String> earlierIds) {
        List<Problem> problems = new ArrayList<>();
        Map<String, CasePackage.Item> items = new LinkedHashMap<>();
        pkg.items().forEach(item -> items.put(item.identifier(), item));
        String documentId = pkg.document().identifier();

        Map<String, CasePackage.Association> parentOf = new HashMap<>();
        Map<String, List<CasePackage.Association>> precededBy = new HashMap<>();
        Map<String, Integer> others = new TreeMap<>();
        int precedes = 0;
        for (CasePackage.Association association : pkg.associations()) {
            String type = association.associationType();
            if (CasePackage.IS_CHILD_OF.equals(type)) {
                boolean ok = requireItem(problems, items, association, association.originIdentifier(), "originNodeURI",
                        null);
                ok &= requireItem(problems, items, association, association.destinationIdentifier(),
                        "destinationNodeURI", documentId);
                if (!ok) {
                    continue;
                }
                if (association.destinationIdentifier().equals(documentId)) {
                    continue;
                }
                CasePackage.Association earlier = parentOf.putIfAbsent(association.originIdentifier(), association);
                if (earlier != null) {
                    problems.add(new Problem(at(association), association.identifier(), association.label()
                            + ": item " + items.get(association.originIdentifier()).label() + " is already a child of "
                            + items.get(earlier.destinationIdentifier()).label() + " by " + earlier.label()
                            + "; a Pathwise framework gives each item one parent, so keep one isChildOf and make the"
                            + " other an isRelatedTo"));
                }
            } else if (CasePackage.PRECEDES.equals(type)) {
                boolean ok = requireItem(problems, items, association, association.originIdentifier(), "originNodeURI",
                        null);
                ok &= requireItem(problems, items, association, association.destinationIdentifier(),
                        "destinationNodeURI", null);
                if (!ok) {
                    continue;
                }
                if (association.originIdentifier().equals(association.destinationIdentifier())) {
                    problems.add(new Problem(at(association), association.identifier(), association.label()
                            + ": item " + items.get(association.originIdentifier()).label() + " precedes itself;"
                            + " remove this association"));
                    continue;
                }
                precededBy.computeIfAbsent(association.destinationIdentifier(), k -> new ArrayList<>()).add(association);
                precedes++;
            } else {
                others.merge(type, 1, Integer::sum);
            }
        }
        parentCycles(problems, items, parentOf);
        precedesCycles(problems, items, precededBy);
        CasePackageReader.refuseIf(problems);

        Map<String, String> ids = competencyIds(pkg, current, earlierIds);
        List<CasePackage.Item> ordered = hierarchyOrder(pkg, parentOf);
        List<CompetencyJson> competencies = new ArrayList<>(ordered.size());
        for (CasePackage.Item item : ordered) {
            CasePackage.Association parent = parentOf.get(item.identifier());
            List<String> prerequisites = precededBy.getOrDefault(item.identifier(), List.of()).stream()
                    .map(a -> ids.get(a.originIdentifier())).distinct().toList();
            String name = item.abbreviatedStatement() != null ? item.abbreviatedStatement() : item.fullStatement();
            competencies.add(new CompetencyJson(ids.get(item.identifier()), name,
                    parent == null ? null : ids.get(parent.destinationIdentifier()), prerequisites,
                    gradeLevel(item.educationLevel()), item.identifier()));
        }
        String frameworkId = current != null && overlaps(current, items.keySet()) ? current.id() : documentId;
        FrameworkJson framework = new FrameworkJson(frameworkId, pkg.document().title(), competencies);
        try {
            Framework.of(framework.id(), framework.name(), competencies.stream().map(CompetencyJson::toDomain).toList());
        } catch (FrameworkException e) {
            throw new dev.pathwise.api.problem.ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "invalid-case-package", "CFAssociations", documentId, "The CASE package makes an invalid"
                    + " framework (competency ids are the items' humanCodingScheme or identifier): " + e.getMessage(),
                    e.problems());
        }
        return new Mapped(framework, ids, parentOf.size(), precedes, others);
    }

    private static boolean requireItem(List<Problem> problems, Map<String, CasePackage.Item> items,
                                       CasePackage.Association association, String identifier, String end,
                                       String alsoAllowed) {
        if (items.containsKey(identifier) || identifier.equals(alsoAllowed)) {
            return true;
        }
        problems.add(new Problem(at(association) + "." + end, identifier, association.label() + ": " + end + " '"
                + identifier + "' is not a CFItem of this package" + (alsoAllowed == null ? "" : " nor its CFDocument")
                + " (a dangling reference); add the item or remove the association"));
        return false;
    }

    private static String at(CasePackage.Association association) {
        return "CFAssociations[" + association.index() + "]";
    }

    private static void parentCycles(List<Problem> problems, Map<String, CasePackage.Item> items,
                                     Map<String, CasePackage.Association> parentOf) {
        Set<String> reported = new HashSet<>();
        for (String start : parentOf.keySet()) {
            List<String> path = new ArrayList<>();
            Set<String> onPath = new HashSet<>();
            String at = start;
            while (at != null && onPath.add(at)) {
                path.add(at);
                CasePackage.Association up = parentOf.get(at);
                at = up == null ? null : up.destinationIdentifier();
            }
            if (at != null && at.equals(start) && reported.add(String.join(",", new java.util.TreeSet<>(path)))) {
                List<CasePackage.Association> links = path.stream().map(parentOf::get).toList();
                problems.add(new Problem(at(links.get(0)), links.get(0).identifier(), "isChildOf cycle "
                        + chain(items, path) + " (each item is a child of the next) by "
                        + links.stream().map(a -> describe(items, a)).toList()
                        + "; remove one of these associations"));
            }
        }
    }

    /** Cycles along "a precedes b" edges, each reported once, named in the order items precede each other. */
    private static void precedesCycles(List<Problem> problems, Map<String, CasePackage.Item> items,
                                       Map<String, List<CasePackage.Association>> precededBy) {
        Map<String, List<CasePackage.Association>> follows = new LinkedHashMap<>();
        precededBy.values().forEach(list -> list.forEach(a ->
                follows.computeIfAbsent(a.originIdentifier(), k -> new ArrayList<>()).add(a)));
        Map<String, Integer> state = new HashMap<>();
        Set<String> reported = new HashSet<>();
        for (String start : follows.keySet()) {
            findCycles(start, follows, state, new ArrayList<>(), new ArrayList<>(), items, problems, reported);
        }
    }

    private static void findCycles(String node, Map<String, List<CasePackage.Association>> follows,
                                   Map<String, Integer> state, List<String> path,
                                   List<CasePackage.Association> edges, Map<String, CasePackage.Item> items,
                                   List<Problem> problems, Set<String> reported) {
        Integer seen = state.get(node);
        if (seen != null && seen == 2) {
            return;
        }
        if (seen != null && seen == 1) {
            int from = path.indexOf(node);
            List<String> cycle = new ArrayList<>(path.subList(from, path.size()));
            List<CasePackage.Association> links = new ArrayList<>(edges.subList(from, edges.size()));
            // Start at the item that comes first in the package, so a cycle is always named the same way.
            int first = 0;
            for (int i = 1; i < cycle.size(); i++) {
                if (items.get(cycle.get(i)).index() < items.get(cycle.get(first)).index()) {
                    first = i;
                }
            }
            java.util.Collections.rotate(cycle, -first);
            java.util.Collections.rotate(links, -first);
            node = cycle.get(0);
            if (reported.add(String.join(",", new java.util.TreeSet<>(cycle))) && problems.size() < 50) {
                cycle.add(node);
                problems.add(new Problem(at(links.get(0)), links.get(0).identifier(), "precedes cycle "
                        + chain(items, cycle) + " (each item precedes the next) by "
                        + links.stream().map(a -> describe(items, a)).toList()
                        + "; none of them could ever become ready, so remove one of these associations"));
            }
            return;
        }
        state.put(node, 1);
        path.add(node);
        for (CasePackage.Association next : follows.getOrDefault(node, List.of())) {
            edges.add(next);
            findCycles(next.destinationIdentifier(), follows, state, path, edges, items, problems, reported);
            edges.remove(edges.size() - 1);
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
    }

    /** "CFAssociations[5] 'id' (3.OA.A.1 precedes 3.OA.A.2)", with items by their coding scheme. */
    private static String describe(Map<String, CasePackage.Item> items, CasePackage.Association a) {
        return "CFAssociations[" + a.index() + "] '" + a.identifier() + "' ("
                + chain(items, List.of(a.originIdentifier())) + " " + a.associationType() + " "
                + chain(items, List.of(a.destinationIdentifier())) + ")";
    }

    private static String chain(Map<String, CasePackage.Item> items, List<String> identifiers) {
        return String.join(" -> ", identifiers.stream().map(id -> {
            CasePackage.Item item = items.get(id);
            return item.humanCodingScheme() != null ? item.humanCodingScheme() : id;
        }).toList());
    }

    /** Existing competencies keep their ids; new items get a unique humanCodingScheme, or their identifier. */
    private static Map<String, String> competencyIds(CasePackage pkg, Framework current,
                                                    Map<String, String> earlierIds) {
        Map<String, String> existingByExternal = new HashMap<>(earlierIds);
        Set<String> taken = new HashSet<>();
        if (current != null) {
            for (Competency c : current.competencies()) {
                taken.add(c.id());
                if (c.externalId() != null) {
                    existingByExternal.put(c.externalId(), c.id());
                }
            }
        }
        Map<String, Integer> codeUses = new HashMap<>();
        pkg.items().forEach(item -> {
            if (item.humanCodingScheme() != null) {
                codeUses.merge(item.humanCodingScheme(), 1, Integer::sum);
            }
        });
        Map<String, String> ids = new LinkedHashMap<>();
        Set<String> assigned = new HashSet<>();
        for (CasePackage.Item item : pkg.items()) {
            String existing = existingByExternal.get(item.identifier());
            if (existing != null) {
                ids.put(item.identifier(), existing);
                assigned.add(existing);
            }
        }
        for (CasePackage.Item item : pkg.items()) {
            if (ids.containsKey(item.identifier())) {
                continue;
            }
            String code = item.humanCodingScheme();
            String id = code != null && codeUses.get(code) == 1 && !taken.contains(code) && !assigned.contains(code)
                    ? code : item.identifier();
            ids.put(item.identifier(), id);
            assigned.add(id);
        }
        return ids;
    }

    /** Parents before children; siblings by the sequenceNumber of their isChildOf, then by package order. */
    private static List<CasePackage.Item> hierarchyOrder(CasePackage pkg,
                                                         Map<String, CasePackage.Association> parentOf) {
        Map<String, List<CasePackage.Item>> children = new HashMap<>();
        List<CasePackage.Item> roots = new ArrayList<>();
        Map<String, Integer> sequence = new HashMap<>();
        for (CasePackage.Association a : pkg.associations()) {
            if (CasePackage.IS_CHILD_OF.equals(a.associationType()) && a.sequenceNumber() != null) {
                sequence.putIfAbsent(a.originIdentifier(), a.sequenceNumber());
            }
        }
        for (CasePackage.Item item : pkg.items()) {
            CasePackage.Association parent = parentOf.get(item.identifier());
            if (parent == null) {
                roots.add(item);
            } else {
                children.computeIfAbsent(parent.destinationIdentifier(), k -> new ArrayList<>()).add(item);
            }
        }
        Comparator<CasePackage.Item> order = Comparator
                .comparing((CasePackage.Item i) -> sequence.getOrDefault(i.identifier(), Integer.MAX_VALUE))
                .thenComparing(CasePackage.Item::index);
        List<CasePackage.Item> ordered = new ArrayList<>(pkg.items().size());
        Set<String> visited = new LinkedHashSet<>();
        roots.sort(order);
        for (CasePackage.Item root : roots) {
            visit(root, children, order, ordered, visited);
        }
        return ordered;
    }

    private static void visit(CasePackage.Item item, Map<String, List<CasePackage.Item>> children,
                              Comparator<CasePackage.Item> order, List<CasePackage.Item> ordered, Set<String> visited) {
        if (!visited.add(item.identifier())) {
            return;
        }
        ordered.add(item);
        List<CasePackage.Item> below = new ArrayList<>(children.getOrDefault(item.identifier(), List.of()));
        below.sort(order);
        for (CasePackage.Item child : below) {
            visit(child, children, order, ordered, visited);
        }
    }

    private static boolean overlaps(Framework current, Set<String> identifiers) {
        return current.competencies().stream().anyMatch(c -> c.externalId() != null
                && identifiers.contains(c.externalId()));
    }

    /** The lowest grade of CASE education levels: "KG" is 0, "01".."12" are grades; others are left out. */
    static Integer gradeLevel(List<String> levels) {
        Integer lowest = null;
        for (String level : levels) {
            Integer grade = switch (level.strip().toUpperCase(java.util.Locale.ROOT)) {
                case "KG", "K" -> 0;
                default -> level.strip().matches("\\d{1,2}") ? Integer.parseInt(level.strip()) : null;
            };
            if (grade != null && (lowest == null || grade < lowest)) {
                lowest = grade;
            }
        }
        return lowest;
    }
}
