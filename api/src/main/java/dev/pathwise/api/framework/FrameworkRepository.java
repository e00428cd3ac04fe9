package dev.pathwise.api.framework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.storage.JsonColumn;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code frameworks} table: a tenant's frameworks, each with its competencies as JSON. */
@Repository
public class FrameworkRepository {

    private static final TypeReference<List<CompetencyJson>> COMPETENCIES = new TypeReference<>() {};
    private static final String COLUMNS = "framework_id, name, case_document, competencies, created_at, updated_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public FrameworkRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A framework as stored. */
    public record StoredFramework(
            String id,
            String name,
            String caseDocument,
            List<CompetencyJson> competencies,
            Instant createdAt,
            Instant updatedAt) {

        public FrameworkJson json() {
            return new FrameworkJson(id, name, caseDocument, competencies);
        }
    }

    /** The tenant's frameworks, oldest first (the order their competencies are evaluated and reported in). */
    public List<StoredFramework> all(String tenantId) {
        return jdbc.sql("select " + COLUMNS + " from frameworks where tenant_id = :t order by created_at, framework_id")
                .param("t", tenantId)
                .query((rs, n) -> row(rs))
                .list();
    }

    public Optional<StoredFramework> find(String tenantId, String frameworkId) {
        return jdbc.sql("select " + COLUMNS + " from frameworks where tenant_id = :t and framework_id = :f")
                .param("t", tenantId)
                .param("f", frameworkId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    public Optional<StoredFramework> findByCaseDocument(String tenantId, String caseDocument) {
        return jdbc.sql("select " + COLUMNS + " from frameworks where tenant_id = :t and case_document = :d")
                .param("t", tenantId)
                .param("d", caseDocument)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** Inserts the framework or replaces the one with its id. */
    public void save(String tenantId, FrameworkJson framework, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        String competencies = write(framework.competencies());
        int updated = jdbc.sql("update frameworks set name = :n, case_document = :d, competencies = :c,"
                        + " updated_at = :at where tenant_id = :t and framework_id = :f")
                .param("n", framework.name())
                .param("d", framework.caseDocumentIdentifier())
                .param("c", competencies)
                .param("at", at)
                .param("t", tenantId)
                .param("f", framework.id())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into frameworks (tenant_id, framework_id, name, case_document, competencies, created_at,"
                            + " updated_at) values (:t, :f, :n, :d, :c, :at, :at)")
                    .param("t", tenantId)
                    .param("f", framework.id())
                    .param("n", framework.name())
                    .param("d", framework.caseDocumentIdentifier())
                    .param("c", competencies)
                    .param("at", at)
                    .update();
        }
    }

    private StoredFramework row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredFramework(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                read(rs.getString(4)),
                rs.getObject(5, OffsetDateTime.class).toInstant(),
                rs.getObject(6, OffsetDateTime.class).toInstant());
    }

    private List<CompetencyJson> read(String text) {
        try {
            return json.readValue(text, COMPETENCIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored framework is not valid JSON", e);
        }
    }

    private String write(List<CompetencyJson> competencies) {
        return JsonColumn.write(json, competencies);
    }
}
