package dev.pathwise.engine.facts;

import dev.pathwise.engine.evidence.EvidenceKind;
import dev.pathwise.engine.learner.MasteryLevel;

/** A competency the new evidence touches, with its freshly computed mastery score: the mastery rules classify it. */
public final class Assessment {

    private final String competencyId;
    private final MasteryLevel previousLevel;
    private final double score;
    private final String method;
    private final String methodNote;
    private final boolean methodAllowsMastery;
    private final int evidenceCount;
    private final int summativeCount;
    private final double latestScore;
    private final EvidenceKind latestKind;

    public Assessment(
            String competencyId,
            MasteryLevel previousLevel,
            double score,
            String method,
            String methodNote,
            boolean methodAllowsMastery,
            int evidenceCount,
            int summativeCount,
            double latestScore,
            EvidenceKind latestKind) {
        this.competencyId = competencyId;
        this.previousLevel = previousLevel;
        this.score = score;
        this.method = method;
        this.methodNote = methodNote;
        this.methodAllowsMastery = methodAllowsMastery;
        this.evidenceCount = evidenceCount;
        this.summativeCount = summativeCount;
        this.latestScore = latestScore;
        this.latestKind = latestKind;
    }

    public String getCompetencyId() {
        return competencyId;
    }

    public MasteryLevel getPreviousLevel() {
        return previousLevel;
    }

    /** True when the competency was mastered (or exceeding) before this evidence. */
    public boolean isPreviouslyMastered() {
        return previousLevel.isMastered();
    }

    /** The mastery score in [0, 1] by the grade band's method. */
    public double getScore() {
        return score;
    }

    /** The method that computed the score, as people read it: "decaying average", "bkt", ... */
    public String getMethod() {
        return method;
    }

    /** Why the method fell back or said "not yet", or "". */
    public String getMethodNote() {
        return methodNote;
    }

    /** False when the method itself says "not yet" (n of m without enough high scores). */
    public boolean isMethodAllowsMastery() {
        return methodAllowsMastery;
    }

    public int getEvidenceCount() {
        return evidenceCount;
    }

    public int getSummativeCount() {
        return summativeCount;
    }

    public double getLatestScore() {
        return latestScore;
    }

    public EvidenceKind getLatestKind() {
        return latestKind;
    }
}
