package dev.pathwise.api.learner;

/**
 * Which learners of a tenant to read: of one school, of one class, of one grade, only those a teacher teaches; a
 * null field does not filter.
 *
 * @param schoolId      the learners of this school
 * @param classId       the learners enrolled in this class
 * @param grade         the learners of this grade
 * @param teacherUserId the learners enrolled in a class this user teaches
 */
public record LearnerSelection(String schoolId, String classId, Integer grade, String teacherUserId) {

    /** Every learner of the tenant. */
    public static final LearnerSelection ALL = new LearnerSelection(null, null, null, null);

    public static LearnerSelection ofSchool(String schoolId) {
        return new LearnerSelection(schoolId, null, null, null);
    }
}
