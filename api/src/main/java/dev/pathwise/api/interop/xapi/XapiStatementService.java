package dev.pathwise.api.interop.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.evidence.EvidenceRequest;
import dev.pathwise.api.evidence.EvidenceResult;
import dev.pathwise.api.evidence.EvidenceService;
import dev.pathwise.api.evidence.EvidenceVoiding;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.engine.evidence.EvidenceKind;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Turns xAPI statements into evidence, one at a time, each stored (or parked) on its own. Mapping happens here, at
 * the edge; evaluation and storage are {@link EvidenceService}'s, so a statement is evidence like any other: same
 * idempotency, same per-learner ordering, same problems.
 *
 * <p>It stays one class on purpose: each statement goes through one sequence (validate, map actor and object, score
 * and kind, store or park, void), written here in the order it runs; split, that order would be spread over several
 * files.
 */
@Service
public class XapiStatementService {

    /** The verbs that carry evidence, by the last segment of their IRI (ADL verbs and look-alikes). */
    static final Set<String> EVIDENCE_VERBS = Set.of("passed", "failed", "completed", "answered", "scored", "mastered");

    static final String VOIDED = "voided";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final XapiMappings mappings;
    private final EvidenceService evidence;
    private final EvidenceVoiding voiding;
    private final ReceivedStatements statements;
    private final Clock clock;

    public XapiStatementService(
            JdbcClient jdbc,
            ObjectMapper json,
            XapiMappings mappings,
            EvidenceService evidence,
            EvidenceVoiding voiding,
            ReceivedStatements statements,
            Clock clock) {
        this.statements = statements;
        this.jdbc = jdbc;
        this.json = json;
        this.mappings = mappings;
        this.evidence = evidence;
        this.voiding = voiding;
        this.clock = clock;
    }

    /** The outcome of a POST: counts, the statement ids in order (as an LRS answers), one result per statement. */
    public record StatementsResponse(
            int statements,
            int stored,
            int voided,
            int parked,
            int conflicts,
            List<String> ids,
            List<StatementResult> results) {}

