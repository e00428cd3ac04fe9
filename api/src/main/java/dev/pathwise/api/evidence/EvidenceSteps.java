package dev.pathwise.api.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.evidence.EvidenceRepository.NewRow;
import dev.pathwise.api.evidence.EvidenceRepository.StoredRow;
import dev.pathwise.api.learner.LearnerEvaluations;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.learner.StoredLearner;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.problem.Problems;
import dev.pathwise.api.storage.JsonColumn;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evaluation.Evaluation;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.RulesStoppedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Takes pieces of evidence in order, each on its learner's state as the pieces before it left it, and says what each
 * gives ({@link Step}): nothing is written here. The same for a single piece, a batch evaluated before its locks are
 * taken ({@link BatchSpeculation}) and a batch checked under its locks ({@link EvidenceTransaction}).
 */
@Component
class EvidenceSteps {

    private final LearnerEvaluations evaluations;
    private final ObjectMapper json;

    EvidenceSteps(LearnerEvaluations evaluations, ObjectMapper json) {
        this.evaluations = evaluations;
        this.json = json;
    }

    /**
     * What the pieces are taken on: the tenant's curriculum, policy and time, the learners as read (missing: unknown
     * learner), the stored rows of the pieces' ids, and each learner's stored evidence that counts (read only when a
     * late piece needs it).
     */
    record Inputs(
            Curriculum curriculum,
            CompiledPolicy policy,
            Instant now,
            Map<String, StoredLearner> learners,
            Map<String, StoredRow> stored,
            Function<String, Supplier<List<Evidence>>> counted) {}

