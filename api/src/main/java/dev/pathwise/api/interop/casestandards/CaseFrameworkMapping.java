package dev.pathwise.api.interop.casestandards;

import dev.pathwise.api.framework.CompetencyJson;
import dev.pathwise.api.framework.FrameworkJson;
import dev.pathwise.api.interop.casestandards.CasePackageReader.Problem;
import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.framework.FrameworkException;
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

/**
 * Turns a CASE package into a Pathwise framework. Items become competencies: one already in the framework (same CASE
 * identifier as its external id) keeps its competency id, so learners' evidence stays attached; a new one takes its
 * {@code humanCodingScheme} as id when that is unique in the tenant, else its identifier. {@code isChildOf} gives the
 * parent (the CFDocument as destination means top level; of several parents the first is the one rollup uses, the
 * others are kept as {@code otherParentIds}); {@code origin precedes destination} makes the origin a prerequisite of
 * the destination. Associations to nodes outside the package are kept as external references: reported, never
 * gating. The other association types are counted and kept.
 *
 * <p>It stays one class on purpose: the mapping of items and of associations depend on each other (ids chosen for
 * items are the ones associations resolve to), and reading them together is what makes the mapping checkable.
 */
final class CaseFrameworkMapping {

    /** How each association was used, stored with it. */
    static final String PARENT = "parent";

    static final String TOP_LEVEL = "top-level";
    static final String OTHER_PARENT = "other-parent";
    static final String PREREQUISITE = "prerequisite";
    static final String EXTERNAL = "external";
    static final String NOT_GATING = "not-gating";
    static final String OTHER = "other";

    /** The framework built from the package, and how each item and association was used. */
    record Mapped(
            FrameworkJson framework,
            Map<String, String> competencyIds,
            Map<String, String> roles,
            int hierarchyLinks,
            int prerequisiteLinks,
            Map<String, Integer> otherAssociations,
            List<CaseImportResult.Reference> externalReferences,
            List<CaseImportResult.OtherParents> otherParents,
            List<CaseImportResult.Reference> notGating) {}

    private CaseFrameworkMapping() {}