    /**
     * A single statement or an array of them, as the request body: every statement is validated first (one invalid
     * statement refuses the whole request, nothing stored), then each is stored, voided or parked.
     */
    public StatementsResponse receive(String tenantId, String body) {
        List<JsonNode> statements = StatementRequest.read(body, json, evidence.batchLimit());
        List<StatementResult> results = new ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            results.add(receiveOne(tenantId, i, StatementReader.read(statements.get(i), json), true));
        }
        return response(results);
    }

    /** Tries every parked statement again, oldest first: those that map now are stored and leave the list. */
    public StatementsResponse retryParked(String tenantId) {
        List<JsonNode> parked = jdbc.sql("select statement from xapi_unmapped where tenant_id = :t"
                        + " order by received_at, statement_id")
                .param("t", tenantId)
                .query((rs, n) -> readTree(rs.getString(1)))
                .list();
        List<StatementResult> results = new ArrayList<>(parked.size());
        for (int i = 0; i < parked.size(); i++) {
            JsonNode node = parked.get(i);
            List<StatementChecks.Violation> violations = StatementValidator.validate(node);
            if (!violations.isEmpty()) {
                // Kept from before statements were validated on receipt: it stays parked, with what is wrong.
                results.add(StatementResult.parked(
                        i,
                        node.path("id").asText(null),
                        "invalid",
                        violations.get(0).message()));
                continue;
            }
            results.add(receiveOne(tenantId, i, StatementReader.read(node, json), false));
        }
        return response(results);
    }

    /**
     * A statement as it was received, unchanged, for {@code GET /v1/xapi/statements?statementId=}; a voided statement
     * is read with {@code voidedStatementId}, as an LRS answers.
     */
    public String statement(String tenantId, String statementId, boolean voided) {
        String id = statementId.strip().toLowerCase(Locale.ROOT);
        String field = voided ? "voidedStatementId" : "statementId";
        var row = jdbc.sql("select statement, voided_by from xapi_statements where tenant_id = :t"
                        + " and statement_id = :s")
                .param("t", tenantId)
                .param("s", id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional()
                .orElseThrow(() -> ApiProblem.notFound(
                        field,
                        statementId,
                        field + ": no statement '" + statementId + "' was received by this tenant"));
        if (!voided && row[1] != null) {
            throw ApiProblem.notFound(
                    field,
                    statementId,
                    field + ": statement '" + statementId + "' was voided by '" + row[1]
                            + "'; read it with voidedStatementId=" + statementId);
        }
        if (voided && row[1] == null) {
            throw ApiProblem.notFound(
                    field,
                    statementId,
                    field + ": statement '" + statementId + "' is not voided;" + " read it with statementId="
                            + statementId);
        }
        return row[0];
    }

    /** A parked statement: why, and the statement as received. */
    public record Unmapped(
            String statementId,
            String reason,
            String detail,
            String actor,
            String verb,
            String object,
            Instant receivedAt,
            JsonNode statement) {}

    public List<Unmapped> unmapped(String tenantId, String reason) {
        String where = reason == null || reason.isBlank() ? "" : " and reason = :r";
        var sql = jdbc.sql("select statement_id, reason, detail, actor_key, verb, object_iri, received_at, statement"
                        + " from xapi_unmapped where tenant_id = :t" + where + " order by received_at, statement_id")
                .param("t", tenantId);
        if (!where.isEmpty()) {
            sql = sql.param("r", reason);
        }
        return sql.query((rs, n) -> new Unmapped(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).toInstant(),
                        readTree(rs.getString(8))))
                .list();
    }

    private StatementsResponse response(List<StatementResult> results) {
        int stored = (int)
                results.stream().filter(r -> r.status().endsWith("stored")).count();
        int voided =
                (int) results.stream().filter(r -> r.status().equals("voided")).count();
        int parked =
                (int) results.stream().filter(r -> r.status().equals("parked")).count();
        int conflicts = (int)
                results.stream().filter(r -> r.status().equals("conflict")).count();
        return new StatementsResponse(
                results.size(),
                stored,
                voided,
                parked,
                conflicts,
                results.stream().map(StatementResult::statementId).toList(),
                results);
    }

    private StatementResult receiveOne(String tenantId, int index, Statement statement, boolean fresh) {
        if (fresh) {
            Optional<String> conflict = statements.record(tenantId, statement.id(), statement.body());
            if (conflict.isPresent()) {
                return StatementResult.conflict(index, statement.id(), conflict.get());
            }
        }
        if (statement.verbId().equals(StatementValidator.VOIDED_VERB)) {
            return voidTarget(tenantId, index, statement);
        }
        if (statement.actorType().equals("Group")) {
            return park(
                    tenantId,
                    index,
                    statement,
                    "group-actor",
                    "the actor is a Group; Pathwise records evidence"
                            + " of one learner at a time, so a Group's statement is kept for review rather than split among"
                            + " its members");
        }
        if (!statement.objectType().equals("Activity")) {
            return park(
                    tenantId,
                    index,
                    statement,
                    "unsupported-object",
                    "the object is a " + statement.objectType()
                            + "; evidence is about an Activity (an activity or competency IRI)");
        }
        if (!EVIDENCE_VERBS.contains(statement.verb())) {
            return park(
                    tenantId,
                    index,
                    statement,
                    "unsupported-verb",
                    "verb '" + statement.verbId() + "' is not" + " evidence; Pathwise takes "
                            + EVIDENCE_VERBS.stream().sorted().toList() + " (and voided)");
        }
        Optional<String> learner = mappings.learner(tenantId, statement);
        if (learner.isEmpty()) {
            return park(
                    tenantId,
                    index,
                    statement,
                    "unknown-actor",
                    "actor " + statement.actorKeys() + " maps to"
                            + " no learner; PUT /v1/xapi/actors to map it (an account name that is a learner id maps by"
                            + " itself)");
        }
        Optional<XapiMappings.Alignment> target = mappings.object(tenantId, statement.objectId());
        for (int i = 0; target.isEmpty() && i < statement.contextActivities().size(); i++) {
            target = mappings.object(tenantId, statement.contextActivities().get(i))
                    .filter(a -> a.competencyId() != null);
        }
        if (target.isEmpty()) {
            return park(
                    tenantId,
                    index,
                    statement,
                    "unknown-object",
                    "activity '" + statement.objectId()
                            + "' is aligned to no activity or competency; PUT /v1/xapi/alignments, give an activity this"
                            + " iri, or import the CASE item with this uri");
        }
        EvidenceRequest.ScoreJson score = score(statement);
        if (score == null) {
            return park(
                    tenantId,
                    index,
                    statement,
                    "no-score",
                    "statement has no result.score (scaled, or raw with"
                            + " max) and no result.success, so it says nothing about mastery");
        }
        String kind;
        try {
            kind = kind(statement);
        } catch (IllegalArgumentException e) {
            return park(tenantId, index, statement, "unknown-evidence-kind", e.getMessage());
        }
        XapiMappings.Alignment aligned = target.get();
        EvidenceRequest request = new EvidenceRequest(
                statement.id(),
                learner.get(),
                aligned.competencyId(),
                aligned.activityId(),
                score,
                kind,
                "xapi" + (statement.platform() == null ? "" : ":" + statement.platform()),
                statement.timestamp());
        EvidenceResult result;
        try {
            result = evidence.ingest(tenantId, request);
        } catch (ApiProblem refused) {
            if (refused.status() == org.springframework.http.HttpStatus.CONFLICT) {
                return StatementResult.conflict(index, statement.id(), refused.getMessage());
            }
            return park(tenantId, index, statement, "refused", refused.getMessage());
        } catch (IllegalArgumentException refused) {
            return park(tenantId, index, statement, "refused", refused.getMessage());
        }
        unpark(tenantId, statement.id());
        double normalized = (score.raw() - score.min()) / (score.max() - score.min());
        return new StatementResult(
                index,
                statement.id(),
                result.replayed() ? "already-stored" : "stored",
                null,
                null,
                learner.get(),
                aligned.competencyId(),
                aligned.activityId(),
                kind,
                normalized,
                result.update(),
                null);
    }

    private StatementResult voidTarget(String tenantId, int index, Statement statement) {
        String target = statement.objectId().toLowerCase(Locale.ROOT);
        if (statements.isVoiding(tenantId, target)) {
            return park(
                    tenantId,
                    index,
                    statement,
                    "void-target-is-voiding",
                    "statement '" + target + "' voids"
                            + " another statement itself, and a voiding statement cannot be voided");
        }
        statements.markVoided(tenantId, target, statement.id());
        Optional<EvidenceVoiding.Voided> voided = voiding.voidEvidence(tenantId, target, statement.id());
        if (voided.isPresent()) {
            unpark(tenantId, statement.id());
            return StatementResult.voided(
                    index,
                    statement.id(),
                    "evidence '" + target + "' no longer" + " counts; learner '"
                            + voided.get().learnerId() + "' was rebuilt from the remaining evidence",
                    voided.get());
        }
        int removed = unpark(tenantId, target);
        if (removed > 0) {
            unpark(tenantId, statement.id());
            return StatementResult.voided(
                    index,
                    statement.id(),
                    "statement '" + target + "' was" + " parked, never evidence; it is removed from review",
                    null);
        }
        return park(
                tenantId,
                index,
                statement,
                "void-target-unknown",
                "statement '" + target + "' to void is" + " neither evidence nor parked here");
    }

    /** Scaled (negative counts as 0), else raw on min..max (min 0 by default), else success, passed or failed. */
    private static EvidenceRequest.ScoreJson score(Statement s) {
        if (s.scaled() != null) {
            return new EvidenceRequest.ScoreJson(Math.max(0.0, Math.min(1.0, s.scaled())), 0.0, 1.0);
        }
        if (s.raw() != null && s.max() != null) {
            return new EvidenceRequest.ScoreJson(s.raw(), s.min() == null ? 0.0 : s.min(), s.max());
        }
        Boolean success = s.success();
        if (success == null && (s.verb().equals("passed") || s.verb().equals("mastered"))) {
            success = true;
        } else if (success == null && s.verb().equals("failed")) {
            success = false;
        }
        return success == null ? null : new EvidenceRequest.ScoreJson(success ? 1.0 : 0.0, 0.0, 1.0);
    }

    /**
     * The context extension when present; else passed, failed and mastered are summative, and so is a score on an
     * assessment activity; completed, answered and scored are formative.
     */
    private static String kind(Statement s) {
        if (s.kindExtension() != null) {
            String name = s.kindExtension().strip().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                return EvidenceKind.valueOf(name).name();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("context.extensions[" + StatementReader.KIND_EXTENSION + "]: '"
                        + s.kindExtension() + "' is not an evidence kind; use one of "
                        + java.util.Arrays.toString(EvidenceKind.values()));
            }
        }
        boolean assessment =
                s.objectDefinitionType() != null && s.objectDefinitionType().endsWith("/assessment");
        return switch (s.verb()) {
            case "passed", "failed", "mastered" -> EvidenceKind.SUMMATIVE.name();
            case "scored" -> assessment ? EvidenceKind.SUMMATIVE.name() : EvidenceKind.FORMATIVE.name();
            default -> EvidenceKind.FORMATIVE.name();
        };
    }

    private StatementResult park(String tenantId, int index, Statement statement, String reason, String detail) {
        park(tenantId, statement.id(), reason, detail, statement, statement.body());
        return StatementResult.parked(index, statement.id(), reason, detail);
    }

    /**
     * Parks the statement, or updates the reason of the same statement parked before: sending a parked statement
     * again, even many times at once, answers {@code parked} each time and keeps one row.
     */
    private void park(
            String tenantId, String statementId, String reason, String detail, Statement statement, JsonNode body) {
        String actor = statement == null || statement.actorKeys().isEmpty()
                ? null
                : statement.actorKeys().get(0);
        String verb = statement == null ? null : statement.verbId();
        String object = statement == null ? null : statement.objectId();
        if (updateParked(tenantId, statementId, reason, detail) > 0) {
            return;
        }
        try {
            jdbc.sql("insert into xapi_unmapped (tenant_id, statement_id, reason, detail, actor_key, verb, object_iri,"
                            + " statement, received_at) values (:t, :s, :r, :d, :a, :v, :o, :st, :at)")
                    .param("t", tenantId)
                    .param("s", statementId)
                    .param("r", reason)
                    .param("d", detail)
                    .param("a", actor)
                    .param("v", verb)
                    .param("o", object)
                    .param("st", body.toString())
                    .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException parkedAtTheSameTime) {
            updateParked(tenantId, statementId, reason, detail);
        }
    }

    private int updateParked(String tenantId, String statementId, String reason, String detail) {
        return jdbc.sql("update xapi_unmapped set reason = :r, detail = :d where tenant_id = :t"
                        + " and statement_id = :s")
                .param("r", reason)
                .param("d", detail)
                .param("t", tenantId)
                .param("s", statementId)
                .update();
    }

    private int unpark(String tenantId, String statementId) {
        return jdbc.sql("delete from xapi_unmapped where tenant_id = :t and statement_id = :s")
                .param("t", tenantId)
                .param("s", statementId)
                .update();
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Parked statement is not valid JSON", e);
        }
    }
}
