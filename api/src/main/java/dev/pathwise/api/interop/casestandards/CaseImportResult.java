package dev.pathwise.api.interop.casestandards;

import java.util.List;
import java.util.Map;

/**
 * What an import did.
 *
 * @param status             {@code created}, {@code updated} or {@code unchanged} (same package again: nothing written)
 * @param hierarchyLinks     isChildOf associations used as the parent links rollup follows
 * @param prerequisiteLinks  precedes associations used as prerequisites
 * @param otherAssociations  the other association types, kept but not gating, with their counts
 * @param externalReferences isChildOf and precedes associations to nodes outside the package: kept, never gating
 * @param otherParents       items with several isChildOf parents: the one rollup uses, and the others kept
 * @param notGating          precedes associations kept but not used, each with why
 * @param definitions        the CFDefinitions lists and CFRubrics the package has, each with how it was used
 * @param added              competencies new in the framework
 * @param changed            competencies whose statement, parent, prerequisites or grade changed
 * @param removed            competencies no longer in the framework, and what happens to their evidence
 */
public record CaseImportResult(
        String status,
        String frameworkId,
        String documentIdentifier,
        String title,
        String packageHash,
        int items,
        int hierarchyLinks,
        int prerequisiteLinks,
        Map<String, Integer> otherAssociations,
        List<Reference> externalReferences,
        List<OtherParents> otherParents,
        List<Reference> notGating,
        Map<String, Definitions> definitions,
        List<String> added,
        List<String> changed,
        List<Removed> removed) {

    /** A competency the new package no longer has. */
    public record Removed(String competencyId, String externalId, int learnersWithEvidence, String evidence) {}

    /** An association reported rather than used, by its CASE path. */
    public record Reference(
            String path,
            String associationIdentifier,
            String associationType,
            String origin,
            String destination,
            String outside,
            String what) {}

    /** An item with several parents: {@code parentId} is the one rollup uses, the others are kept. */
    public record OtherParents(
            String competencyId, String parentId, List<String> otherParentIds, List<String> associations) {}

    /** A definition list (or the rubrics) of the package: how many, and what Pathwise does with them. */
    public record Definitions(int count, String use) {}
}
