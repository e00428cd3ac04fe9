package dev.pathwise.api.learner;

import dev.pathwise.api.activity.CurriculumCache;
import dev.pathwise.api.evidence.EvidenceTimeline;
import dev.pathwise.api.evidence.PathUpdateJson;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.learner.CompetencyRecord;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.MasteryState;
import dev.pathwise.engine.learner.OverrideKind;
import dev.pathwise.engine.learner.TeacherOverride;
import dev.pathwise.engine.spelling.Suggestions;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Explains one cell of the mastery chart: where the learner stands on the competency, the evaluation that decided
 * it (the rule and the sentence with its values, what was still missing) and the teacher override that beats the
 * rules, when there is one in force; with the scores it rests on and, for a parent, its children's levels.
 */
@Service
public class MasteryExplanation {

    private final LearnerRepository learners;
    private final CurriculumCache curricula;
    private final EvidenceTimeline timeline;

    public MasteryExplanation(LearnerRepository learners, CurriculumCache curricula, EvidenceTimeline timeline) {
        this.learners = learners;
        this.curricula = curricula;
        this.timeline = timeline;
    }

    /**
     * The explanation of a cell.
     *
     * @param decidedBy    {@code override} (a teacher's level is in force), {@code rules} (an evaluation decided it)
     *                     or {@code none} (no evidence yet)
     * @param decision     the latest evaluation that decided the level, with the rule and its values
     * @param override     the teacher override in force on this competency, if any
     * @param observations the normalized scores the level rests on, oldest first
     * @param children     a parent's children with their levels (what its rollup read)
     */
    public record CellJson(
            String learnerId,
            String competencyId,
            String name,
            String parentId,
            String level,
            int levelValue,
            double score,
            String method,
            int evidenceCount,
            Instant lastEvidenceAt,
            String decidedBy,
            DecisionJson decision,
            OverrideJson override,
            List<ObservationJson> observations,
            List<ChildJson> children) {}

    /** The evaluation that decided: its evidence, the change it made and why. */
    public record DecisionJson(
            String evidenceId,
            Instant observedAt,
            String policyVersion,
            String from,
            String to,
            double fromScore,
            double toScore,
            String explanation,
            PathUpdateJson.ExplanationJson why,
            List<PathUpdateJson.ExplanationJson> shortfalls) {}

    public record ObservationJson(String evidenceId, double score, String kind, Instant at) {}

    public record ChildJson(String competencyId, String name, String level) {}

    public CellJson explain(String tenantId, String learnerId, String competencyId) {
        StoredLearner learner = learners.require(tenantId, learnerId);
        Framework framework = curricula.curriculum(tenantId).framework();
        if (!framework.contains(competencyId)) {
            throw ApiProblem.notFound(
                    "competencyId",
                    competencyId,
                    "competencyId: '" + competencyId
                            + "' is not in framework '" + framework.id() + "'."
                            + Suggestions.idHint(
                                    competencyId,
                                    framework.competencies().stream()
                                            .map(c -> c.id())
                                            .toList()));
        }
        LearnerSnapshot snapshot = learner.snapshot();
        CompetencyRecord record = snapshot.record(competencyId);
        MasteryState state = record.state();
        DecisionJson decision = timeline.latestDecision(tenantId, learnerId, competencyId)
                .map(d -> new DecisionJson(
                        d.evidence().evidenceId(),
                        d.evidence().observedAt(),
                        d.evidence().policyVersion(),
                        d.change().from(),
                        d.change().to(),
                        d.change().fromScore(),
                        d.change().toScore(),
                        d.change().explanation(),
                        d.change().why(),
                        d.change().shortfalls()))
                .orElse(null);
        TeacherOverride override = null;
        for (TeacherOverride o : snapshot.overrides()) {
            if (o.kind() == OverrideKind.SET_LEVEL && competencyId.equals(o.competencyId())) {
                override = o;
            }
        }
        String decidedBy = override != null ? "override" : decision != null ? "rules" : "none";
        List<ObservationJson> observations = record.observations().stream()
                .map(o ->
                        new ObservationJson(o.evidenceId(), o.score(), o.kind().name(), o.at()))
                .toList();
        List<ChildJson> children = framework.children(competencyId).stream()
                .map(id -> new ChildJson(
                        id, framework.get(id).name(), snapshot.level(id).name()))
                .toList();
        return new CellJson(
                learnerId,
                competencyId,
                framework.get(competencyId).name(),
                framework.parent(competencyId).orElse(null),
                state.level().name(),
                state.level().value(),
                state.score(),
                state.method(),
                state.evidenceCount(),
                state.lastEvidenceAt(),
                decidedBy,
                decision,
                override == null
                        ? null
                        : new OverrideJson(
                                override.id(),
                                override.kind().name(),
                                override.competencyId(),
                                override.activityId(),
                                override.level() == null
                                        ? null
                                        : override.level().name(),
                                override.author(),
                                override.reason(),
                                override.at(),
                                null),
                observations,
                children);
    }
}
