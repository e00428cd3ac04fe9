package dev.pathwise.engine.facts;

/** How far a learner is into their plan and how much they have mastered since it started. */
public final class Pace {

    private final double weeksElapsed;
    private final int masteredCount;

    public Pace(double weeksElapsed, int masteredCount) {
        this.weeksElapsed = weeksElapsed;
        this.masteredCount = masteredCount;
    }

    public double getWeeksElapsed() {
        return weeksElapsed;
    }

    public int getMasteredCount() {
        return masteredCount;
    }

    /** How many competencies the learner would have mastered by now at {@code perWeek} a week. */
    public double expectedAt(double perWeek) {
        return perWeek * weeksElapsed;
    }

    /** How many competencies the learner is behind {@code perWeek} a week (negative when ahead). */
    public double behindAt(double perWeek) {
        return expectedAt(perWeek) - masteredCount;
    }
}
