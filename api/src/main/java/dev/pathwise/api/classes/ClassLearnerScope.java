package dev.pathwise.api.classes;

import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.learner.LearnerScope;
import dev.pathwise.api.learner.LearnerSelection;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.school.SchoolDirectory;
import dev.pathwise.api.tenant.Caller;
import org.springframework.stereotype.Component;

/** The learners a caller may read: the whole tenant, or for a person who is only a teacher, their classes'. */
@Component
public class ClassLearnerScope implements LearnerScope {

    private final SchoolDirectory schools;
    private final ClassService classes;
    private final EnrollmentRepository enrollments;
    private final LearnerRepository learners;

    public ClassLearnerScope(
            SchoolDirectory schools,
            ClassService classes,
            EnrollmentRepository enrollments,
            LearnerRepository learners) {
        this.schools = schools;
        this.classes = classes;
        this.enrollments = enrollments;
        this.learners = learners;
    }

    @Override
    public LearnerSelection selection(Caller caller, String schoolId, String classId, Integer grade) {
        String school = blankToNull(schoolId);
        if (school != null) {
            schools.requireReference(caller.tenantId(), "school", school);
        }
        String schoolClass = blankToNull(classId);
        if (schoolClass != null) {
            try {
                classes.visible(caller, schoolClass);
            } catch (ApiProblem notFound) {
                throw ApiProblem.invalid("class", schoolClass, classes.unknown(caller, "class", schoolClass));
            }
        }
        if (grade != null && (grade < 0 || grade > 12)) {
            throw ApiProblem.invalid(
                    "grade", grade, "grade: " + grade + " is not a grade; use 0 (kindergarten)" + " to 12");
        }
        return new LearnerSelection(
                school, schoolClass, grade, caller.seesOwnClassesOnly() ? caller.authorUserId() : null);
    }

    @Override
    public void requireVisible(Caller caller, String learnerId) {
        if (caller.seesOwnClassesOnly()
                ? !enrollments.teacherSees(caller.tenantId(), caller.authorUserId(), learnerId)
                : learners.find(caller.tenantId(), learnerId).isEmpty()) {
            throw LearnerRepository.unknown(learnerId);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
