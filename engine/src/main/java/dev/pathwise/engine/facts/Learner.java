package dev.pathwise.engine.facts;

/** The learner being evaluated, as the rules see them. */
public final class Learner {

    private final String learnerId;
    private final int grade;
    private final String gradeBand;
    private final String schoolId;
    private final int goalCount;
    private final int inProgressCount;
    private final int masteredCount;

    public Learner(
            String learnerId,
            int grade,
            String gradeBand,
            String schoolId,
            int goalCount,
            int inProgressCount,
            int masteredCount) {
        this.learnerId = learnerId;
        this.grade = grade;
        this.gradeBand = gradeBand;
        this.schoolId = schoolId;
        this.goalCount = goalCount;
        this.inProgressCount = inProgressCount;
        this.masteredCount = masteredCount;
    }

    public String getLearnerId() {
        return learnerId;
    }

    public int getGrade() {
        return grade;
    }

    public String getGradeBand() {
        return gradeBand;
    }

    public String getSchoolId() {
        return schoolId;
    }

    public int getGoalCount() {
        return goalCount;
    }

    /** Competencies with evidence that are not mastered yet. */
    public int getInProgressCount() {
        return inProgressCount;
    }

    public int getMasteredCount() {
        return masteredCount;
    }
}
