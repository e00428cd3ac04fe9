package dev.pathwise.api.framework;

import dev.pathwise.engine.framework.Competency;
import java.util.List;

/**
 * A competency as JSON: hierarchy by {@code parentId}, prerequisites by id, grade level and external id. A competency
 * imported from CASE also keeps its item's full {@code statement} (the name is for display and may be shortened),
 * the {@code otherParentIds} of an item with several parents (kept and reported; {@code parentId} is the one rollup
 * uses) and its {@code externalReferences}: associations to nodes outside the tenant's frameworks, which never gate.
 */
public record CompetencyJson(
        String id,
        String name,
        String parentId,
        List<String> prerequisiteIds,
        Integer gradeLevel,
        String externalId,
        String statement,
        List<String> otherParentIds,
        List<ExternalReference> externalReferences) {

    /** An association to a node outside the package: kept and shown, never a prerequisite or a parent. */
    public record ExternalReference(
            String associationType, String direction, String identifier, String uri, String title) {}

    public CompetencyJson {
        prerequisiteIds = prerequisiteIds == null ? List.of() : prerequisiteIds;
    }

    public CompetencyJson(
            String id,
            String name,
            String parentId,
            List<String> prerequisiteIds,
            Integer gradeLevel,
            String externalId) {
        this(id, name, parentId, prerequisiteIds, gradeLevel, externalId, null, null, null);
    }

    public Competency toDomain() {
        return new Competency(id, name, parentId, prerequisiteIds, gradeLevel, externalId);
    }

    public static CompetencyJson of(Competency c) {
        return new CompetencyJson(c.id(), c.name(), c.parentId(), c.prerequisiteIds(), c.gradeLevel(), c.externalId());
    }
}
