package dev.pathwise.engine.framework;

import java.util.List;

/**
 * One competency of a framework.
 *
 * @param id              stable identifier, unique in the framework
 * @param name            short statement shown to people
 * @param parentId        the parent competency in the hierarchy, or {@code null} for a top-level one
 * @param prerequisiteIds competencies that must be mastered before this one is ready
 * @param gradeLevel      the grade it is usually taught in (0 = kindergarten), or {@code null}
 * @param externalId      an identifier in another system, such as a CASE GUID, or {@code null}
 */
public record Competency(
        String id, String name, String parentId, List<String> prerequisiteIds, Integer gradeLevel, String externalId) {

    public Competency {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("competencies[].id: a competency needs a non-blank id");
        }
        name = name == null ? id : name;
        parentId = parentId == null || parentId.isBlank() ? null : parentId;
        prerequisiteIds = prerequisiteIds == null ? List.of() : List.copyOf(prerequisiteIds);
    }

    public static Competency of(String id, String parentId, String... prerequisiteIds) {
        return new Competency(id, id, parentId, List.of(prerequisiteIds), null, null);
    }
}
