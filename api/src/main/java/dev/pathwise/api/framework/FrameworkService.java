package dev.pathwise.api.framework;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.pathwise.api.activity.CurriculumCache;
import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.problem.Problems;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.framework.FrameworkException;

/** Validates and stores a tenant's framework, keeping its activities consistent with it. */
@Service
public class FrameworkService {

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final ObjectMapper json;
    private final CurriculumCache curricula;
    private final Clock clock;

    public FrameworkService(org.springframework.jdbc.core.simple.JdbcClient jdbc, ObjectMapper json,
                            CurriculumCache curricula, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.curricula = curricula;
        this.clock = clock;
    }

    /** A framework in a list: its id, name, size and when it last changed. */
    public record FrameworkSummary(String id, String name, int competencies, java.time.Instant updatedAt) {
    }

    /** The tenant's frameworks. */
    public List<FrameworkSummary> list(String tenantId) {
        return jdbc.sql("select framework_id, name, updated_at from frameworks where tenant_id = :t order by"
                        + " framework_id").param("t", tenantId)
                .query((rs, n) -> new FrameworkSummary(rs.getString(1), rs.getString(2),
                        curricula.curriculum(tenantId).framework().competencies().size(),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Replaces the tenant's framework. Every activity must still align to a competency of the new one. */
    @Transactional
    public Framework save(String tenantId, FrameworkJson request) {
        if (request.id() == null || request.id().isBlank()) {
            throw ApiProblem.invalid("id", request.id(), "id: a framework needs a non-blank id");
        }
        if (request.competencies() == null) {
            throw ApiProblem.invalid("competencies", null, "competencies: send a list of competencies");
        }
        InputLimits.id("id", request.id());
        InputLimits.text("name", request.name(), InputLimits.NAME);
        InputLimits.list("competencies", request.competencies(), InputLimits.FRAMEWORK_SIZE);
        for (int i = 0; i < request.competencies().size(); i++) {
            CompetencyJson c = request.competencies().get(i);
            if (c == null) {
                throw ApiProblem.invalid("competencies[" + i + "]", null, "competencies[" + i + "]: is null;"
                        + " send a competency object");
            }
            String at = "competencies[" + i + "].";
            InputLimits.id(at + "id", c.id());
            InputLimits.text(at + "name", c.name(), InputLimits.NAME);
            InputLimits.id(at + "parentId", c.parentId());
            InputLimits.ids(at + "prerequisiteIds", c.prerequisiteIds());
            InputLimits.id(at + "externalId", c.externalId(), InputLimits.NAME);
        }
        Framework framework;
        try {
            framework = Framework.of(request.id(), request.name(),
                    request.competencies().stream().map(CompetencyJson::toDomain).toList());
        } catch (FrameworkException e) {
            throw new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid-framework",
                    "competencies", request.id(), e.getMessage(), e.problems());
        } catch (IllegalArgumentException e) {
            throw Problems.fromEngine(e, "competencies", null);
        }
        try {
            Curriculum.of(framework, curricula.activities(tenantId));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.conflict("activities-misaligned", "competencies", request.id(),
                    "The new framework leaves activities without their competency: " + e.getMessage());
        }
        String competencies = write(FrameworkJson.of(framework).competencies());
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int updated = jdbc.sql("update frameworks set framework_id = :f, name = :n, competencies = :c,"
                        + " updated_at = :at where tenant_id = :t")
                .param("f", framework.id()).param("n", framework.name()).param("c", competencies)
                .param("at", now).param("t", tenantId).update();
        if (updated == 0) {
            jdbc.sql("insert into frameworks (tenant_id, framework_id, name, competencies, updated_at)"
                            + " values (:t, :f, :n, :c, :at)")
                    .param("t", tenantId).param("f", framework.id()).param("n", framework.name())
                    .param("c", competencies).param("at", now).update();
        }
        curricula.invalidateAfterCommit(tenantId);
        return framework;
    }

    public Framework get(String tenantId, String frameworkId) {
        Framework framework = curricula.framework(tenantId)
                .orElseThrow(() -> ApiProblem.notFound("frameworkId", frameworkId, "framework '" + frameworkId
                        + "' does not exist; POST /v1/frameworks to create it"));
        if (!framework.id().equals(frameworkId)) {
            throw ApiProblem.notFound("frameworkId", frameworkId, "framework '" + frameworkId
                    + "' does not exist; this tenant's framework is '" + framework.id() + "'");
        }
        return framework;
    }

    private String write(List<CompetencyJson> competencies) {
        try {
            return json.writeValueAsString(competencies);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write competencies as JSON", e);
        }
    }
}
