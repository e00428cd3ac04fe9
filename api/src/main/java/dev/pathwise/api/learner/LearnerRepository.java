package dev.pathwise.api.learner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.storage.JsonColumn;
import dev.pathwise.engine.learner.LearnerSnapshot;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Learner rows, always by tenant. The snapshot is kept as JSON of the engine's record, with the number of the
 * learner's evidence rows it accounts for ({@code evidence_count}). Every write states that number and the database
 * checks it against the evidence table in the same statement ({@link #updateAll}): a write that would leave stored
 * evidence out of the learner's state, or that lost a race with another writer, changes nothing and fails the
 * transaction with {@link LearnerStateConflict}.
 */
@Repository
public class LearnerRepository {

    private static final String LOCK_IN_ORDER = " order by learner_id for update";

    private static final String COLUMNS = "snapshot, version, evidence_count, learner_id";

    /**
     * Writes the next snapshot over the one read, only if the row is still at the version and evidence count read
     * and the evidence table holds exactly as many rows of the learner as the new snapshot accounts for.
     */
    private static final String UPDATE = "update learners set school_id = ?, profile = ?, snapshot = ?,"
            + " version = version + 1, evidence_count = ?, updated_at = ?"
            + " where tenant_id = ? and learner_id = ? and version = ? and evidence_count = ?"
            + " and ? = (select count(*) from evidence e where e.tenant_id = learners.tenant_id"
            + " and e.learner_id = learners.learner_id)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ObjectMapper json;

    /**
     * Snapshots as parsed, by learner, each with the JSON text it was parsed from (or written as). A row read with the
     * same text (the learner unchanged since it was last read or written here) is not parsed again; a row with other
     * text (written by another node, or by a transaction that rolled back) is. Bounded: least recently used first.
     */
    private final Cache<LearnerKey, Parsed> parsed;

    private record LearnerKey(String tenantId, String learnerId) {}

    private record Parsed(String text, LearnerSnapshot snapshot) {}

    public LearnerRepository(
            JdbcClient jdbc,
            JdbcTemplate batches,
            ObjectMapper json,
            @Value("${pathwise.learners.parsed-snapshots:10000}") int parsedSnapshots) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
        this.parsed = Caffeine.newBuilder().maximumSize(parsedSnapshots).build();
    }

    /**
     * A learner's next snapshot, to be written over the one read at {@code previous.version()}, with its profile and
     * itself already as JSON (so that a writer can prepare it before taking its locks), and the number of evidence
     * rows of the learner stored with it ({@code evidenceAdded}), which the next snapshot accounts for.
     */
    public record Change(
            StoredLearner previous, LearnerSnapshot next, String profileJson, String snapshotJson, int evidenceAdded) {

        /** How many evidence rows of the learner the next snapshot accounts for. */
        public long evidenceCount() {
            return previous.evidenceCount() + evidenceAdded;
        }
    }

    /** The change from {@code previous} to {@code next}, no evidence stored with it, written as JSON now. */
    public Change change(StoredLearner previous, LearnerSnapshot next) {
        return change(previous, next, 0);
    }

    /** The change from {@code previous} to {@code next} with {@code evidenceAdded} evidence rows stored with it. */
    public Change change(StoredLearner previous, LearnerSnapshot next, int evidenceAdded) {
        String text = write(next);
        parsed.put(new LearnerKey(previous.tenantId(), next.learnerId()), new Parsed(text, next));
        return new Change(previous, next, write(next.profile()), text, evidenceAdded);
    }

    public Optional<StoredLearner> find(String tenantId, String learnerId) {
        return select(tenantId, learnerId, "");
    }

    /** Reads the learner and locks the row until the transaction ends: one writer per learner at a time. */
    public Optional<StoredLearner> lock(String tenantId, String learnerId) {
        return select(tenantId, learnerId, " for update");
    }

    /** The learners among {@code learnerIds} that exist, by id, read in one statement without a lock. */
    public Map<String, StoredLearner> findAll(String tenantId, Collection<String> learnerIds) {
        return byId(selectAll(tenantId, learnerIds, COLUMNS, "", stored(tenantId)));
    }

    /**
     * Reads and locks the learners among {@code learnerIds} that exist, in one statement; those missing are left out.
     * Rows are locked in learner id order: every writer that holds several learners locks them this way, so two
     * such writers never wait on each other in a cycle (no deadlock).
     */
    public Map<String, StoredLearner> lockAll(String tenantId, SortedSet<String> learnerIds) {
        return byId(selectAll(tenantId, learnerIds, COLUMNS, LOCK_IN_ORDER, stored(tenantId)));
    }

    /** As {@link #lockAll}, but only each learner's version: what a writer checks before using what it read. */
    public Map<String, Long> lockVersions(String tenantId, SortedSet<String> learnerIds) {
        Map<String, Long> versions = new LinkedHashMap<>();
        selectAll(
                        tenantId,
                        learnerIds,
                        "learner_id, version",
                        LOCK_IN_ORDER,
                        (rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(version -> versions.put(version.getKey(), version.getValue()));
        return versions;
    }

    /**
     * One statement over the learners {@code learnerIds}, compared as (tenant, learner) pairs: H2 looks an IN list up
     * in the primary key only on its first column, and would otherwise scan all of the tenant's learners.
     */
    private <T> List<T> selectAll(
            String tenantId, Collection<String> learnerIds, String columns, String suffix, RowMapper<T> mapper) {
        if (learnerIds.isEmpty()) {
            return List.of();
        }
        List<Object[]> keys =
                learnerIds.stream().map(id -> new Object[] {tenantId, id}).toList();
        return jdbc.sql("select " + columns + " from learners where (tenant_id, learner_id) in (:keys)" + suffix)
                .param("keys", keys)
                .query(mapper)
                .list();
    }

    private static Map<String, StoredLearner> byId(List<StoredLearner> learners) {
        Map<String, StoredLearner> byId = new LinkedHashMap<>();
        learners.forEach(learner -> byId.put(learner.learnerId(), learner));
        return byId;
    }

    public StoredLearner require(String tenantId, String learnerId) {
        return find(tenantId, learnerId).orElseThrow(() -> unknown(learnerId));
    }

    public StoredLearner requireLocked(String tenantId, String learnerId) {
        return lock(tenantId, learnerId).orElseThrow(() -> unknown(learnerId));
    }

    public static ApiProblem unknown(String learnerId) {
        return ApiProblem.notFound(
                "learnerId",
                learnerId,
                "learner '" + learnerId + "' does not exist in this tenant; PUT /v1/learners/" + learnerId
                        + " with a profile first");
    }

    public List<StoredLearner> all(String tenantId, String schoolId) {
        return matching(tenantId, LearnerSelection.ofSchool(schoolId));
    }

    /** The selected learners of the tenant, by id. */
    public List<StoredLearner> matching(String tenantId, LearnerSelection selection) {
        List<StoredLearner> selected = select(tenantId, selection, COLUMNS, stored(tenantId));
        if (selection.grade() == null) {
            return selected;
        }
        int grade = selection.grade();
        return selected.stream()
                .filter(l -> l.snapshot().profile().grade() == grade)
                .toList();
    }

    /**
     * The ids of the selected learners, by id: {@code limit} of them after {@code afterId} (null: from the start).
     * The grade of the selection is not applied here (it is inside the stored profile).
     */
    public List<String> ids(String tenantId, LearnerSelection selection, String afterId, int limit) {
        String page = (afterId == null ? "" : " and learner_id > :after") + " order by learner_id fetch first " + limit
                + " rows only";
        return query(tenantId, selection, "learner_id", page, afterId)
                .query(String.class)
                .list();
    }

    private <T> List<T> select(String tenantId, LearnerSelection selection, String columns, RowMapper<T> mapper) {
        return query(tenantId, selection, columns, " order by learner_id", null)
                .query(mapper)
                .list();
    }

    private JdbcClient.StatementSpec query(
            String tenantId, LearnerSelection selection, String columns, String suffix, String afterId) {
        StringBuilder sql = new StringBuilder("select " + columns + " from learners l where l.tenant_id = :t");
        if (selection.schoolId() != null) {
            sql.append(" and l.school_id = :s");
        }
        if (selection.classId() != null) {
            sql.append(" and exists (select 1 from enrollments e where e.tenant_id = l.tenant_id"
                    + " and e.learner_id = l.learner_id and e.class_id = :c)");
        }
        if (selection.teacherUserId() != null) {
            sql.append(" and exists (select 1 from enrollments e join class_teachers ct on ct.tenant_id ="
                    + " e.tenant_id and ct.class_id = e.class_id where e.tenant_id = l.tenant_id"
                    + " and e.learner_id = l.learner_id and ct.user_id = :u)");
        }
        var spec = jdbc.sql(sql + suffix).param("t", tenantId);
        if (selection.schoolId() != null) {
            spec = spec.param("s", selection.schoolId());
        }
        if (selection.classId() != null) {
            spec = spec.param("c", selection.classId());
        }
        if (selection.teacherUserId() != null) {
            spec = spec.param("u", selection.teacherUserId());
        }
        if (afterId != null) {
            spec = spec.param("after", afterId);
        }
        return spec;
    }

    public void insert(String tenantId, LearnerSnapshot snapshot, Instant at) {
        jdbc.sql("insert into learners (tenant_id, learner_id, school_id, profile, snapshot, version, updated_at,"
                        + " evidence_count) values (:t, :l, :s, :p, :snap, 1, :at, 0)")
                .param("t", tenantId)
                .param("l", snapshot.learnerId())
                .param("s", snapshot.profile().schoolId())
                .param("p", write(snapshot.profile()))
                .param("snap", write(snapshot))
                .param("at", utc(at))
                .update();
    }

    /** Writes the next snapshot over the one read, no evidence stored with it (see {@link #updateAll}). */
    public long update(StoredLearner previous, LearnerSnapshot next, Instant at) {
        updateAll(List.of(change(previous, next)), at);
        return previous.version() + 1;
    }

    /**
     * Writes each learner's next snapshot over the one read, in one JDBC batch. Each row must still be at the version
     * and evidence count read (the caller holds its lock), and the evidence table must hold exactly
     * {@link Change#evidenceCount()} rows of the learner: otherwise nothing is kept, and {@link LearnerStateConflict}
     * rolls the transaction back.
     */
    public void updateAll(Collection<Change> changes, Instant at) {
        if (changes.isEmpty()) {
            return;
        }
        List<Change> rows = List.copyOf(changes);
        OffsetDateTime when = utc(at);
        int[] updated = batches.batchUpdate(UPDATE, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Change change = rows.get(i);
                LearnerSnapshot next = change.next();
                ps.setString(1, next.profile().schoolId());
                ps.setString(2, change.profileJson());
                ps.setString(3, change.snapshotJson());
                ps.setLong(4, change.evidenceCount());
                ps.setObject(5, when, Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setString(6, change.previous().tenantId());
                ps.setString(7, change.previous().learnerId());
                ps.setLong(8, change.previous().version());
                ps.setLong(9, change.previous().evidenceCount());
                ps.setLong(10, change.evidenceCount());
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] != 1) {
                throw conflict(rows.get(i));
            }
        }
    }

    /** A learner's name as the roster gives it; either part may be missing. */
    public record Name(String givenName, String familyName) {}

    public Optional<Name> name(String tenantId, String learnerId) {
        return jdbc.sql("select given_name, family_name from learners where tenant_id = :t and learner_id = :l")
                .param("t", tenantId)
                .param("l", learnerId)
                .query((rs, n) -> new Name(rs.getString(1), rs.getString(2)))
                .optional();
    }

    public void setName(String tenantId, String learnerId, Name name) {
        jdbc.sql("update learners set given_name = :g, family_name = :f where tenant_id = :t and learner_id = :l")
                .param("g", name.givenName())
                .param("f", name.familyName())
                .param("t", tenantId)
                .param("l", learnerId)
                .update();
    }

    /** Deletes the learner's row; true when there was one. Evidence, overrides and enrollments go first. */
    public boolean delete(String tenantId, String learnerId) {
        return jdbc.sql("delete from learners where tenant_id = :t and learner_id = :l")
                        .param("t", tenantId)
                        .param("l", learnerId)
                        .update()
                == 1;
    }

    /** What the database holds for a learner whose write was refused, in the words of the refusal. */
    private LearnerStateConflict conflict(Change change) {
        StoredLearner previous = change.previous();
        var row = jdbc.sql("select version, evidence_count from learners where tenant_id = :t and learner_id = :l")
                .param("t", previous.tenantId())
                .param("l", previous.learnerId())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional()
                .orElse(new long[] {-1, -1});
        long stored = jdbc.sql("select count(*) from evidence where tenant_id = :t and learner_id = :l")
                .param("t", previous.tenantId())
                .param("l", previous.learnerId())
                .query(Long.class)
                .single();
        return new LearnerStateConflict(
                previous.tenantId(),
                previous.learnerId(),
                previous.version(),
                previous.evidenceCount(),
                change.evidenceCount(),
                row[0],
                row[1],
                stored);
    }

    private Optional<StoredLearner> select(String tenantId, String learnerId, String lock) {
        return jdbc.sql("select " + COLUMNS + " from learners where tenant_id = :t and learner_id = :l" + lock)
                .param("t", tenantId)
                .param("l", learnerId)
                .query(stored(tenantId))
                .optional();
    }

    /** Reads a row of {@link #COLUMNS} as the tenant's stored learner. */
    private RowMapper<StoredLearner> stored(String tenantId) {
        return (rs, n) -> new StoredLearner(
                tenantId,
                read(new LearnerKey(tenantId, rs.getString(4)), rs.getString(1)),
                rs.getLong(2),
                rs.getLong(3));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    /** The snapshot of this text: as parsed before when the learner's last parsed or written text is this one. */
    private LearnerSnapshot read(LearnerKey learner, String text) {
        Parsed before = parsed.getIfPresent(learner);
        if (before != null && before.text().equals(text)) {
            return before.snapshot();
        }
        LearnerSnapshot snapshot;
        try {
            snapshot = json.readValue(text, LearnerSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored learner snapshot is not valid JSON", e);
        }
        parsed.put(learner, new Parsed(text, snapshot));
        return snapshot;
    }

    private String write(Object value) {
        return JsonColumn.write(json, value);
    }
}
