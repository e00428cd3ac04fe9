package dev.pathwise.api.framework;

import java.util.List;

import dev.pathwise.engine.framework.Framework;

/** A framework as JSON, in and out. On the way out each competency also lists its children. */
public record FrameworkJson(String id, String name, List<CompetencyJson> competencies) {

    public static FrameworkJson of(Framework framework) {
        return new FrameworkJson(framework.id(), framework.name(),
                framework.competencies().stream().map(CompetencyJson::of).toList());
    }
}
