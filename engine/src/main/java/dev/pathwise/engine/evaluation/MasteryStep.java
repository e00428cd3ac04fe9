package dev.pathwise.engine.evaluation;

import dev.pathwise.engine.learner.LearnerSnapshot;
import java.util.List;

/**
 * What one piece of evidence (or an override) did to a learner's mastery: the changed levels, rollups included, and
 * the learner's next snapshot. It is the part of an {@link Evaluation} that a replay keeps; next steps, flags and
 * unlocked competencies are left out because they are worked out from the snapshot when asked for.
 */
public record MasteryStep(List<MasteryChange> changes, LearnerSnapshot learner) {}
