package dev.pathwise.api.evidence;

import dev.pathwise.api.evidence.BatchSpeculation.Speculation;
import dev.pathwise.api.evidence.BatchSpeculation.StaleSpeculation;
import dev.pathwise.api.evidence.EvidenceRepository.NewRow;
import dev.pathwise.api.learner.LearnerEvaluations;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.learner.StoredLearner;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.policy.CompiledPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One transaction that stores pieces of evidence: locks their learners (in learner id order, see
 * {@link LearnerRepository#lockAll}), reads the stored rows of their evidence ids in one query, takes the pieces in
 * order ({@link EvidenceSteps}), then inserts the evidence rows in one JDBC batch, in order, and writes each learner
 * the pieces touched once, with its last state and the number of rows stored for it (which the database checks,
 * {@link LearnerRepository#updateAll}). One commit.
 * <p>
 * With a {@link Speculation} (a batch evaluated before its locks are taken), only the versions are locked and read; a
 * learner whose version is what the speculation read (and the policy the same) keeps the speculation's steps, as long
 * as each of its pieces finds the same stored row under its id as then. Any other learner is {@code optimistic}ally
 * given up on (the transaction is rolled back), or else read again, locked, and its pieces evaluated again here, on
 * its current state. Either way each piece is evaluated on its learner's state as it is when the transaction
 * commits, exactly as if the pieces were taken one after another under the lock.
 */
@Component
class EvidenceTransaction {

    private final TransactionTemplate transactions;
    private final LearnerRepository learners;
    private final EvidenceRepository evidence;
    private final LearnerEvaluations evaluations;
    private final EvidenceSteps steps;
    private final EvidenceMetrics metrics;

    EvidenceTransaction(
            TransactionTemplate transactions,
            LearnerRepository learners,
            EvidenceRepository evidence,
            LearnerEvaluations evaluations,
            EvidenceSteps steps,
            EvidenceMetrics metrics) {
        this.transactions = transactions;
        this.learners = learners;
        this.evidence = evidence;
        this.evaluations = evaluations;
        this.steps = steps;
        this.metrics = metrics;
    }

    /**
     * Evaluates and stores the pieces in one transaction, then counts what was evaluated once it is committed.
     *
     * @param speculation the pieces already evaluated without a lock (a batch), or null
     * @param optimistic  give up ({@link StaleSpeculation}) rather than evaluate anything under the locks
     */
    List<Outcome> store(
            String tenantId,
            Curriculum curriculum,
            List<Piece> pieces,
            Instant now,
            Speculation speculation,
            boolean optimistic) {
        List<Step> taken = transactions.execute(
                status -> evaluateAndStore(tenantId, curriculum, pieces, now, speculation, optimistic));
        metrics.committed(taken);
        return taken.stream().map(Step::outcome).toList();
    }

    private List<Step> evaluateAndStore(
            String tenantId,
            Curriculum curriculum,
            List<Piece> pieces,
            Instant now,
            Speculation speculation,
            boolean optimistic) {
        SortedSet<String> learnerIds = learnerIds(pieces);
        Map<String, StoredLearner> locked;
        Set<String> stale;
        CompiledPolicy policy;
        Map<String, Supplier<List<Evidence>>> counted = new HashMap<>();
        if (speculation == null) {
            locked = learners.lockAll(tenantId, learnerIds);
            policy = evaluations.policy(tenantId);
            stale = learnerIds;
        } else {
            Map<String, Long> versions = learners.lockVersions(tenantId, learnerIds);
            policy = evaluations.policy(tenantId);
            locked = new HashMap<>();
            SortedSet<String> changed = new TreeSet<>();
            for (String learnerId : learnerIds) {
                StoredLearner read = speculation.learners().get(learnerId);
                Long version = versions.get(learnerId);
                if (policy != speculation.policy()
                        || (read == null ? version != null : version == null || read.version() != version)) {
                    changed.add(learnerId);
                } else if (read != null) {
                    locked.put(learnerId, read);
                    counted.put(learnerId, speculation.counted().get(learnerId));
                }
            }
            if (optimistic && !changed.isEmpty()) {
                throw new StaleSpeculation(changed);
            }
            locked.putAll(learners.lockAll(tenantId, changed));
            stale = changed;
        }
        EvidenceSteps.Inputs inputs = new EvidenceSteps.Inputs(
                curriculum,
                policy,
                now,
                locked,
                evidence.rows(tenantId, evidenceIds(pieces)),
                learnerId -> counted.computeIfAbsent(learnerId, id -> evaluations.counted(tenantId, id, curriculum)));
        List<Step> earlier = speculation == null ? null : speculation.steps();
        List<Step> taken = steps.run(inputs, pieces, earlier, stale);
        if (optimistic && earlier != null) {
            Set<String> retaken = new TreeSet<>();
            for (int i = 0; i < taken.size(); i++) {
                if (taken.get(i) != earlier.get(i)) {
                    retaken.add(pieces.get(i).learnerId());
                }
            }
            if (!retaken.isEmpty()) {
                throw new StaleSpeculation(retaken);
            }
        }
        List<NewRow> rows = new ArrayList<>(pieces.size());
        for (Step step : taken) {
            if (step.row() != null) {
                rows.add(step.row());
            }
        }
        evidence.insert(rows);
        learners.updateAll(changes(pieces, taken, locked, speculation).values(), now);
        return taken;
    }

    /**
     * Each learner's change after the steps, by learner id (sorted): its last state (as read when no step changed
     * it) and how many evidence rows the steps store for it; learners the steps neither changed nor stored evidence
     * for are left out. A change a speculation already wrote as JSON is kept when it is the same change.
     */
    Map<String, LearnerRepository.Change> changes(
            List<Piece> pieces, List<Step> taken, Map<String, StoredLearner> previous, Speculation speculation) {
        Map<String, LearnerSnapshot> last = new TreeMap<>();
        Map<String, Integer> added = new HashMap<>();
        for (int i = 0; i < taken.size(); i++) {
            Step step = taken.get(i);
            String learnerId = pieces.get(i).learnerId();
            if (step.row() != null) {
                added.merge(learnerId, 1, Integer::sum);
                last.putIfAbsent(learnerId, previous.get(learnerId).snapshot());
            }
            if (step.after() != null) {
                last.put(learnerId, step.after());
            }
        }
        Map<String, LearnerRepository.Change> changes = new TreeMap<>();
        last.forEach((learnerId, next) -> {
            StoredLearner read = previous.get(learnerId);
            int rows = added.getOrDefault(learnerId, 0);
            LearnerRepository.Change known =
                    speculation == null ? null : speculation.changes().get(learnerId);
            changes.put(
                    learnerId,
                    known != null && known.next() == next && known.previous() == read && known.evidenceAdded() == rows
                            ? known
                            : learners.change(read, next, rows));
        });
        return changes;
    }

    static SortedSet<String> learnerIds(List<Piece> pieces) {
        SortedSet<String> ids = new TreeSet<>();
        pieces.forEach(piece -> ids.add(piece.learnerId()));
        return ids;
    }

    static List<String> evidenceIds(List<Piece> pieces) {
        return pieces.stream().map(Piece::evidenceId).toList();
    }
}
