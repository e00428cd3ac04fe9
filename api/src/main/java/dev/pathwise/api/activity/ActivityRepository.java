package dev.pathwise.api.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.storage.JsonColumn;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code activities} table: each activity as JSON, its xAPI IRI, and when it was retired (if it was). */
@Repository
public class ActivityRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public ActivityRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An activity as stored; {@code retiredAt} is null while it is offered. */
    public record StoredActivity(ActivityJson activity, Instant retiredAt) {}

    /** The activities in id order: those offered, or all of them (retired ones too). */
    public List<StoredActivity> all(String tenantId, boolean withRetired) {
        return jdbc.sql("select body, iri, retired_at from activities where tenant_id = :t"
                        + (withRetired ? "" : " and retired_at is null") + " order by activity_id")
                .param("t", tenantId)
                .query((rs, n) -> row(rs))
                .list();
    }

    public Optional<StoredActivity> find(String tenantId, String activityId) {
        return jdbc.sql("select body, iri, retired_at from activities where tenant_id = :t and activity_id = :a")
                .param("t", tenantId)
                .param("a", activityId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** The offered activity a platform names by this IRI, the first by id when several share it. */
    public Optional<String> idByIri(String tenantId, String iri) {
        return jdbc.sql("select activity_id from activities where tenant_id = :t and iri = :i and retired_at is null"
                        + " order by activity_id fetch first 1 rows only")
                .param("t", tenantId)
                .param("i", iri)
                .query(String.class)
                .optional();
    }

    /** Inserts or replaces the activity; saving a retired activity offers it again. */
    public void save(String tenantId, ActivityJson activity, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        String iri = activity.iri() == null || activity.iri().isBlank()
                ? null
                : activity.iri().strip();
        String body = write(activity.stored(iri, null));
        int updated = jdbc.sql("update activities set body = :b, iri = :iri, updated_at = :at, retired_at = null"
                        + " where tenant_id = :t and activity_id = :a")
                .param("b", body)
                .param("iri", iri)
                .param("at", at)
                .param("t", tenantId)
                .param("a", activity.id())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into activities (tenant_id, activity_id, body, iri, updated_at)"
                            + " values (:t, :a, :b, :iri, :at)")
                    .param("t", tenantId)
                    .param("a", activity.id())
                    .param("b", body)
                    .param("iri", iri)
                    .param("at", at)
                    .update();
        }
    }

    /** Marks the activity retired; false when it was retired already. */
    public boolean retire(String tenantId, String activityId, Instant now) {
        return jdbc.sql("update activities set retired_at = :at, updated_at = :at where tenant_id = :t"
                                + " and activity_id = :a and retired_at is null")
                        .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .param("t", tenantId)
                        .param("a", activityId)
                        .update()
                > 0;
    }

    private StoredActivity row(java.sql.ResultSet rs) throws java.sql.SQLException {
        OffsetDateTime retired = rs.getObject(3, OffsetDateTime.class);
        Instant retiredAt = retired == null ? null : retired.toInstant();
        return new StoredActivity(read(rs.getString(1)).stored(rs.getString(2), retiredAt), retiredAt);
    }

    private ActivityJson read(String text) {
        try {
            return json.readValue(text, ActivityJson.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored activity is not valid JSON", e);
        }
    }

    private String write(ActivityJson activity) {
        return JsonColumn.write(json, activity);
    }
}
