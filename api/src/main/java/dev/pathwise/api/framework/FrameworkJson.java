package dev.pathwise.api.framework;

import dev.pathwise.engine.framework.Framework;
import java.util.List;

/**
 * A framework as JSON, in and out. {@code caseDocumentIdentifier} is the CASE CFDocument it is kept as (a CASE
 * import of that document updates this framework; {@code GET /ims/case/v1p0/CFPackages/{identifier}} serves it).
 */
public record FrameworkJson(String id, String name, String caseDocumentIdentifier, List<CompetencyJson> competencies) {

    public FrameworkJson(String id, String name, List<CompetencyJson> competencies) {
        this(id, name, null, competencies);
    }

    public static FrameworkJson of(Framework framework) {
        return new FrameworkJson(
                framework.id(),
                framework.name(),
                null,
                framework.competencies().stream().map(CompetencyJson::of).toList());
    }
}
