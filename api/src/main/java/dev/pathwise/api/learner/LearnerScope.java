package dev.pathwise.api.learner;

import dev.pathwise.api.tenant.Caller;

/**
 * Which learners a caller may read, as a selection: lists (groups, reports, the learner list) ask it for the
 * selection to read, single learners are checked by it. A teacher gets the learners of the classes they teach; an
 * unknown school or class in a query is refused naming the value.
 */
public interface LearnerScope {

    /**
     * The learners the caller may read, narrowed to a school, a class and a grade when given (null or blank: no
     * filter). An unknown school or class is a 400 naming the query parameter.
     */
    LearnerSelection selection(Caller caller, String schoolId, String classId, Integer grade);

    /** The learner, when the caller may read them; otherwise the 404 of a learner that does not exist. */
    void requireVisible(Caller caller, String learnerId);
}
