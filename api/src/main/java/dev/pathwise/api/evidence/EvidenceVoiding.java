package dev.pathwise.api.evidence;

import dev.pathwise.api.learner.LearnerEvaluations;
import dev.pathwise.engine.learner.LearnerSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Voids a piece of evidence: the row stays (evidence is append-only) but is marked voided, and the learner's state is
 * rebuilt by replaying their remaining evidence in the order it was observed under the tenant's active policy, with
 * their overrides where they fall. All in one transaction holding the learner's lock, like any other write to the
 * learner ({@link LearnerEvaluations}).
 */
@Service
public class EvidenceVoiding {

    private final EvidenceRepository evidence;
    private final LearnerEvaluations evaluations;

    public EvidenceVoiding(EvidenceRepository evidence, LearnerEvaluations evaluations) {
        this.evidence = evidence;
        this.evaluations = evaluations;
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
    public record Voided(
            String evidenceId,
            String learnerId,
            String voidedBy,
            boolean alreadyVoided,
            int replayed,
            int skipped,
            List<LevelChange> levelChanges) {}

    /** A competency's level before and after the voiding. */
    public record LevelChange(String competencyId, String from, String to) {}

    /** Empty when the tenant has no evidence with this id. */
    public Optional<Voided> voidEvidence(String tenantId, String evidenceId, String voidedBy) {
        Optional<String> learnerId = evidence.learnerOf(tenantId, evidenceId);
        if (learnerId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(evaluations.locked(tenantId, learnerId.get(), evaluations.now(), learner -> {
            String earlier = evidence.voidedBy(tenantId, evidenceId).orElse(null);
            if (earlier != null) {
                return new Voided(evidenceId, learner.stored().learnerId(), earlier, true, 0, 0, List.of());
            }
            evidence.markVoided(tenantId, evidenceId, voidedBy, learner.now());
            LearnerSnapshot before = learner.snapshot();
            LearnerSnapshot after = learner.replay();
            learner.write(after);
            List<LevelChange> changes = new ArrayList<>();
            for (var competency : learner.curriculum().framework().competencies()) {
                String from = before.level(competency.id()).name();
                String to = after.level(competency.id()).name();
                if (!from.equals(to)) {
                    changes.add(new LevelChange(competency.id(), from, to));
                }
            }
            int replayed = learner.counted().size();
            return new Voided(
                    evidenceId, learner.stored().learnerId(), voidedBy, false, replayed, learner.skipped(), changes);
        }));
    }
}
