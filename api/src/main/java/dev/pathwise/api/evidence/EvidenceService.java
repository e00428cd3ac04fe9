package dev.pathwise.api.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.pathwise.api.activity.CurriculumCache;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.learner.StoredLearner;
import dev.pathwise.api.policy.TenantPolicies;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.problem.ProblemAdvice;
import dev.pathwise.api.problem.Problems;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evaluation.Evaluation;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.evidence.EvidenceKind;
import dev.pathwise.engine.evidence.Score;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.RuleLoopException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Ingests evidence. For each piece, in one transaction: lock the learner's row, check the evidence id (same content:
 * the stored result, unchanged; other content: 409), evaluate under the tenant's policy at the server's time, store
 * the evidence with its result, store the learner's next snapshot. Nothing is stored for a refused piece.
 */
@Service
public class EvidenceService {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final LearnerRepository learners;
    private final CurriculumCache curricula;
    private final TenantPolicies policies;
    private final PathwayEvaluator evaluator;
    private final Clock clock;
    private final int batchLimit;
    private final Duration futureTolerance;
    private final Counter evaluated;
    private final Counter ruleFirings;
    private final Timer evaluationTime;
    private final Counter ruleLoops;

    public EvidenceService(JdbcClient jdbc, TransactionTemplate transactions, ObjectMapper json,
                           LearnerRepository learners, CurriculumCache curricula, TenantPolicies policies,
                           PathwayEvaluator evaluator, Clock clock, MeterRegistry registry,
                           @Value("${pathwise.evidence.batch-limit:1000}") int batchLimit,
                           @Value("${pathwise.evidence.future-tolerance:PT5M}") Duration futureTolerance) {
        this.futureTolerance = futureTolerance;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.learners = learners;
        this.curricula = curricula;
        this.policies = policies;
        this.evaluator = evaluator;
        this.clock = clock;
        this.batchLimit = batchLimit;
        this.evaluated = Counter.builder("pathwise.evidence.evaluated")
                .description("Pieces of evidence evaluated (retries of stored evidence excluded)").register(registry);
        this.ruleFirings = Counter.builder("pathwise.rule.firings")
                .description("Rules fired while evaluating evidence").register(registry);
        this.evaluationTime = Timer.builder("pathwise.evaluation.time")
                .description("Time to evaluate one piece of evidence").register(registry);
        this.ruleLoops = Counter.builder("pathwise.rule.loops")
                .description("Evaluations cut off because rules fired more than the limit (stored, not applied)")
                .register(registry);
    }

    public int batchLimit() {
        return batchLimit;
    }

    public EvidenceResult ingest(String tenantId, EvidenceRequest request) {
        Instant now = clock.instant();
        Curriculum curriculum = curricula.curriculum(tenantId);
        Evidence evidence = toEvidence(request, curriculum.framework(), curriculum, now);
        String contentHash = contentHash(request);
        Optional<EvidenceResult> stored = stored(tenantId, evidence.id(), contentHash);
        if (stored.isPresent()) {
            return stored.get();
        }
        try {
            Outcome outcome = transactions.execute(status -> evaluateAndStore(tenantId, curriculum, evidence,
                    contentHash, now));
            if (outcome.loop() != null) {
                ruleLoops.increment();
                throw loopProblem(evidence.id(), outcome.loop().rules(), outcome.loop().getMessage());
            }
            return outcome.result();
        } catch (DuplicateKeyException raced) {
            // Another request stored the same evidence id (for another learner) between our check and our insert.
            return stored(tenantId, evidence.id(), contentHash).orElseThrow(() -> raced);
        }
    }

