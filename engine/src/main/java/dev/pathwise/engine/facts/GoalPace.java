package dev.pathwise.engine.facts;

import java.time.LocalDate;

/** Progress toward one goal with a target date: how much of the goal is mastered and how much time has passed. */
public final class GoalPace {

    private final String goalId;
    private final String description;
    private final int competencyCount;
    private final int masteredCount;
    private final double elapsedFraction;
    private final LocalDate targetDate;

    public GoalPace(
            String goalId,
            String description,
            int competencyCount,
            int masteredCount,
            double elapsedFraction,
            LocalDate targetDate) {
        this.goalId = goalId;
        this.description = description;
        this.competencyCount = competencyCount;
        this.masteredCount = masteredCount;
        this.elapsedFraction = elapsedFraction;
        this.targetDate = targetDate;
    }

    public String getGoalId() {
        return goalId;
    }

    public String getDescription() {
        return description;
    }

    public int getCompetencyCount() {
        return competencyCount;
    }

    public int getMasteredCount() {
        return masteredCount;
    }

    /** The part of the time from plan start to target date that has passed, 0 to 1 (more once it is past). */
    public double getElapsedFraction() {
        return elapsedFraction;
    }

    /** How many goal competencies would be mastered by now at an even pace. */
    public double getExpectedMastered() {
        return competencyCount * Math.min(1.0, elapsedFraction);
    }

    /** How many goal competencies the learner is behind an even pace. */
    public double behind() {
        return getExpectedMastered() - masteredCount;
    }

    /** The share of the time to the target date that has gone, in percent (at most 100). */
    public double percentOfTimeGone() {
        return Math.min(1.0, elapsedFraction) * 100;
    }

    public LocalDate getTargetDate() {
        return targetDate;
    }
}
