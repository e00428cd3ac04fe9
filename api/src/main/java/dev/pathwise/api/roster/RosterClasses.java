package dev.pathwise.api.roster;

import dev.pathwise.api.classes.ClassRepository;
import dev.pathwise.api.classes.EnrollmentRepository;
import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.roster.RosterContext.Outcome;
import dev.pathwise.api.roster.RosterContext.Target;
import dev.pathwise.api.users.TeachingAssignments;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Classes and enrollments from a roster: a class belongs to a school, a course and one or more terms, all of which
 * must be in the set or imported before; an enrollment of a student puts a learner in a class, an enrollment of a
 * teacher makes a teacher teach it. Enrollments of other roles (administrators, proctors, aides) are skipped.
 */
@Component
class RosterClasses {

    private final ClassRepository classes;
    private final EnrollmentRepository enrollments;
    private final TeachingAssignments teaching;

    RosterClasses(ClassRepository classes, EnrollmentRepository enrollments, TeachingAssignments teaching) {
        this.classes = classes;
        this.enrollments = enrollments;
        this.teaching = teaching;
    }

    void classes(RosterContext ctx, Iterable<RosterRecords.SchoolClass> records) {
        for (RosterRecords.SchoolClass record : records) {
            ctx.seen("class", record.sourcedId());
            if (record.toBeDeleted()) {
                ctx.deletedInFile("class", record.sourcedId());
                RosterStructure.queueRemoval(ctx, "class", "classes", record);
                continue;
            }
            RosterCsv.Row row = record.row();
            Target school = ctx.reference("org", record.schoolSourcedId(), row, "schoolSourcedId", "orgs.csv");
            Target course = ctx.reference("course", record.courseSourcedId(), row, "courseSourcedId", "courses.csv");
            List<String> terms = new ArrayList<>();
            boolean refused = school == null || course == null;
            for (String term : record.termSourcedIds()) {
                Target target = ctx.reference("academicSession", term, row, "termSourcedIds", "academicSessions.csv");
                if (target == null) {
                    refused = true;
                } else if (!terms.contains(target.id())) {
                    terms.add(target.id());
                }
            }
            if (school != null && !"school".equals(school.type())) {
                ctx.problems.error(
                        row,
                        "schoolSourcedId",
                        "schoolSourcedId: '" + record.schoolSourcedId() + "' is" + " not a school (org type "
                                + school.type() + "); a class belongs to a school");
                refused = true;
            }
            RosterLinks.Link link = ctx.link("class", record.sourcedId());
            String id = link != null ? link.targetId() : RosterStructure.newId(ctx, row, record.sourcedId());
            if (refused || id == null) {
                continue;
            }
            ctx.resolve("class", record.sourcedId(), new Target("class", id, row));
            boolean exists = classes.find(ctx.tenantId, id).isPresent();
            if (exists && ctx.unchanged("class", record)) {
                ctx.count("classes", Outcome.UNCHANGED);
            } else {
                String code = record.classCode();
                if (code != null && code.length() > InputLimits.ID) {
                    ctx.problems.warning(
                            row, "classCode", "classCode: longer than " + InputLimits.ID + " characters; left out");
                    code = null;
                }
                classes.save(
                        ctx.tenantId,
                        new ClassRepository.SchoolClass(
                                id, school.id(), trim(record.title()), code, course.id(), terms, record.subjects()),
                        ctx.now);
                ctx.count("classes", exists ? Outcome.UPDATED : Outcome.CREATED);
            }
            ctx.saveLink("class", record.sourcedId(), id, "class", record.fingerprint(), true);
        }
        RosterStructure.bulkRemovals(ctx, "classes.csv", "class", "classes");
    }

    void enrollments(RosterContext ctx, Iterable<RosterRecords.Enrollment> records) {
        for (RosterRecords.Enrollment record : records) {
            ctx.seen("enrollment", record.sourcedId());
            if (record.toBeDeleted()) {
                RosterLinks.Link link = ctx.link("enrollment", record.sourcedId());
                RosterStructure.queueRemoval(
                        ctx,
                        "enrollment",
                        link != null && "teaching".equals(link.targetType()) ? "classTeachers" : "enrollments",
                        record);
                continue;
            }
            enrollment(ctx, record);
        }
        RosterStructure.bulkRemovals(ctx, "enrollments.csv", "enrollment", "enrollments");
    }

