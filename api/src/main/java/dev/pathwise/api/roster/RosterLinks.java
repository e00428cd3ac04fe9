package dev.pathwise.api.roster;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code roster_links} table: each roster record (kind and sourcedId) and what it became in Pathwise. */
@Repository
public class RosterLinks {

    private final JdbcClient jdbc;

    public RosterLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A link; {@code active} is false once the record was removed by a roster. */
    record Link(String kind, String sourceId, String targetId, String targetType, String contentHash, boolean active) {}

    /** Every link of one kind for the tenant, by sourcedId. */
    Map<String, Link> all(String tenantId, String kind) {
        Map<String, Link> links = new LinkedHashMap<>();
        jdbc.sql("select kind, source_id, target_id, target_type, content_hash, status from roster_links"
                        + " where tenant_id = :t and kind = :k order by source_id")
                .param("t", tenantId)
                .param("k", kind)
                .query((rs, n) -> new Link(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        "active".equals(rs.getString(6))))
                .list()
                .forEach(link -> links.put(link.sourceId(), link));
        return links;
    }

    void save(String tenantId, Link link, Instant at) {
        var when = at.atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("update roster_links set target_id = :target, target_type = :type, content_hash = :h,"
                        + " status = :s, updated_at = :at where tenant_id = :t and kind = :k and source_id = :id")
                .param("target", link.targetId())
                .param("type", link.targetType())
                .param("h", link.contentHash())
                .param("s", link.active() ? "active" : "removed")
                .param("at", when)
                .param("t", tenantId)
                .param("k", link.kind())
                .param("id", link.sourceId())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into roster_links (tenant_id, kind, source_id, target_id, target_type, content_hash,"
                            + " status, updated_at) values (:t, :k, :id, :target, :type, :h, :s, :at)")
                    .param("t", tenantId)
                    .param("k", link.kind())
                    .param("id", link.sourceId())
                    .param("target", link.targetId())
                    .param("type", link.targetType())
                    .param("h", link.contentHash())
                    .param("s", link.active() ? "active" : "removed")
                    .param("at", when)
                    .update();
        }
    }

    /** A roster record that became (part of) a learner: its kind and sourcedId. */
    public record RosterRecord(String kind, String sourcedId, String status) {}

    /** The roster records of a learner: their user record and their enrollments. */
    public List<RosterRecord> ofLearner(String tenantId, String learnerId) {
        return jdbc
                .sql("select kind, source_id, target_type, target_id, status from roster_links where tenant_id = :t"
                        + " and target_type in ('learner', 'enrollment') order by kind, source_id")
                .param("t", tenantId)
                .query((rs, n) -> ("learner".equals(rs.getString(3)) ? rs.getString(4) : learnerOf(rs.getString(4)))
                                .equals(learnerId)
                        ? new RosterRecord(rs.getString(1), rs.getString(2), rs.getString(5))
                        : null)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /**
     * Forgets a learner (erasure): the link of their user record and of their enrollments, which hold their
     * sourcedId and id. Returns how many links were deleted.
     */
    public int forgetLearner(String tenantId, String learnerId) {
        int users = jdbc.sql("delete from roster_links where tenant_id = :t and target_type = 'learner'"
                        + " and target_id = :l")
                .param("t", tenantId)
                .param("l", learnerId)
                .update();
        int enrollments = 0;
        for (String sourceId : jdbc.sql("select source_id, target_id from roster_links where tenant_id = :t"
                        + " and target_type = 'enrollment'")
                .param("t", tenantId)
                .query((rs, n) -> learnerOf(rs.getString(2)).equals(learnerId) ? rs.getString(1) : null)
                .list()) {
            if (sourceId != null) {
                enrollments += jdbc.sql("delete from roster_links where tenant_id = :t and kind = 'enrollment'"
                                + " and source_id = :s")
                        .param("t", tenantId)
                        .param("s", sourceId)
                        .update();
            }
        }
        return users + enrollments;
    }

    /** Separates the class and the person in an enrollment's target id (class ids never hold it). */
    static final String ENROLLMENT_SEPARATOR = "|";

    /** The target id of an enrollment or a class teacher: "classId|personId". */
    static String enrollmentTarget(String classId, String personId) {
        return classId + ENROLLMENT_SEPARATOR + personId;
    }

    /** The person of an enrollment's target id. */
    static String learnerOf(String enrollmentTarget) {
        int separator = enrollmentTarget.indexOf(ENROLLMENT_SEPARATOR);
        return separator < 0 ? "" : enrollmentTarget.substring(separator + 1);
    }

    /** The class of an enrollment's target id. */
    static String classOf(String enrollmentTarget) {
        int separator = enrollmentTarget.indexOf(ENROLLMENT_SEPARATOR);
        return separator < 0 ? enrollmentTarget : enrollmentTarget.substring(0, separator);
    }
}
