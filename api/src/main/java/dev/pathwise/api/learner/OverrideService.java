package dev.pathwise.api.learner;

import dev.pathwise.api.evidence.PathUpdateJson;
import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.problem.Problems;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.engine.evaluation.Evaluation;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.learner.OverrideKind;
import dev.pathwise.engine.learner.TeacherOverride;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Teacher overrides: applied through the engine under the learner's lock, and kept as an audit trail. */
@Service
public class OverrideService {

    private final JdbcClient jdbc;
    private final LearnerRepository learners;
    private final LearnerEvaluations evaluations;

    public OverrideService(JdbcClient jdbc, LearnerRepository learners, LearnerEvaluations evaluations) {
        this.jdbc = jdbc;
        this.learners = learners;
        this.evaluations = evaluations;
    }

    /** The override as recorded and what it changed. */
    public record Applied(OverrideJson override, PathUpdateJson update) {}

    /**
     * Applies the override under the caller's name: a person is always the author (an author in the request that is
     * not them is refused); a key of the tenant (a system) may name the teacher it acts for, else the key is named
     * ("key 'lms-sync'").
     */
    public Applied apply(Caller caller, String learnerId, OverrideJson request) {
        String tenantId = caller.tenantId();
        Instant now = evaluations.now();
        if (caller.person() != null
                && request.author() != null
                && !request.author().isBlank()
                && !request.author().strip().equals(caller.author())) {
            throw ApiProblem.invalid(
                    "author",
                    InputLimits.text("author", request.author(), InputLimits.NAME),
                    "author: you are signed in as " + caller.author() + "; an override is recorded under your name,"
                            + " leave author out");
        }
        TeacherOverride override = toDomain(
                learnerId,
                caller.person() != null ? withoutAuthor(request) : request,
                caller.person() != null ? caller.author() : "key '" + caller.author() + "'",
                now);
        return evaluations.locked(tenantId, learnerId, now, learner -> {
            Evaluation evaluation;
            try {
                evaluation = learner.applyOverride(override);
            } catch (IllegalArgumentException e) {
                throw Problems.fromEngine(
                        e,
                        "competencyId",
                        request.competencyId() != null ? request.competencyId() : request.activityId());
            }
            jdbc.sql("insert into overrides (tenant_id, learner_id, override_id, kind, competency_id, activity_id,"
                            + " level, author, author_user_id, reason, created_at)"
                            + " values (:t, :l, :o, :k, :c, :a, :lv, :au, :uid, :r, :at)")
                    .param("t", tenantId)
                    .param("l", learnerId)
                    .param("o", override.id())
                    .param("k", override.kind().name())
                    .param("c", override.competencyId())
                    .param("a", override.activityId())
                    .param(
                            "lv",
                            override.level() == null ? null : override.level().name())
                    .param("au", override.author())
                    .param("uid", caller.authorUserId())
                    .param("r", override.reason())
                    .param("at", now.atOffset(ZoneOffset.UTC))
                    .update();
            learner.write(evaluation.learner());
            return new Applied(toJson(override, caller.authorUserId()), PathUpdateJson.of(evaluation.update()));
        });
    }

    /** Every override on the learner, oldest first. */
    public List<OverrideJson> history(String tenantId, String learnerId) {
        learners.require(tenantId, learnerId);
        return jdbc.sql("select override_id, kind, competency_id, activity_id, level, author, reason, created_at,"
                        + " author_user_id from overrides where tenant_id = :t and learner_id = :l order by seq")
                .param("t", tenantId)
                .param("l", learnerId)
                .query((rs, n) -> new OverrideJson(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, java.time.OffsetDateTime.class).toInstant(),
                        rs.getString(9)))
                .list();
    }

    /** Removes every override of the learner (erasure); returns how many. */
    public int deleteAll(String tenantId, String learnerId) {
        return jdbc.sql("delete from overrides where tenant_id = :t and learner_id = :l")
                .param("t", tenantId)
                .param("l", learnerId)
                .update();
    }

    private static OverrideJson withoutAuthor(OverrideJson r) {
        return new OverrideJson(
                r.id(), r.kind(), r.competencyId(), r.activityId(), r.level(), null, r.reason(), r.at(), null);
    }

    private static TeacherOverride toDomain(String learnerId, OverrideJson request, String defaultAuthor, Instant now) {
        if (request.kind() == null) {
            throw ApiProblem.invalid(
                    "kind", null, "kind: is required; use one of " + Arrays.toString(OverrideKind.values()));
        }
        InputLimits.text("kind", request.kind(), InputLimits.NAME);
        InputLimits.text("level", request.level(), InputLimits.NAME);
        InputLimits.id("competencyId", request.competencyId());
        InputLimits.id("activityId", request.activityId());
        InputLimits.text("author", request.author(), InputLimits.NAME);
        InputLimits.text("reason", request.reason(), InputLimits.TEXT);
        OverrideKind kind = parse(OverrideKind.class, "kind", request.kind());
        MasteryLevel level = request.level() == null ? null : parse(MasteryLevel.class, "level", request.level());
        String author = request.author() == null || request.author().isBlank() ? defaultAuthor : request.author();
        try {
            return new TeacherOverride(
                    UUID.randomUUID().toString(),
                    learnerId,
                    kind,
                    request.competencyId(),
                    request.activityId(),
                    level,
                    author,
                    request.reason(),
                    now);
        } catch (IllegalArgumentException | NullPointerException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            ApiProblem problem = Problems.fromEngine(new IllegalArgumentException(message), "override", null);
            Object value = switch (problem.field() == null ? "" : problem.field()) {
                case "reason" -> request.reason();
                case "competencyId" -> request.competencyId();
                case "activityId" -> request.activityId();
                case "level" -> request.level();
                default -> null;
            };
            throw ApiProblem.invalid(problem.field(), value, message);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        try {
            return Enum.valueOf(
                    type,
                    text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(
                    field,
                    text,
                    field + ": '" + text + "' is not valid; use one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static OverrideJson toJson(TeacherOverride o, String authorUserId) {
        return new OverrideJson(
                o.id(),
                o.kind().name(),
                o.competencyId(),
                o.activityId(),
                o.level() == null ? null : o.level().name(),
                o.author(),
                o.reason(),
                o.at(),
                authorUserId);
    }
}