    /**
     * @param frameworkId the id the framework gets (decided by the caller)
     * @param knownIds    CASE identifier → competency id of items and competencies the framework had before, so an
     *                    item that is kept or comes back gets its old id and its learners' evidence
     * @param taken       competency ids of the tenant that an item may not take (other frameworks' and this one's)
     * @throws dev.pathwise.api.problem.ApiProblem 400 naming every cycle and every unusable identifier
     */
    static Mapped map(CasePackage pkg, String frameworkId, Map<String, String> knownIds, Set<String> taken) {
        List<Problem> problems = new ArrayList<>();
        Map<String, CasePackage.Item> items = new LinkedHashMap<>();
        pkg.items().forEach(item -> items.put(item.identifier(), item));
        String documentId = pkg.document().identifier();
        Map<String, String> ids = competencyIds(pkg, knownIds, taken, problems);

        Map<String, String> roles = new HashMap<>();
        Map<String, CasePackage.Association> parentOf = new HashMap<>();
        Map<String, List<CasePackage.Association>> otherParentsOf = new LinkedHashMap<>();
        Map<String, List<CasePackage.Association>> precededBy = new HashMap<>();
        Map<String, List<CompetencyJson.ExternalReference>> external = new HashMap<>();
        List<CaseImportResult.Reference> externalReport = new ArrayList<>();
        Map<String, Integer> others = new TreeMap<>();
        for (CasePackage.Association a : pkg.associations()) {
            boolean originInside = items.containsKey(a.originIdentifier());
            boolean destinationInside = items.containsKey(a.destinationIdentifier());
            String type = a.associationType();
            if (CasePackage.IS_CHILD_OF.equals(type) || CasePackage.PRECEDES.equals(type)) {
                if (CasePackage.IS_CHILD_OF.equals(type)
                        && originInside
                        && a.destinationIdentifier().equals(documentId)) {
                    roles.put(a.identifier(), TOP_LEVEL);
                    continue;
                }
                if (!originInside || !destinationInside) {
                    roles.put(a.identifier(), EXTERNAL);
                    externalReport.add(reference(
                            a,
                            originInside ? "destinationNodeURI" : "originNodeURI",
                            (originInside ? a.destination() : a.origin()).identifier(),
                            "kept as an external" + " reference (the node is not in this package); it does not gate"));
                    if (originInside) {
                        external.computeIfAbsent(a.originIdentifier(), k -> new ArrayList<>())
                                .add(new CompetencyJson.ExternalReference(
                                        type,
                                        "to",
                                        a.destinationIdentifier(),
                                        a.destination().uri(),
                                        a.destination().title()));
                    } else if (destinationInside) {
                        external.computeIfAbsent(a.destinationIdentifier(), k -> new ArrayList<>())
                                .add(new CompetencyJson.ExternalReference(
                                        type,
                                        "from",
                                        a.originIdentifier(),
                                        a.origin().uri(),
                                        a.origin().title()));
                    }
                    continue;
                }
                if (CasePackage.IS_CHILD_OF.equals(type)) {
                    if (a.originIdentifier().equals(a.destinationIdentifier())) {
                        problems.add(new Problem(
                                at(a) + ".destinationNodeURI",
                                a.identifier(),
                                a.label() + ": item "
                                        + items.get(a.originIdentifier()).label() + " is a child of itself; remove this"
                                        + " association"));
                        continue;
                    }
                    CasePackage.Association first = parentOf.putIfAbsent(a.originIdentifier(), a);
                    if (first == null) {
                        roles.put(a.identifier(), PARENT);
                    } else {
                        roles.put(a.identifier(), OTHER_PARENT);
                        otherParentsOf
                                .computeIfAbsent(a.originIdentifier(), k -> new ArrayList<>())
                                .add(a);
                    }
                } else if (a.originIdentifier().equals(a.destinationIdentifier())) {
                    problems.add(new Problem(
                            at(a),
                            a.identifier(),
                            a.label() + ": item "
                                    + items.get(a.originIdentifier()).label()
                                    + " precedes itself; remove this association"));
                } else {
                    precededBy
                            .computeIfAbsent(a.destinationIdentifier(), k -> new ArrayList<>())
                            .add(a);
                    roles.put(a.identifier(), PREREQUISITE);
                }
            } else {
                others.merge(type, 1, Integer::sum);
                roles.put(a.identifier(), OTHER);
            }
        }
        CaseCycles.parents(problems, items, parentOf);
        List<CaseImportResult.Reference> notGating = dropPrecedesAlongTheHierarchy(items, parentOf, precededBy, roles);
        CaseCycles.precedes(problems, items, precededBy);
        CasePackageReader.refuseIf(problems);

        List<CaseImportResult.OtherParents> otherParentsReport = new ArrayList<>();
        List<CasePackage.Item> ordered = hierarchyOrder(pkg, parentOf);
        List<CompetencyJson> competencies = new ArrayList<>(ordered.size());
        for (CasePackage.Item item : ordered) {
            CasePackage.Association parent = parentOf.get(item.identifier());
            List<String> prerequisites = precededBy.getOrDefault(item.identifier(), List.of()).stream()
                    .map(a -> ids.get(a.originIdentifier()))
                    .distinct()
                    .toList();
            List<CasePackage.Association> secondary = otherParentsOf.getOrDefault(item.identifier(), List.of());
            List<String> otherParentIds = secondary.stream()
                    .map(a -> ids.get(a.destinationIdentifier()))
                    .distinct()
                    .toList();
            if (!secondary.isEmpty()) {
                otherParentsReport.add(new CaseImportResult.OtherParents(
                        ids.get(item.identifier()),
                        ids.get(parent.destinationIdentifier()),
                        otherParentIds,
                        secondary.stream().map(CaseFrameworkMapping::at).toList()));
            }
            List<CompetencyJson.ExternalReference> refs = external.get(item.identifier());
            competencies.add(new CompetencyJson(
                    ids.get(item.identifier()),
                    name(item),
                    parent == null ? null : ids.get(parent.destinationIdentifier()),
                    prerequisites,
                    gradeLevel(item.educationLevel()),
                    item.identifier(),
                    item.fullStatement(),
                    otherParentIds.isEmpty() ? null : otherParentIds,
                    refs == null ? null : List.copyOf(refs)));
        }
        FrameworkJson framework = new FrameworkJson(frameworkId, pkg.document().title(), documentId, competencies);
        try {
            Framework.of(
                    framework.id(),
                    framework.name(),
                    competencies.stream().map(CompetencyJson::toDomain).toList());
        } catch (FrameworkException e) {
            throw new dev.pathwise.api.problem.ApiProblem(
                    org.springframework.http.HttpStatus.BAD_REQUEST,
                    "invalid-case-package",
                    "CFAssociations",
                    documentId,
                    "The CASE package makes an invalid"
                            + " framework (competency ids are the items' humanCodingScheme or identifier): "
                            + e.getMessage(),
                    e.problems());
        }
        return new Mapped(
                framework,
                ids,
                roles,
                parentOf.size(),
                precededBy.values().stream().mapToInt(List::size).sum(),
                others,
                externalReport,
                otherParentsReport,
                notGating);
    }

    /** The name shown: the abbreviated statement, else the full statement, cut for display (the full one is kept). */
    private static String name(CasePackage.Item item) {
        String name = item.abbreviatedStatement() != null
                ? item.abbreviatedStatement()
                : !item.fullStatement().isEmpty()
                        ? item.fullStatement()
                        : item.humanCodingScheme() != null ? item.humanCodingScheme() : item.identifier();
        return CasePackageReader.shortened(name, InputLimits.NAME);
    }

    private static CaseImportResult.Reference reference(
            CasePackage.Association a, String end, String identifier, String what) {
        return new CaseImportResult.Reference(
                at(a) + "." + end,
                a.identifier(),
                a.associationType(),
                a.originIdentifier(),
                a.destinationIdentifier(),
                identifier,
                what);
    }

