package dev.pathwise.api.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.learner.LearnerEvaluations;
import dev.pathwise.engine.evaluation.Timeline;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.learner.LearnerSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * Checks a learner's stored state against a fresh replay of the evidence that counts ({@link StoredEvidence}: voided
 * and cut-off evidence left out), in the order it was observed ({@link Timeline}), each piece at its own time and the
 * overrides where they fall. Used by the crash, stress and concurrency tests: after any crash, the state must be
 * exactly what the acknowledged evidence gives. Reads under the learner's row lock, so no write interleaves.
 */
@Service
public class LearnerVerification {

    private final LearnerEvaluations evaluations;
    private final ObjectMapper json;

    public LearnerVerification(LearnerEvaluations evaluations, ObjectMapper json) {
        this.evaluations = evaluations;
        this.json = json;
    }

    /**
     * The outcome: the evidence ids in the order they count, how many are distinct, the snapshot version, how many
     * evidence rows the snapshot accounts for, whether the stored state equals the replay, and the competencies where
     * it does not.
     */
    public record Verification(
            String learnerId,
            long version,
            int evidenceCount,
            int distinctEvidenceIds,
            long evidenceRows,
            boolean matchesReplay,
            List<String> mismatchedCompetencies,
            List<String> evidenceIds) {}

    public Verification verify(String tenantId, String learnerId) {
        return evaluations.locked(tenantId, learnerId, evaluations.now(), learner -> {
            LearnerSnapshot stored = learner.snapshot();
            LearnerSnapshot replayed = learner.replay();
            JsonNode storedTree = json.valueToTree(stored.competencies());
            JsonNode replayedTree = json.valueToTree(replayed.competencies());
            Set<String> names = new TreeSet<>();
            storedTree.fieldNames().forEachRemaining(names::add);
            replayedTree.fieldNames().forEachRemaining(names::add);
            List<String> mismatched = names.stream()
                    .filter(name -> !storedTree.path(name).equals(replayedTree.path(name)))
                    .toList();
            List<Evidence> evidence = Timeline.inOrder(learner.counted());
            List<String> ids = new ArrayList<>(evidence.size());
            evidence.forEach(e -> ids.add(e.id()));
            return new Verification(
                    learnerId,
                    learner.stored().version(),
                    ids.size(),
                    new HashSet<>(ids).size(),
                    learner.stored().evidenceCount(),
                    mismatched.isEmpty(),
                    mismatched,
                    ids);
        });
    }
}
