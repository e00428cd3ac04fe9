package dev.pathwise.api.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.problem.Problems;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.evidence.EvidenceKind;
import dev.pathwise.engine.evidence.Score;
import dev.pathwise.engine.framework.Framework;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns an evidence request into the engine's {@link Evidence}, or into a problem that names the field and the value;
 * and hashes its content, which makes the evidence id an idempotency key (same id and content: the stored result;
 * same id, other content: a conflict). Used for single evidence and for every item of a batch alike.
 */
@Component
public class EvidenceRequests {

    /** SHA-256 of the content; one per thread, reset by {@link MessageDigest#digest}. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    });

    private final ObjectMapper json;
    private final Duration futureTolerance;

    public EvidenceRequests(
            ObjectMapper json, @Value("${pathwise.evidence.future-tolerance:PT5M}") Duration futureTolerance) {
        this.json = json;
        this.futureTolerance = futureTolerance;
    }

    /**
     * The engine's evidence for a request, checked against the tenant's curriculum and the server's time.
     *
     * @throws ApiProblem 400 naming the field and the value, with what to send instead
     */
    public Evidence toEvidence(EvidenceRequest request, Curriculum curriculum, Instant now) {
        Framework framework = curriculum.framework();
        requireText(request.id(), "id");
        requireText(request.learnerId(), "learnerId");
        InputLimits.id("id", request.id(), InputLimits.EVIDENCE_ID);
        InputLimits.id("learnerId", request.learnerId());
        InputLimits.id("competencyId", request.competencyId());
        InputLimits.id("activityId", request.activityId());
        InputLimits.text("source", request.source(), InputLimits.NAME);
        InputLimits.text("kind", request.kind(), InputLimits.NAME);
        if (request.observedAt() != null && request.observedAt().isBefore(Instant.EPOCH)) {
            throw ApiProblem.invalid(
                    "observedAt",
                    request.observedAt().toString(),
                    "observedAt: " + request.observedAt()
                            + " is before 1970; send the time the learner produced the evidence");
        }
        if (request.observedAt() != null && request.observedAt().isAfter(now.plus(futureTolerance))) {
            throw ApiProblem.invalid(
                    "observedAt",
                    request.observedAt().toString(),
                    "observedAt: "
                            + request.observedAt() + " is in the future (server time " + now + ", tolerance "
                            + futureTolerance + "); send the time the learner produced the evidence, or leave it out");
        }
        EvidenceRequest.ScoreJson score = request.score();
        if (score == null) {
            throw ApiProblem.invalid(
                    "score", null, "score: is required, for example {\"raw\": 7, \"min\": 0," + " \"max\": 10}");
        }
        if (score.raw() == null) {
            throw ApiProblem.invalid("score.raw", null, "score.raw: is required");
        }
        Score parsed;
        try {
            parsed = new Score(
                    score.raw(), score.min() == null ? 0.0 : score.min(), score.max() == null ? 1.0 : score.max());
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
            throw ApiProblem.invalid(
                    "kind", null, "kind: is required; use one of " + Arrays.toString(EvidenceKind.values()));
        }
        EvidenceKind kind;
        try {
            kind = EvidenceKind.valueOf(
                    request.kind().strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(
                    "kind",
                    request.kind(),
                    "kind: '" + request.kind() + "' is not an evidence kind; use one of "
                            + Arrays.toString(EvidenceKind.values()));
        }
        String competencyId = blankToNull(request.competencyId());
        String activityId = blankToNull(request.activityId());
        if (competencyId == null && activityId == null) {
            throw ApiProblem.invalid(
                    "competencyId",
                    null,
                    "competencyId/activityId: evidence " + request.id()
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
                throw ApiProblem.invalid(
                        "competencyId",
                        competencyId,
                        "competencyId: '" + competencyId
                                + "' is a parent competency whose level rolls up from "
                                + framework.children(competencyId)
                                + "; send evidence on one of those");
            }
        }
        if (activityId != null && curriculum.activity(activityId).isEmpty()) {
            throw ApiProblem.invalid(
                    "activityId",
                    activityId,
                    "activityId: unknown activity '" + activityId
                            + "'; POST /v1/activities first or send a competencyId");
        }
        Instant observedAt = request.observedAt() == null ? now : request.observedAt();
        try {
            return new Evidence(
                    request.id(),
                    request.learnerId(),
                    competencyId,
                    activityId,
                    parsed,
                    kind,
                    request.source(),
                    observedAt);
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

    /** SHA-256 of the request as JSON (the same bytes as ever, so that stored hashes keep matching retries). */
    public String contentHash(EvidenceRequest request) {
        try {
            return HexFormat.of().formatHex(SHA_256.get().digest(json.writeValueAsBytes(request)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write EvidenceRequest as JSON", e);
        }
    }
}