    /** Each item in its own transaction: a refused item gets its problem and the others go ahead. */
    public List<BatchItemResult> ingestBatch(String tenantId, JsonNode body) {
        JsonNode items = body != null && body.isObject() ? body.get("items") : body;
        if (items == null || !items.isArray()) {
            throw ApiProblem.invalid("items", null, "items: send a JSON array of evidence, or {\"items\": [...]}");
        }
        if (items.size() > batchLimit) {
            throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "batch-too-large", "items", items.size(),
                    "items: a batch holds at most " + batchLimit + " pieces of evidence; this one has "
                            + items.size() + ". Split it into batches of " + batchLimit + " or fewer", null);
        }
        List<BatchItemResult> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String evidenceId = item.path("id").isTextual() ? item.path("id").asText() : null;
            ApiProblem problem;
            try {
                EvidenceResult result = ingest(tenantId, json.readerFor(EvidenceRequest.class)
                        .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .treeToValue(item, EvidenceRequest.class));
                results.add(new BatchItemResult(i, evidenceId, 200, result.replayed(), result.update(), null));
                continue;
            } catch (ApiProblem refused) {
                problem = refused;
            } catch (JsonProcessingException unreadable) {
                problem = ProblemAdvice.unreadableJson(unreadable);
            } catch (IllegalArgumentException refused) {
                problem = Problems.fromEngine(refused, null, null);
            }
            results.add(new BatchItemResult(i, evidenceId, problem.status().value(), false, null,
                    Problems.of(problem)));
        }
        return results;
    }

    /** What the transaction did: stored and applied ({@code result}), or stored but cut off ({@code loop}). */
    private record Outcome(EvidenceResult result, RuleLoopException loop) {
    }

    private Outcome evaluateAndStore(String tenantId, Curriculum curriculum, Evidence evidence,
                                     String contentHash, Instant now) {
        StoredLearner learner = learners.requireLocked(tenantId, evidence.learnerId());
        Optional<EvidenceResult> stored = stored(tenantId, evidence.id(), contentHash);
        if (stored.isPresent()) {
            return new Outcome(stored.get(), null);
        }
        CompiledPolicy policy = policies.active(tenantId);
        long start = System.nanoTime();
        Evaluation evaluation;
        try {
            evaluation = evaluator.evaluate(policy, curriculum, learner.snapshot(), evidence, now);
        } catch (RuleLoopException loop) {
            // Kept (evidence is append-only, and a fixed policy can replay it); the learner's state is not touched.
            jdbc.sql("insert into evidence (tenant_id, evidence_id, learner_id, content_hash, payload, result,"
                            + " policy_version, received_at, evaluation_error) values (:t, :e, :l, :h, :p, :r, :v,"
                            + " :at, :err)")
                    .param("t", tenantId).param("e", evidence.id()).param("l", evidence.learnerId())
                    .param("h", contentHash).param("p", write(EvidencePayload.of(evidence)))
                    .param("r", write(java.util.Map.of("rules", loop.rules()))).param("v", policy.versionLabel())
                    .param("at", now.atOffset(ZoneOffset.UTC)).param("err", loop.getMessage()).update();
            return new Outcome(null, loop);
        }
        evaluationTime.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        PathUpdateJson update = PathUpdateJson.of(evaluation.update());
        jdbc.sql("insert into evidence (tenant_id, evidence_id, learner_id, content_hash, payload, result,"
                        + " policy_version, received_at) values (:t, :e, :l, :h, :p, :r, :v, :at)")
                .param("t", tenantId).param("e", evidence.id()).param("l", evidence.learnerId())
                .param("h", contentHash).param("p", write(EvidencePayload.of(evidence))).param("r", write(update))
                .param("v", policy.versionLabel()).param("at", now.atOffset(ZoneOffset.UTC)).update();
        learners.update(learner, evaluation.learner(), now);
        evaluated.increment();
        ruleFirings.increment(evaluation.update().trace().size());
        return new Outcome(new EvidenceResult(update, false), null);
    }

    /** The stored result of this evidence id, if stored with the same content; 409 if stored with other content. */
    private Optional<EvidenceResult> stored(String tenantId, String evidenceId, String contentHash) {
        return jdbc.sql("select content_hash, result, evaluation_error from evidence where tenant_id = :t"
                        + " and evidence_id = :e")
                .param("t", tenantId).param("e", evidenceId)
                .query((rs, n) -> {
                    if (!rs.getString(1).equals(contentHash)) {
                        throw ApiProblem.conflict("evidence-id-reused", "id", evidenceId, "id: evidence '"
                                + evidenceId + "' was already received with different content; an evidence id is"
                                + " an idempotency key, so send new evidence under a new id");
                    }
                    String error = rs.getString(3);
                    if (error != null) {
                        throw loopProblem(evidenceId, loopRules(rs.getString(2)), error);
                    }
                    return new EvidenceResult(read(rs.getString(2)), true);
                })
                .optional();
    }

    /** 422: the evaluation was cut off; the evidence is stored, the learner's state unchanged. */
    private static ApiProblem loopProblem(String evidenceId, List<String> rules, String message) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "rule-loop", "rules", rules, "evidence '"
                + evidenceId + "' is stored but was not applied: " + message, rules.stream()
                .map(rule -> "rule \"" + rule + "\" kept firing").toList(), java.util.Map.of("evidenceId", evidenceId,
                "rules", rules));
    }

    private List<String> loopRules(String stored) {
        try {
            List<String> rules = new ArrayList<>();
            json.readTree(stored).path("rules").forEach(rule -> rules.add(rule.asText()));
            return rules;
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private Evidence toEvidence(EvidenceRequest request, Framework framework, Curriculum curriculum, Instant now) {
        requireText(request.id(), "id");
        requireText(request.learnerId(), "learnerId");
        InputLimits.id("id", request.id(), InputLimits.EVIDENCE_ID);
        InputLimits.id("learnerId", request.learnerId());
        InputLimits.id("competencyId", request.competencyId());
        InputLimits.id("activityId", request.activityId());
        InputLimits.text("source", request.source(), InputLimits.NAME);
        InputLimits.text("kind", request.kind(), InputLimits.NAME);
        if (request.observedAt() != null && request.observedAt().isBefore(Instant.EPOCH)) {
            throw ApiProblem.invalid("observedAt", request.observedAt().toString(), "observedAt: "
                    + request.observedAt() + " is before 1970; send the time the learner produced the evidence");
        }
        if (request.observedAt() != null && request.observedAt().isAfter(now.plus(futureTolerance))) {
            throw ApiProblem.invalid("observedAt", request.observedAt().toString(), "observedAt: "
                    + request.observedAt() + " is in the future (server time " + now + ", tolerance "
                    + futureTolerance + "); send the time the learner produced the evidence, or leave it out");
        }
        EvidenceRequest.ScoreJson score = request.score();
        if (score == null) {
            throw ApiProblem.invalid("score", null, "score: is required, for example {\"raw\": 7, \"min\": 0,"
                    + " \"max\": 10}");
        }
        if (score.raw() == null) {
            throw ApiProblem.invalid("score.raw", null, "score.raw: is required");
        }
        Score parsed;
        try {
            parsed = new Score(score.raw(), score.min() == null ? 0.0 : score.min(),
                    score.max() == null ? 1.0 : score.max());
        } catch (IllegalArgumentException e) {
            ApiProblem problem = Problems.fromEngine(e, "score", score.raw());
            Object value = switch (problem.field()) {
                case "score.max" -> score.max();
                case "score.min" -> score.min();
                default -> score.raw();
            };
            throw ApiProblem.invalid(problem.field(), value, e.getMessage());
        }
        if (request.kind() == null) {
            throw ApiProblem.invalid("kind", null, "kind: is required; use one of "
                    + Arrays.toString(EvidenceKind.values()));
        }
        EvidenceKind kind;
        try {
            kind = EvidenceKind.valueOf(request.kind().strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("kind", request.kind(), "kind: '" + request.kind()
                    + "' is not an evidence kind; use one of " + Arrays.toString(EvidenceKind.values()));
        }
        String competencyId = blankToNull(request.competencyId());
        String activityId = blankToNull(request.activityId());
        if (competencyId == null && activityId == null) {
            throw ApiProblem.invalid("competencyId", null, "competencyId/activityId: evidence " + request.id()
                    + " names neither a competency nor an activity; send at least one of them");
        }
        if (competencyId != null) {
            if (!framework.contains(competencyId)) {
                String message;
                try {
                    framework.get(competencyId);
                    message = "unknown competency";
                } catch (IllegalArgumentException e) {
                    message = e.getMessage();
                }
                throw ApiProblem.invalid("competencyId", competencyId, "competencyId: " + message);
            }
            if (!framework.isLeaf(competencyId)) {
                throw ApiProblem.invalid("competencyId", competencyId, "competencyId: '" + competencyId
                        + "' is a parent competency whose level rolls up from " + framework.children(competencyId)
                        + "; send evidence on one of those");
            }
        }
        if (activityId != null && curriculum.activity(activityId).isEmpty()) {
            throw ApiProblem.invalid("activityId", activityId, "activityId: unknown activity '" + activityId
                    + "'; POST /v1/activities first or send a competencyId");
        }
        Instant observedAt = request.observedAt() == null ? now : request.observedAt();
        try {
            return new Evidence(request.id(), request.learnerId(), competencyId, activityId, parsed, kind,
                    request.source(), observedAt);
        } catch (IllegalArgumentException e) {
            throw Problems.fromEngine(e, null, null);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid(field, value, field + ": is required and must not be blank");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String contentHash(EvidenceRequest request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(write(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private PathUpdateJson read(String text) {
        try {
            return json.readValue(text, PathUpdateJson.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored evidence result is not valid JSON", e);
        }
    }
}
