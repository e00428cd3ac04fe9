package dev.pathwise.api.evidence;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;


import dev.pathwise.api.activity.CurriculumCache;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.learner.StoredLearner;
import dev.pathwise.api.policy.TenantPolicies;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.learner.LearnerSnapshot;

/**
 * Voids a piece of evidence: the row stays (evidence is append-only) but is marked voided, and the learner's state is
 * rebuilt by replaying their remaining evidence in order under the tenant's active policy, with their overrides where
 * they fall. All in one transaction holding the learner's lock, like any other write to the learner.
 */
@Service
public class EvidenceVoiding {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final LearnerRepository learners;
    private final CurriculumCache curricula;
    private final TenantPolicies policies;
    private final PathwayEvaluator evaluator;
    private final Clock clock;
    private final StoredEvidence storedEvidence;

    public EvidenceVoiding(JdbcClient jdbc, TransactionTemplate transactions, LearnerRepository learners,
                           CurriculumCache curricula, TenantPolicies policies,
                           PathwayEvaluator evaluator, Clock clock, StoredEvidence storedEvidence) {
        this.storedEvidence = storedEvidence;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.learners = learners;
        this.curricula = curricula;
        this.policies = policies;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /**
     * What voiding did.
     *
     * @param alreadyVoided  the evidence was voided before (by {@code voidedBy}); nothing changed this time
     * @param replayed       pieces of evidence replayed to rebuild the learner's state
     * @param skipped        remaining evidence left out of the replay because its competency or activity is no longer
     *                       in the curriculum
     * @param levelChanges   competencies whose level the voiding changed
     */
    public record Voided(String evidenceId, String learnerId, String voidedBy, boolean alreadyVoided, int replayed,
                         int skipped, List<LevelChange> levelChanges) {
    }

    /** A competency's level before and after the voiding. */
    public record LevelChange(String competencyId, String from, String to) {
    }

    /** Empty when the tenant has no evidence with this id. */
    public Optional<Voided> voidEvidence(String tenantId, String evidenceId, String voidedBy) {
        Optional<String> learnerId = jdbc.sql("select learner_id from evidence where tenant_id = :t and evidence_id = :e")
                .param("t", tenantId).param("e", evidenceId).query(String.class).optional();
        if (learnerId.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Curriculum curriculum = curricula.curriculum(tenantId);
        return Optional.of(transactions.execute(status -> {
            StoredLearner learner = learners.requireLocked(tenantId, learnerId.get());
            String earlier = jdbc.sql("select voided_by from evidence where tenant_id = :t and evidence_id = :e")
                    .param("t", tenantId).param("e", evidenceId).query(String.class).optional().orElse(null);
            if (earlier != null) {
                return new Voided(evidenceId, learner.learnerId(), earlier, true, 0, 0, List.of());
            }
            jdbc.sql("update evidence set voided_by = :v, voided_at = :at where tenant_id = :t and evidence_id = :e")
                    .param("v", voidedBy).param("at", now.atOffset(ZoneOffset.UTC)).param("t", tenantId)
                    .param("e", evidenceId).update();
            StoredEvidence.Replayable remaining = storedEvidence.of(tenantId, learner.learnerId(), curriculum);
            LearnerSnapshot before = learner.snapshot();
            LearnerSnapshot after = evaluator.replay(policies.active(tenantId), curriculum, before.profile(),
                    remaining.evidence(), before.overrides());
            learners.update(learner, after, now);
            List<LevelChange> changes = new ArrayList<>();
            for (var competency : curriculum.framework().competencies()) {
                String from = before.level(competency.id()).name();
                String to = after.level(competency.id()).name();
                if (!from.equals(to)) {
                    changes.add(new LevelChange(competency.id(), from, to));
                }
            }
            return new Voided(evidenceId, learner.learnerId(), voidedBy, false, remaining.evidence().size(),
                    remaining.skipped(), changes);
        }));
    }

    /** True when the evidence still names a competency or activity of the curriculum (else a replay skips it). */
    public static boolean fits(Curriculum curriculum, Evidence evidence) {
        Framework framework = curriculum.framework();
        if (evidence.competencyId() != null && !evidence.competencyId().isBlank()) {
            return framework.contains(evidence.competencyId()) && framework.isLeaf(evidence.competencyId());
        }
        return curriculum.activity(evidence.activityId())
                .map(a -> a.competencyIds().stream().anyMatch(id -> framework.contains(id) && framework.isLeaf(id)))
                .orElse(false);
    }
}
