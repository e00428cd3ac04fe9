package dev.pathwise.api.learner;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.engine.learner.LearnerSnapshot;

/** Learner rows, always by tenant. The snapshot is kept as JSON of the engine's record. */
@Repository
public class LearnerRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public LearnerRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<StoredLearner> find(String tenantId, String learnerId) {
        return select(tenantId, learnerId, "");
    }

    /** Reads the learner and locks the row until the transaction ends: one writer per learner at a time. */
    public Optional<StoredLearner> lock(String tenantId, String learnerId) {
        return select(tenantId, learnerId, " for update");
    }

    public StoredLearner require(String tenantId, String learnerId) {
        return find(tenantId, learnerId).orElseThrow(() -> unknown(learnerId));
    }

    public StoredLearner requireLocked(String tenantId, String learnerId) {
        return lock(tenantId, learnerId).orElseThrow(() -> unknown(learnerId));
    }

    public static ApiProblem unknown(String learnerId) {
        return ApiProblem.notFound("learnerId", learnerId, "learner '" + learnerId
                + "' does not exist in this tenant; PUT /v1/learners/" + learnerId + " with a profile first");
    }

    public List<StoredLearner> all(String tenantId, String schoolId) {
        String where = schoolId == null ? "" : " and school_id = :s";
        var sql = jdbc.sql("select snapshot, version from learners where tenant_id = :t" + where
                + " order by learner_id").param("t", tenantId);
        if (schoolId != null) {
            sql = sql.param("s", schoolId);
        }
        return sql.query((rs, n) -> new StoredLearner(tenantId, read(rs.getString(1)), rs.getLong(2))).list();
    }

    public void insert(String tenantId, LearnerSnapshot snapshot, Instant at) {
        jdbc.sql("insert into learners (tenant_id, learner_id, school_id, profile, snapshot, version, updated_at)"
                        + " values (:t, :l, :s, :p, :snap, 1, :at)")
                .param("t", tenantId).param("l", snapshot.learnerId()).param("s", snapshot.profile().schoolId())
                .param("p", write(snapshot.profile())).param("snap", write(snapshot)).param("at", utc(at)).update();
    }

    /** Writes the next snapshot over the one read at {@code version}. */
    public long update(StoredLearner previous, LearnerSnapshot next, Instant at) {
        int rows = jdbc.sql("update learners set school_id = :s, profile = :p, snapshot = :snap,"
                        + " version = version + 1, updated_at = :at"
                        + " where tenant_id = :t and learner_id = :l and version = :v")
                .param("s", next.profile().schoolId()).param("p", write(next.profile())).param("snap", write(next))
                .param("at", utc(at)).param("t", previous.tenantId()).param("l", previous.learnerId())
                .param("v", previous.version()).update();
        if (rows != 1) {
            throw new IllegalStateException("Learner " + previous.learnerId() + " changed under a held lock"
                    + " (version " + previous.version() + ")");
        }
        return previous.version() + 1;
    }

    private Optional<StoredLearner> select(String tenantId, String learnerId, String lock) {
        return jdbc.sql("select snapshot, version from learners where tenant_id = :t and learner_id = :l" + lock)
                .param("t", tenantId).param("l", learnerId)
                .query((rs, n) -> new StoredLearner(tenantId, read(rs.getString(1)), rs.getLong(2)))
                .optional();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private LearnerSnapshot read(String text) {
        try {
            return json.readValue(text, LearnerSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored learner snapshot is not valid JSON", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
