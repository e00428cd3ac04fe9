package dev.pathwise.api.evidence;

import dev.pathwise.api.learner.LearnerEvaluations;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.learner.StoredLearner;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.policy.CompiledPolicy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * A batch evaluated before its locks are taken: its pieces are evaluated, in order, on the learners and stored
 * evidence ids as they are, without any lock or transaction ({@link #speculate}); the transaction that stores them
 * ({@link EvidenceTransaction}) then only checks, under the learners' locks, that nothing it read has changed, and
 * writes. If another request wrote one of its learners (or stored one of its evidence ids) meanwhile, the transaction
 * is rolled back at once and only those learners' pieces are evaluated again, still without a lock; after
 * {@value #OPTIMISTIC_ATTEMPTS} such attempts, the changed learners' pieces are evaluated under the lock, so a batch
 * always gets through. The locks are held for checking and writing, not for evaluating.
 */
@Component
class BatchSpeculation {

    /** How many times a batch is evaluated again without a lock before its changed learners are evaluated under it. */
    static final int OPTIMISTIC_ATTEMPTS = 3;

    private final LearnerRepository learners;
    private final EvidenceRepository evidence;
    private final LearnerEvaluations evaluations;
    private final EvidenceSteps steps;
    private final EvidenceTransaction transaction;

    BatchSpeculation(
            LearnerRepository learners,
            EvidenceRepository evidence,
            LearnerEvaluations evaluations,
            EvidenceSteps steps,
            EvidenceTransaction transaction) {
        this.learners = learners;
        this.evidence = evidence;
        this.evaluations = evaluations;
        this.steps = steps;
        this.transaction = transaction;
    }

    /**
     * A batch evaluated before taking any lock: the policy and the learners it read (with each learner's stored
     * evidence that counts, read if a late piece needed it), its steps, and the learners' changes it leads to,
     * already as JSON.
     */
    record Speculation(
            CompiledPolicy policy,
            Map<String, StoredLearner> learners,
            List<Step> steps,
            Map<String, LearnerRepository.Change> changes,
            Map<String, Supplier<List<Evidence>>> counted) {}

    /** Thrown (and so rolling the transaction back) when what a speculation read has changed for these learners. */
    static final class StaleSpeculation extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Set<String> learnerIds;

        StaleSpeculation(Set<String> learnerIds) {
            super("learners written meanwhile: " + learnerIds, null, false, false);
            this.learnerIds = learnerIds;
        }
    }

    /** Evaluates the pieces without a lock, then stores them as described above: one transaction, one commit. */
    List<Outcome> store(String tenantId, Curriculum curriculum, List<Piece> pieces, Instant now) {
        Speculation speculation = speculate(tenantId, curriculum, pieces, now, null, Set.of());
        for (int attempt = 1; attempt <= OPTIMISTIC_ATTEMPTS; attempt++) {
            try {
                return transaction.store(tenantId, curriculum, pieces, now, speculation, true);
            } catch (StaleSpeculation stale) {
                speculation = speculate(tenantId, curriculum, pieces, now, speculation, stale.learnerIds);
            }
        }
        return transaction.store(tenantId, curriculum, pieces, now, speculation, false);
    }

    /**
     * Evaluates a batch's pieces, in order, on the learners and stored evidence ids as they are now, without taking
     * any lock or transaction. Given an {@code earlier} speculation, only the {@code stale} learners are read again
     * and their pieces evaluated again (with the same policy).
     */
    private Speculation speculate(
            String tenantId,
            Curriculum curriculum,
            List<Piece> pieces,
            Instant now,
            Speculation earlier,
            Set<String> stale) {
        Map<String, StoredLearner> read;
        Map<String, Supplier<List<Evidence>>> counted = new HashMap<>();
        if (earlier == null) {
            read = learners.findAll(tenantId, EvidenceTransaction.learnerIds(pieces));
        } else {
            read = new HashMap<>(earlier.learners());
            read.keySet().removeAll(stale);
            read.putAll(learners.findAll(tenantId, stale));
            counted.putAll(earlier.counted());
            counted.keySet().removeAll(stale);
        }
        CompiledPolicy policy = evaluations.policy(tenantId);
        boolean samePolicy = earlier != null && earlier.policy() == policy;
        EvidenceSteps.Inputs inputs = new EvidenceSteps.Inputs(
                curriculum,
                policy,
                now,
                read,
                evidence.rows(tenantId, EvidenceTransaction.evidenceIds(pieces)),
                learnerId -> counted.computeIfAbsent(learnerId, id -> evaluations.counted(tenantId, id, curriculum)));
        List<Step> taken = steps.run(inputs, pieces, samePolicy ? earlier.steps() : null, stale);
        Map<String, LearnerRepository.Change> changes =
                transaction.changes(pieces, taken, read, samePolicy ? earlier : null);
        return new Speculation(policy, read, taken, changes, counted);
    }
}
