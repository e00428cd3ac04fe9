package dev.pathwise.engine.facts;

import dev.pathwise.engine.learner.MasteryLevel;

/** A competency in progress (evidence, not mastered yet), for the pacing rules. */
public final class Progress {

    private final String competencyId;
    private final MasteryLevel level;
    private final double score;
    private final int evidenceCount;
    private final int consecutiveBelowApproaching;

    public Progress(
            String competencyId, MasteryLevel level, double score, int evidenceCount, int consecutiveBelowApproaching) {
        this.competencyId = competencyId;
        this.level = level;
        this.score = score;
        this.evidenceCount = evidenceCount;
        this.consecutiveBelowApproaching = consecutiveBelowApproaching;
    }

    public String getCompetencyId() {
        return competencyId;
    }

    public MasteryLevel getLevel() {
        return level;
    }

    public double getScore() {
        return score;
    }

    public int getEvidenceCount() {
        return evidenceCount;
    }

    /** How many of the latest results in a row scored below the approaching threshold. */
    public int getConsecutiveBelowApproaching() {
        return consecutiveBelowApproaching;
    }
}
