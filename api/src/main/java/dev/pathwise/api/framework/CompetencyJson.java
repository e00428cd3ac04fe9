package dev.pathwise.api.framework;

import java.util.List;

import dev.pathwise.engine.framework.Competency;

/** A competency as JSON: hierarchy by {@code parentId}, prerequisites by id, grade level and external id. */
public record CompetencyJson(String id, String name, String parentId, List<String> prerequisiteIds,
                             Integer gradeLevel, String externalId) {

    public Competency toDomain() {
        return new Competency(id, name, parentId, prerequisiteIds, gradeLevel, externalId);
    }

    public static CompetencyJson of(Competency c) {
        return new CompetencyJson(c.id(), c.name(), c.parentId(), c.prerequisiteIds(), c.gradeLevel(),
                c.externalId());
    }
}