    /**
     * Takes the pieces in order: an unknown learner is 404; an id already stored (or taken by an earlier piece) is its
     * stored result again, or 409 with other content; an evaluation cut off (rules looping or failing) is stored with
     * its error and leaves the learner's state as it was (422). Evidence observed before evidence already counted is
     * counted at its place in time and the learner rebuilt (the update's {@code late} says so).
     * <p>
     * With {@code earlier} steps (a speculation), the step of a piece is kept when its learner is not in
     * {@code stale}, none of that learner's pieces before it was taken again, and it finds the same stored row under
     * its id as then: its inputs are the same, so is its result.
     *
     * @param inputs their {@code stored} rows get the rows of the pieces taken
     */
    List<Step> run(Inputs inputs, List<Piece> pieces, List<Step> earlier, Set<String> stale) {
        Map<String, LearnerSnapshot> state = new HashMap<>();
        Map<String, List<Evidence>> countedInRun = new HashMap<>();
        Set<String> retaken = new HashSet<>(stale);
        List<Step> steps = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            String learnerId = piece.learnerId();
            StoredLearner learner = inputs.learners().get(learnerId);
            if (learner == null) {
                steps.add(Step.answered(null, new Outcome(null, LearnerRepository.unknown(learnerId))));
                continue;
            }
            StoredRow seen = inputs.stored().get(piece.evidenceId());
            Step before = earlier == null ? null : earlier.get(i);
            Step step;
            if (before != null && !retaken.contains(learnerId) && Objects.equals(before.seen(), seen)) {
                step = before;
            } else {
                retaken.add(learnerId);
                if (seen != null) {
                    step = Step.answered(seen, Outcome.of(() -> answer(seen, piece.evidenceId(), piece.contentHash())));
                } else {
                    List<Evidence> inRun = countedInRun.computeIfAbsent(learnerId, id -> new ArrayList<>());
                    Supplier<List<Evidence>> stored = inputs.counted().apply(learnerId);
                    step = evaluate(inputs, state.getOrDefault(learnerId, learner.snapshot()), piece, () -> {
                        List<Evidence> counted = new ArrayList<>(stored.get());
                        counted.addAll(inRun);
                        return counted;
                    });
                }
            }
            if (step.row() != null) {
                inputs.stored().put(piece.evidenceId(), step.stored());
            }
            if (step.after() != null) {
                state.put(learnerId, step.after());
            }
            if (step.counts()) {
                countedInRun.computeIfAbsent(learnerId, id -> new ArrayList<>()).add(step.counted());
            }
            steps.add(step);
        }
        return steps;
    }

    /**
     * Evaluates one piece that is not stored yet on the learner's state, at its place in the learner's timeline;
     * nothing is written here. An evaluation that the rules cut off (a loop) or that fails is kept as a row with its
     * error: evidence is append-only, and a fixed policy can replay it.
     */
    private Step evaluate(Inputs inputs, LearnerSnapshot learner, Piece piece, Supplier<List<Evidence>> counted) {
        Evidence evidence = piece.on(learner);
        long start = System.nanoTime();
        Evaluation evaluation;
        try {
            evaluation = evaluations.evaluate(
                    inputs.policy(), inputs.curriculum(), learner, evidence, inputs.now(), counted);
        } catch (IllegalArgumentException refused) {
            return Step.answered(null, Outcome.refused(refused));
        } catch (RulesStoppedException loop) {
            return cutOff(
                    inputs,
                    piece,
                    evidence,
                    loop.rules(),
                    loop.problemType(),
                    loop.getMessage(),
                    loopProblem(evidence.id(), loop.problemType(), loop.rules(), loop.getMessage()));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError failed) {
            String message = "the policy's rules failed while evaluating it (" + Problems.describeFailure(failed) + ")";
            return cutOff(inputs, piece, evidence, List.of(), null, message, failedProblem(evidence.id(), message));
        }
        long nanos = System.nanoTime() - start;
        PathUpdateJson update = PathUpdateJson.of(evaluation.update());
        NewRow row = row(inputs, piece, evidence, write(update), null);
        return new Step(
                null,
                new Outcome(new EvidenceResult(update, false), null),
                row,
                evidence,
                evaluation.learner(),
                nanos,
                evaluation.update().trace().size(),
                false);
    }

    private Step cutOff(
            Inputs inputs,
            Piece piece,
            Evidence evidence,
            List<String> rules,
            String type,
            String message,
            ApiProblem problem) {
        NewRow row = row(
                inputs,
                piece,
                evidence,
                write(type == null ? Map.of("rules", rules) : Map.of("rules", rules, "type", type)),
                message);
        return new Step(null, new Outcome(null, problem), row, null, null, 0, 0, true);
    }

    /** The row stored for a piece: the evidence as it counted (payload), its result or the error that cut it off. */
    private NewRow row(Inputs inputs, Piece piece, Evidence evidence, String result, String error) {
        return new NewRow(
                piece.tenantId(),
                evidence.id(),
                evidence.learnerId(),
                piece.contentHash(),
                write(EvidencePayload.of(evidence)),
                result,
                inputs.policy().versionLabel(),
                inputs.now(),
                error);
    }

    /**
     * Evidence sent again under a stored id: the stored result (replayed) if the content is the same; 409 if it is
     * other content; 422 again if its evaluation was cut off.
     */
    EvidenceResult answer(StoredRow stored, String evidenceId, String sentHash) {
        if (!stored.contentHash().equals(sentHash)) {
            throw ApiProblem.conflict(
                    "evidence-id-reused",
                    "id",
                    evidenceId,
                    "id: evidence '"
                            + evidenceId + "' was already received with different content; an evidence id is"
                            + " an idempotency key, so send new evidence under a new id");
        }
        if (stored.error() != null) {
            List<String> rules = loopRules(stored.result());
            String type = stoppedType(stored.result());
            throw type == null && rules.isEmpty()
                    ? failedProblem(evidenceId, stored.error())
                    : loopProblem(evidenceId, type == null ? "rule-loop" : type, rules, stored.error());
        }
        return new EvidenceResult(read(stored.result()), true);
    }

    /**
     * 422: the rules were stopped ({@code rule-loop}: they kept firing; {@code rule-limit}: past the CPU or memory
     * limit of one evaluation); the evidence is stored, the learner's state unchanged.
     */
    private static ApiProblem loopProblem(String evidenceId, String type, List<String> rules, String message) {
        return new ApiProblem(
                HttpStatus.UNPROCESSABLE_ENTITY,
                type,
                "rules",
                rules,
                "evidence '" + evidenceId + "' is stored but was not applied: " + message,
                rules.stream()
                        .map(rule -> "rule \"" + rule + "\" "
                                + (type.equals("rule-loop") ? "kept firing" : "passed the limits of one evaluation"))
                        .toList(),
                Map.of("evidenceId", evidenceId, "rules", rules));
    }

    /** The problem type a cut-off evaluation was stored with, or null for one stored before types were kept. */
    private String stoppedType(String stored) {
        try {
            JsonNode type = json.readTree(stored).path("type");
            return type.isTextual() ? type.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** 422: the rules failed; the evidence is stored, the learner's state unchanged. */
    private static ApiProblem failedProblem(String evidenceId, String message) {
        return new ApiProblem(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "evaluation-failed",
                "policy",
                null,
                "evidence '"
                        + evidenceId + "' is stored but was not applied: " + message + ". Fix the policy and void or"
                        + " resend the evidence under a new id",
                List.of(),
                Map.of("evidenceId", evidenceId));
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

    private String write(Object value) {
        return JsonColumn.write(json, value);
    }

    private PathUpdateJson read(String text) {
        try {
            return json.readValue(text, PathUpdateJson.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored evidence result is not valid JSON", e);
        }
    }
}