    private void enrollment(RosterContext ctx, RosterRecords.Enrollment record) {
        RosterCsv.Row row = record.row();
        boolean student = record.role().equals("student");
        String entity = student ? "enrollments" : "classTeachers";
        if (!student && !record.role().equals("teacher")) {
            ctx.skip(
                    "enrollments",
                    row,
                    "enrollment of role '" + record.role() + "' is not imported (Pathwise keeps"
                            + " the students and the teachers of a class)");
            return;
        }
        Target clazz = ctx.reference("class", record.classSourcedId(), row, "classSourcedId", "classes.csv");
        Target person = ctx.reference("user", record.userSourcedId(), row, "userSourcedId", "users.csv");
        Target school = ctx.reference("org", record.schoolSourcedId(), row, "schoolSourcedId", "orgs.csv");
        if (clazz == null || person == null || school == null) {
            return;
        }
        if (person.skipped()) {
            ctx.skip(
                    entity,
                    row,
                    "user '" + record.userSourcedId() + "' was skipped (see "
                            + person.row().file() + ":" + person.row().line() + "), so is this enrollment");
            return;
        }
        String expected = student ? "learner" : "teacher";
        if (!expected.equals(person.type())) {
            ctx.problems.error(
                    row,
                    "role",
                    "role: user '" + record.userSourcedId() + "' is a " + person.type() + " but is enrolled as "
                            + record.role());
            return;
        }
        var schoolClass = classes.find(ctx.tenantId, clazz.id()).orElse(null);
        if (schoolClass != null
                && "school".equals(school.type())
                && !school.id().equals(schoolClass.schoolId())) {
            ctx.problems.warning(
                    row,
                    "schoolSourcedId",
                    "schoolSourcedId: the class belongs to school '" + schoolClass.schoolId() + "', not '" + school.id()
                            + "'; the class's school is kept");
        }
        String target = RosterLinks.enrollmentTarget(clazz.id(), person.id());
        RosterLinks.Link link = ctx.link("enrollment", record.sourcedId());
        boolean present = student
                ? enrollments.enrolled(ctx.tenantId, clazz.id(), person.id())
                : teaching.teaches(ctx.tenantId, person.id(), clazz.id());
        if (present && ctx.unchanged("enrollment", record) && link.targetId().equals(target)) {
            ctx.count(entity, Outcome.UNCHANGED);
        } else {
            if (link != null && link.active() && !link.targetId().equals(target)) {
                removeTarget(ctx, link);
            }
            if (student) {
                enrollments.save(
                        ctx.tenantId,
                        new EnrollmentRepository.Enrollment(
                                clazz.id(), person.id(), record.beginDate(), record.endDate()));
            } else {
                teaching.add(ctx.tenantId, clazz.id(), person.id());
            }
            ctx.count(entity, present ? Outcome.UPDATED : Outcome.CREATED);
        }
        ctx.saveLink(
                "enrollment",
                record.sourcedId(),
                target,
                student ? "enrollment" : "teaching",
                record.fingerprint(),
                true);
    }

    /** Removes enrollments first, then classes (with whatever enrollments remain in them). */
    void applyRemovals(RosterContext ctx) {
        for (RosterContext.Removal removal : ctx.removals("enrollment")) {
            removeTarget(ctx, removal.link());
            ctx.count(
                    "teaching".equals(removal.link().targetType()) ? "classTeachers" : "enrollments", Outcome.REMOVED);
            ctx.saveLink(
                    "enrollment",
                    removal.link().sourceId(),
                    removal.link().targetId(),
                    removal.link().targetType(),
                    "removed",
                    false);
        }
        for (RosterContext.Removal removal : ctx.removals("class")) {
            String id = removal.link().targetId();
            enrollments.removeClass(ctx.tenantId, id);
            teaching.removeClass(ctx.tenantId, id);
            classes.delete(ctx.tenantId, id);
            ctx.enrollmentsGone(id, true, null);
            ctx.count("classes", Outcome.REMOVED);
            ctx.saveLink("class", removal.link().sourceId(), id, "class", "removed", false);
        }
    }

    private void removeTarget(RosterContext ctx, RosterLinks.Link link) {
        String classId = RosterLinks.classOf(link.targetId());
        String personId = RosterLinks.learnerOf(link.targetId());
        if ("teaching".equals(link.targetType())) {
            teaching.remove(ctx.tenantId, classId, personId);
        } else {
            enrollments.remove(ctx.tenantId, classId, personId);
        }
    }

    private static String trim(String text) {
        return text.length() <= InputLimits.NAME ? text : text.substring(0, InputLimits.NAME);
    }
}
