package dev.pathwise.api.evidence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.pathwise.api.activity.CurriculumCache;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.learner.StoredLearner;
import dev.pathwise.api.policy.TenantPolicies;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.learner.LearnerSnapshot;

/**
 * Checks a learner's stored state against a fresh replay of the evidence that counts ({@link StoredEvidence}: voided and
 * cut-off evidence left out), in stored order, each piece at its own time and the overrides where they fall. Used by
 * the crash and concurrency tests: after any crash, the state
 * must be exactly what the acknowledged evidence gives. Reads under the learner's row lock, so no write interleaves.
 */
@Service
public class LearnerVerification {

    private final StoredEvidence storedEvidence;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final LearnerRepository learners;
    private final CurriculumCache curricula;
    private final TenantPolicies policies;
    private final PathwayEvaluator evaluator;

    public LearnerVerification(StoredEvidence storedEvidence, TransactionTemplate transactions, ObjectMapper json,
                               LearnerRepository learners, CurriculumCache curricula, TenantPolicies policies,
                               PathwayEvaluator evaluator) {
        this.storedEvidence = storedEvidence;
        this.transactions = transactions;
        this.json = json;
        this.learners = learners;
        this.curricula = curricula;
        this.policies = policies;
        this.evaluator = evaluator;
    }

    /**
     * The outcome: the evidence ids in stored order, how many are distinct, the snapshot version, whether the stored
     * state equals the replay, and the competencies where it does not.
     */
    public record Verification(String learnerId, long version, int evidenceCount, int distinctEvidenceIds,
                               boolean matchesReplay, List<String> mismatchedCompetencies,
                               List<String> evidenceIds) {
    }

    public Verification verify(String tenantId, String learnerId) {
        return transactions.execute(status -> {
            StoredLearner learner = learners.requireLocked(tenantId, learnerId);
            Curriculum curriculum = curricula.curriculum(tenantId);
            List<Evidence> evidence = storedEvidence.of(tenantId, learnerId, curriculum).evidence();
            LearnerSnapshot stored = learner.snapshot();
            LearnerSnapshot replayed = evaluator.replay(policies.active(tenantId), curriculum, stored.profile(),
                    evidence, stored.overrides());
            JsonNode storedTree = json.valueToTree(stored.competencies());
            JsonNode replayedTree = json.valueToTree(replayed.competencies());
            Set<String> names = new TreeSet<>();
            storedTree.fieldNames().forEachRemaining(names::add);
            replayedTree.fieldNames().forEachRemaining(names::add);
            List<String> mismatched = names.stream()
                    .filter(name -> !storedTree.path(name).equals(replayedTree.path(name))).toList();
            List<String> ids = new ArrayList<>(evidence.size());
            evidence.forEach(e -> ids.add(e.id()));
            return new Verification(learnerId, learner.version(), ids.size(), new HashSet<>(ids).size(),
                    mismatched.isEmpty(), mismatched, ids);
        });
    }
}
