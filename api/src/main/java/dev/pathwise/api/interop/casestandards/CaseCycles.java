package dev.pathwise.api.interop.casestandards;

import dev.pathwise.api.interop.casestandards.CasePackageReader.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cycles a CASE package would make in a framework: an item that is its own ancestor along {@code isChildOf}, or
 * items that precede each other in a ring (none of them could ever become ready). Each cycle is reported once, named
 * by the items' coding schemes and the associations that close it.
 */
final class CaseCycles {

    private CaseCycles() {}

    static void parents(
            List<Problem> problems,
            Map<String, CasePackage.Item> items,
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
                List<CasePackage.Association> links =
                        path.stream().map(parentOf::get).toList();
                problems.add(new Problem(
                        "CFAssociations[" + links.get(0).index() + "]",
                        links.get(0).identifier(),
                        "isChildOf cycle "
                                + chain(items, path) + " (each item is a child of the next) by "
                                + links.stream().map(a -> describe(items, a)).toList()
                                + "; remove one of these associations"));
            }
        }
    }

    /** Cycles along "a precedes b" edges, each reported once, named in the order items precede each other. */
    static void precedes(
            List<Problem> problems,
            Map<String, CasePackage.Item> items,
            Map<String, List<CasePackage.Association>> precededBy) {
        Map<String, List<CasePackage.Association>> follows = new LinkedHashMap<>();
        precededBy
                .values()
                .forEach(list -> list.forEach(a -> follows.computeIfAbsent(a.originIdentifier(), k -> new ArrayList<>())
                        .add(a)));
        Map<String, Integer> state = new HashMap<>();
        Set<String> reported = new HashSet<>();
        for (String start : follows.keySet()) {
            findCycles(start, follows, state, new ArrayList<>(), new ArrayList<>(), items, problems, reported);
        }
    }

    private static void findCycles(
            String node,
            Map<String, List<CasePackage.Association>> follows,
            Map<String, Integer> state,
            List<String> path,
            List<CasePackage.Association> edges,
            Map<String, CasePackage.Item> items,
            List<Problem> problems,
            Set<String> reported) {
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
                if (items.get(cycle.get(i)).index()
                        < items.get(cycle.get(first)).index()) {
                    first = i;
                }
            }
            java.util.Collections.rotate(cycle, -first);
            java.util.Collections.rotate(links, -first);
            node = cycle.get(0);
            if (reported.add(String.join(",", new java.util.TreeSet<>(cycle))) && problems.size() < 50) {
                cycle.add(node);
                problems.add(new Problem(
                        "CFAssociations[" + links.get(0).index() + "]",
                        links.get(0).identifier(),
                        "precedes cycle "
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
    static String describe(Map<String, CasePackage.Item> items, CasePackage.Association a) {
        return "CFAssociations[" + a.index() + "] '" + a.identifier() + "' ("
                + chain(items, List.of(a.originIdentifier())) + " " + a.associationType() + " "
                + chain(items, List.of(a.destinationIdentifier())) + ")";
    }

    private static String chain(Map<String, CasePackage.Item> items, List<String> identifiers) {
        return String.join(
                " -> ",
                identifiers.stream()
                        .map(id -> {
                            CasePackage.Item item = items.get(id);
                            return item.humanCodingScheme() != null ? item.humanCodingScheme() : id;
                        })
                        .toList());
    }
}
