package dev.pathwise.api.interop.casestandards;

import java.util.List;
import java.util.Map;

/**
 * What an import did.
 *
 * @param status            {@code created}, {@code updated} or {@code unchanged} (same package again: nothing written)
 * @param hierarchyLinks    isChildOf associations used as parent links (those to the CFDocument make top-level items)
 * @param prerequisiteLinks precedes associations used as prerequisites
 * @param otherAssociations the other association types, kept but not gating, with their counts
 * @param added             competencies new in the framework
 * @param changed           competencies whose statement, parent, prerequisites or grade changed
 * @param removed           competencies no longer in the framework, and what happens to their evidence
 */
public record CaseImportResult(String status, String frameworkId, String documentIdentifier, String title,
                               String packageHash, int items, int hierarchyLinks, int prerequisiteLinks,
                               Map<String, Integer> otherAssociations, List<String> added, List<String> changed,
                               List<Removed> removed) {

    /** A competency the new package no longer has. */
    public record Removed(String competencyId, String externalId, int learnersWithEvidence, String evidence) {
    }
}
