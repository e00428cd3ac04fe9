package dev.pathwise.api.classes;

import dev.pathwise.api.audit.AuditTrail;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.school.SchoolDirectory;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.term.TermService;
import dev.pathwise.api.users.TeachingAssignments;
import dev.pathwise.api.users.UserRepository;
import dev.pathwise.api.users.UserService;
import dev.pathwise.engine.spelling.Suggestions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classes with their terms, teachers and learners: every reference checked (school, terms, course, teachers who
 * hold the teacher role, learners), and a teacher sees only the classes they teach.
 */
@Service
public class ClassService {

    /** Learners in one class, teachers of one class: bounds that no real class reaches. */
    static final int MAX_LEARNERS = 1_000;

    static final int MAX_TEACHERS = 20;

    private final ClassRepository classes;
    private final CourseRepository courses;
    private final EnrollmentRepository enrollments;
    private final TeachingAssignments teaching;
    private final SchoolDirectory schools;
    private final TermService terms;
    private final UserRepository users;
    private final UserService userService;
    private final LearnerRepository learners;
    private final AuditTrail audit;
    private final Clock clock;

    public ClassService(
            ClassRepository classes,
            CourseRepository courses,
            EnrollmentRepository enrollments,
            TeachingAssignments teaching,
            SchoolDirectory schools,
            TermService terms,
            UserRepository users,
            UserService userService,
            LearnerRepository learners,
            AuditTrail audit,
            Clock clock) {
        this.classes = classes;
        this.courses = courses;
        this.enrollments = enrollments;
        this.teaching = teaching;
        this.schools = schools;
        this.terms = terms;
        this.users = users;
        this.userService = userService;
        this.learners = learners;
        this.audit = audit;
        this.clock = clock;
    }

    /** A class as the API shows it. */
    public record ClassJson(
            String id,
            String schoolId,
            String title,
            String classCode,
            String courseId,
            String courseTitle,
            List<String> termIds,
            List<String> subjects,
            List<String> teacherIds,
            List<String> learnerIds) {}

    /**
     * What a client sends. {@code teacherIds} and {@code learnerIds} replace the class's lists when given; left out
     * of a PUT, they stay as they are.
     */
    public record ClassRequest(
            String id,
            String schoolId,
            String title,
            String classCode,
            String courseId,
            List<String> termIds,
            List<String> subjects,
            List<String> teacherIds,
            List<String> learnerIds) {}

    /** The classes the caller may see, optionally of one school, term or teacher. */
    public List<ClassJson> list(Caller caller, String schoolId, String termId, String teacherId) {
        String school = blankToNull(schoolId);
        if (school != null) {
            schools.requireReference(caller.tenantId(), "school", school);
        }
        String term = blankToNull(termId);
        if (term != null) {
            terms.requireReference(caller.tenantId(), "term", term);
        }
        String teacher = blankToNull(teacherId);
        if (caller.seesOwnClassesOnly()) {
            if (teacher != null && !teacher.equals(caller.authorUserId())) {
                return List.of();
            }
            teacher = caller.authorUserId();
        } else if (teacher != null && users.find(caller.tenantId(), teacher).isEmpty()) {
            throw ApiProblem.invalid("teacher", teacher, userService.unknown(caller.tenantId(), "teacher", teacher));
        }
        return classes.all(caller.tenantId(), new ClassRepository.Selection(school, term, teacher)).stream()
                .map(c -> json(caller.tenantId(), c))
                .toList();
    }

    public ClassJson get(Caller caller, String classId) {
        return json(caller.tenantId(), visible(caller, classId));
    }

    /** The class, when the caller may see it; otherwise the same 404 as for a class that does not exist. */
    public ClassRepository.SchoolClass visible(Caller caller, String classId) {
        ClassRepository.SchoolClass found =
                classes.find(caller.tenantId(), classId).orElse(null);
        if (found == null
                || (caller.seesOwnClassesOnly()
                        && !teaching.teaches(caller.tenantId(), caller.authorUserId(), classId))) {
            throw ApiProblem.notFound("classId", classId, unknown(caller, "classId", classId));
        }
        return found;
    }

    /** The message for an unknown class; the closest id is suggested among the classes the caller may see. */
    public String unknown(Caller caller, String field, String classId) {
        List<String> known = caller.seesOwnClassesOnly()
                ? teaching.classesOf(caller.tenantId(), caller.authorUserId())
                : classes.ids(caller.tenantId());
        return field + ": class '" + classId + "' does not exist in this tenant." + Suggestions.idHint(classId, known)
                + " GET /v1/classes lists the classes";
    }

    @Transactional
    public ClassJson create(Caller caller, ClassRequest request) {
        String id = InputLimits.resourceId("id", request.id());
        if (classes.find(caller.tenantId(), id).isPresent()) {
            throw ApiProblem.conflict(
                    "class-exists",
                    "id",
                    id,
                    "id: class '" + id + "' already exists; change it" + " with PUT /v1/classes/" + id);
        }
        return save(caller, id, request, false);
    }

