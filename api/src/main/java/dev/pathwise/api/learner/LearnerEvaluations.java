package dev.pathwise.api.learner;

import dev.pathwise.api.activity.CurriculumCache;
import dev.pathwise.api.evidence.StoredEvidence;
import dev.pathwise.api.policy.TenantPolicies;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evaluation.Evaluation;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.TeacherOverride;
import dev.pathwise.engine.policy.CompiledPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way the service changes a learner's state: in a transaction that holds the learner's row lock, with the
 * tenant's curriculum and active policy resolved once, evaluated by the engine at its place in the learner's
 * {@link dev.pathwise.engine.evaluation.Timeline} (late evidence and late overrides rebuild the learner from their
 * stored evidence), and written back with the number of evidence rows the state accounts for, which the database
 * checks ({@link LearnerRepository#updateAll}). Evidence, overrides, voiding and verification go through it.
 */
@Service
public class LearnerEvaluations {

    private final TransactionTemplate transactions;
    private final LearnerRepository learners;
    private final CurriculumCache curricula;
    private final TenantPolicies policies;
    private final PathwayEvaluator evaluator;
    private final StoredEvidence storedEvidence;
    private final Clock clock;

    public LearnerEvaluations(
            TransactionTemplate transactions,
            LearnerRepository learners,
            CurriculumCache curricula,
            TenantPolicies policies,
            PathwayEvaluator evaluator,
            StoredEvidence storedEvidence,
            Clock clock) {
        this.transactions = transactions;
        this.learners = learners;
        this.curricula = curricula;
        this.policies = policies;
        this.evaluator = evaluator;
        this.storedEvidence = storedEvidence;
        this.clock = clock;
    }

    /** The server's time, the one every evaluation of a request is made at. */
    public Instant now() {
        return clock.instant();
    }

    public Curriculum curriculum(String tenantId) {
        return curricula.curriculum(tenantId);
    }

    /** The tenant's active policy; an evaluation takes it once and finishes on it. */
    public CompiledPolicy policy(String tenantId) {
        return policies.active(tenantId);
    }

    /**
     * Runs {@code work} at {@code now} in one transaction holding the learner's row lock (404 problem when the
     * learner does not exist), with the tenant's curriculum and the policy active once the lock is held; whatever it
     * writes through {@link Locked#write} is committed with it.
     */
    public <T> T locked(String tenantId, String learnerId, Instant now, Function<Locked, T> work) {
        Curriculum curriculum = curricula.curriculum(tenantId);
        return transactions.execute(status -> {
            StoredLearner learner = learners.requireLocked(tenantId, learnerId);
            return work.apply(new Locked(learner, curriculum, policies.active(tenantId), now));
        });
    }

    /**
     * Evaluates one piece of evidence on a learner's state: at its place in the learner's timeline, rebuilding the
     * learner from {@code counted} (their evidence that counts, in arrival order) when it is late.
     */
    public Evaluation evaluate(
            CompiledPolicy policy,
            Curriculum curriculum,
            LearnerSnapshot learner,
            Evidence evidence,
            Instant now,
            Supplier<List<Evidence>> counted) {
        return evaluator.evaluate(policy, curriculum, learner, evidence, now, counted);
    }

    /** The learner's stored evidence that counts, in arrival order, read when first asked for. */
    public Supplier<List<Evidence>> counted(String tenantId, String learnerId, Curriculum curriculum) {
        Supplier<StoredEvidence.Replayable> replayable = replayable(tenantId, learnerId, curriculum);
        return () -> replayable.get().evidence();
    }

    private Supplier<StoredEvidence.Replayable> replayable(String tenantId, String learnerId, Curriculum curriculum) {
        return new Supplier<>() {
            private StoredEvidence.Replayable read;

            @Override
            public StoredEvidence.Replayable get() {
                if (read == null) {
                    read = storedEvidence.of(tenantId, learnerId, curriculum);
                }
                return read;
            }
        };
    }

    /** A learner locked in the current transaction, with the curriculum, policy and time it is evaluated with. */
    public final class Locked {

        private final StoredLearner learner;
        private final Curriculum curriculum;
        private final CompiledPolicy policy;
        private final Instant now;
        private final Supplier<StoredEvidence.Replayable> replayable;

        private Locked(StoredLearner learner, Curriculum curriculum, CompiledPolicy policy, Instant now) {
            this.learner = learner;
            this.curriculum = curriculum;
            this.policy = policy;
            this.now = now;
            this.replayable = replayable(learner.tenantId(), learner.learnerId(), curriculum);
        }

        public StoredLearner stored() {
            return learner;
        }

        public LearnerSnapshot snapshot() {
            return learner.snapshot();
        }

        public Curriculum curriculum() {
            return curriculum;
        }

        public CompiledPolicy policy() {
            return policy;
        }

        public Instant now() {
            return now;
        }

        /** The learner's stored evidence that counts, in arrival order (read once, when first asked for). */
        public List<Evidence> counted() {
            return replayable.get().evidence();
        }

        /** How many of the learner's stored pieces a replay skips: what they name left the curriculum. */
        public int skipped() {
            return replayable.get().skipped();
        }

        /** A teacher override at its place in the learner's timeline; nothing is written. */
        public Evaluation applyOverride(TeacherOverride override) {
            return evaluator.applyOverride(policy, curriculum, learner.snapshot(), override, now, this::counted);
        }

        /** The learner's state replayed from their evidence that counts now, with their overrides. */
        public LearnerSnapshot replay() {
            return evaluator.replay(
                    policy,
                    curriculum,
                    learner.snapshot().profile(),
                    counted(),
                    learner.snapshot().overrides());
        }

        /** Writes the learner's next state (no evidence stored with it), checked by the database. */
        public void write(LearnerSnapshot next) {
            learners.update(learner, next, now);
        }
    }
}