    /**
     * A precedes between an item and its own ancestor or descendant cannot gate (a parent's level is rolled up from
     * its children): it is kept, not used, and reported.
     */
    private static List<CaseImportResult.Reference> dropPrecedesAlongTheHierarchy(
            Map<String, CasePackage.Item> items,
            Map<String, CasePackage.Association> parentOf,
            Map<String, List<CasePackage.Association>> precededBy,
            Map<String, String> roles) {
        List<CaseImportResult.Reference> dropped = new ArrayList<>();
        for (List<CasePackage.Association> list : precededBy.values()) {
            list.removeIf(a -> {
                boolean along = ancestors(a.originIdentifier(), parentOf).contains(a.destinationIdentifier())
                        || ancestors(a.destinationIdentifier(), parentOf).contains(a.originIdentifier());
                if (along) {
                    roles.put(a.identifier(), NOT_GATING);
                    dropped.add(reference(
                            a,
                            "destinationNodeURI",
                            a.destinationIdentifier(),
                            "kept, not used as a"
                                    + " prerequisite: "
                                    + items.get(a.originIdentifier()).label() + " and "
                                    + items.get(a.destinationIdentifier()).label()
                                    + " are in one line of the hierarchy, and"
                                    + " a parent's level is rolled up from its children"));
                }
                return along;
            });
        }
        precededBy.values().removeIf(List::isEmpty);
        return dropped;
    }

    private static Set<String> ancestors(String identifier, Map<String, CasePackage.Association> parentOf) {
        Set<String> up = new HashSet<>();
        CasePackage.Association link = parentOf.get(identifier);
        while (link != null && up.add(link.destinationIdentifier())) {
            link = parentOf.get(link.destinationIdentifier());
        }
        return up;
    }

    /**
     * Items the framework had keep their ids; a new item takes the id Pathwise served it with (its extension), else
     * its humanCodingScheme when that is unique and free in the tenant, else its identifier.
     */
    private static Map<String, String> competencyIds(
            CasePackage pkg, Map<String, String> knownIds, Set<String> taken, List<Problem> problems) {
        Map<String, Integer> codeUses = new HashMap<>();
        pkg.items().forEach(item -> {
            if (item.humanCodingScheme() != null) {
                codeUses.merge(item.humanCodingScheme(), 1, Integer::sum);
            }
        });
        Map<String, String> ids = new LinkedHashMap<>();
        Set<String> assigned = new HashSet<>();
        for (CasePackage.Item item : pkg.items()) {
            String known = knownIds.get(item.identifier());
            if (known != null && assigned.add(known)) {
                ids.put(item.identifier(), known);
            }
        }
        Set<String> unavailable = new HashSet<>(taken);
        unavailable.removeAll(ids.values());
        for (CasePackage.Item item : pkg.items()) {
            if (ids.containsKey(item.identifier())) {
                continue;
            }
            String code = item.humanCodingScheme();
            String id;
            if (usable(item.competencyId())
                    && !unavailable.contains(item.competencyId())
                    && !assigned.contains(item.competencyId())) {
                id = item.competencyId();
            } else if (usable(code)
                    && codeUses.get(code) == 1
                    && !unavailable.contains(code)
                    && !assigned.contains(code)) {
                id = code;
            } else {
                id = item.identifier();
            }
            if (!usable(id) || unavailable.contains(id) || !assigned.add(id)) {
                problems.add(new Problem(
                        "CFItems[" + item.index() + "].identifier",
                        item.identifier(),
                        "CFItems[" + item.index() + "].identifier: item " + item.label() + " has no humanCodingScheme"
                                + " that can be its competency id, and its identifier cannot be either ("
                                + (usable(id)
                                        ? "taken by another competency of this tenant"
                                        : "over " + InputLimits.ID + " characters")
                                + ")"));
            }
            ids.put(item.identifier(), id);
        }
        return ids;
    }

    private static boolean usable(String id) {
        if (id == null || id.isBlank() || id.length() > InputLimits.ID) {
            return false;
        }
        return id.chars().noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }

    private static String at(CasePackage.Association association) {
        return "CFAssociations[" + association.index() + "]";
    }

    /** Parents before children; siblings by the sequenceNumber of their isChildOf, then by package order. */
    private static List<CasePackage.Item> hierarchyOrder(
            CasePackage pkg, Map<String, CasePackage.Association> parentOf) {
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
                children.computeIfAbsent(parent.destinationIdentifier(), k -> new ArrayList<>())
                        .add(item);
            }
        }
        Comparator<CasePackage.Item> order = Comparator.comparing(
                        (CasePackage.Item i) -> sequence.getOrDefault(i.identifier(), Integer.MAX_VALUE))
                .thenComparing(CasePackage.Item::index);
        List<CasePackage.Item> ordered = new ArrayList<>(pkg.items().size());
        Set<String> visited = new LinkedHashSet<>();
        roots.sort(order);
        for (CasePackage.Item root : roots) {
            visit(root, children, order, ordered, visited);
        }
        return ordered;
    }

    private static void visit(
            CasePackage.Item item,
            Map<String, List<CasePackage.Item>> children,
            Comparator<CasePackage.Item> order,
            List<CasePackage.Item> ordered,
            Set<String> visited) {
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