    @Transactional
    public ClassJson put(Caller caller, String classId, ClassRequest request) {
        String id = InputLimits.resourceId("id", classId);
        if (request.id() != null && !request.id().equals(id)) {
            throw ApiProblem.invalid(
                    "id",
                    request.id(),
                    "id: '" + request.id() + "' differs from the path's '" + id + "'; leave id out of the body");
        }
        return save(caller, id, request, classes.find(caller.tenantId(), id).isPresent());
    }

    @Transactional
    public void delete(Caller caller, String classId) {
        visible(caller, classId);
        enrollments.removeClass(caller.tenantId(), classId);
        teaching.removeClass(caller.tenantId(), classId);
        classes.delete(caller.tenantId(), classId);
        audit.record(caller, "class.deleted", "class", classId, null);
    }

    private ClassJson save(Caller caller, String id, ClassRequest request, boolean exists) {
        String tenantId = caller.tenantId();
        ClassRepository.SchoolClass checked = check(tenantId, id, request);
        List<String> teacherIds = request.teacherIds() == null ? null : teachers(tenantId, request.teacherIds());
        List<String> learnerIds = request.learnerIds() == null ? null : learners(tenantId, request.learnerIds());
        classes.save(tenantId, checked, clock.instant());
        if (teacherIds != null) {
            teaching.replace(tenantId, id, teacherIds);
        }
        if (learnerIds != null) {
            enrollments.replace(tenantId, id, learnerIds);
        }
        audit.record(caller, exists ? "class.updated" : "class.created", "class", id, checked.title());
        return json(tenantId, classes.find(tenantId, id).orElseThrow());
    }

    /** The class as it will be stored, every reference checked. */
    ClassRepository.SchoolClass check(String tenantId, String id, ClassRequest request) {
        if (request.schoolId() == null || request.schoolId().isBlank()) {
            throw ApiProblem.invalid("schoolId", null, "schoolId: is required; GET /v1/schools lists the schools");
        }
        String school = schools.requireReference(tenantId, "schoolId", request.schoolId());
        String title = InputLimits.name("title", request.title());
        String code = request.classCode() == null ? null : InputLimits.id("classCode", request.classCode());
        String course = request.courseId();
        if (course != null && courses.find(tenantId, course).isEmpty()) {
            throw ApiProblem.invalid(
                    "courseId",
                    course,
                    "courseId: course '" + course + "' does not exist in this"
                            + " tenant; courses come from the roster (POST /v1/rosters/oneroster)");
        }
        List<String> termIds = new ArrayList<>(new LinkedHashSet<>(
                request.termIds() == null ? List.of() : InputLimits.ids("termIds", request.termIds())));
        for (int i = 0; i < termIds.size(); i++) {
            terms.requireReference(tenantId, "termIds[" + i + "]", termIds.get(i));
        }
        List<String> subjects = request.subjects() == null
                ? List.of()
                : InputLimits.texts("subjects", request.subjects(), InputLimits.NAME);
        return new ClassRepository.SchoolClass(id, school, title, code, course, termIds, subjects);
    }

    private List<String> teachers(String tenantId, List<String> given) {
        InputLimits.list("teacherIds", given, MAX_TEACHERS);
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(given));
        for (int i = 0; i < ids.size(); i++) {
            String field = "teacherIds[" + i + "]";
            String userId = InputLimits.id(field, ids.get(i));
            UserRepository.User user = users.find(tenantId, userId)
                    .orElseThrow(() -> ApiProblem.invalid(field, userId, userService.unknown(tenantId, field, userId)));
            if (!user.roles().contains(Role.TEACHER)) {
                throw ApiProblem.invalid(
                        field,
                        userId,
                        field + ": user '" + userId + "' does not hold the teacher" + " role (roles "
                                + Role.labels(user.roles()) + "); add it with PUT /v1/users/" + userId);
            }
        }
        return ids;
    }

    private List<String> learners(String tenantId, List<String> given) {
        InputLimits.list("learnerIds", given, MAX_LEARNERS);
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(given));
        List<String> missing =
                ids.stream().filter(id -> id == null || id.isBlank()).toList();
        if (!missing.isEmpty()) {
            throw ApiProblem.invalid("learnerIds", null, "learnerIds: an id is blank");
        }
        var found = learners.findAll(tenantId, ids);
        for (int i = 0; i < ids.size(); i++) {
            if (!found.containsKey(ids.get(i))) {
                throw ApiProblem.invalid(
                        "learnerIds[" + i + "]",
                        ids.get(i),
                        "learnerIds[" + i + "]: learner '"
                                + ids.get(i) + "' does not exist in this tenant; create them first (PUT /v1/learners/"
                                + ids.get(i) + " or POST /v1/learners/batch)");
            }
        }
        return ids;
    }

    private ClassJson json(String tenantId, ClassRepository.SchoolClass c) {
        String courseTitle = c.courseId() == null
                ? null
                : courses.find(tenantId, c.courseId())
                        .map(CourseRepository.Course::title)
                        .orElse(null);
        return new ClassJson(
                c.id(),
                c.schoolId(),
                c.title(),
                c.classCode(),
                c.courseId(),
                courseTitle,
                c.termIds(),
                c.subjects(),
                teaching.teachersOf(tenantId, c.id()),
                enrollments.learnersOf(tenantId, c.id()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
