package dev.pathwise.api.roster;

import dev.pathwise.api.classes.CourseRepository;
import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.roster.RosterContext.Outcome;
import dev.pathwise.api.roster.RosterContext.Target;
import dev.pathwise.api.school.SchoolRepository;
import dev.pathwise.api.term.TermRepository;
import org.springframework.stereotype.Component;

/**
 * The district's structure from a roster: orgs of type school become schools (the district org is the tenant
 * itself; other org types are skipped), academic sessions become terms, courses become courses. A school keeps the
 * id it has in Pathwise: an org is matched by its earlier link, then by {@code identifier}, then by
 * {@code sourcedId}, and only then created (with its sourcedId as id).
 */
@Component
class RosterStructure {

    private final SchoolRepository schools;
    private final TermRepository terms;
    private final CourseRepository courses;

    RosterStructure(SchoolRepository schools, TermRepository terms, CourseRepository courses) {
        this.schools = schools;
        this.terms = terms;
        this.courses = courses;
    }

    void orgs(RosterContext ctx, Iterable<RosterRecords.Org> orgs) {
        for (RosterRecords.Org org : orgs) {
            ctx.seen("org", org.sourcedId());
            if (org.toBeDeleted()) {
                ctx.deletedInFile("org", org.sourcedId());
                queueRemoval(ctx, "org", "schools", org);
                continue;
            }
            if (!org.school()) {
                String type = "district".equals(org.type()) ? "district" : "org";
                ctx.resolve("org", org.sourcedId(), new Target(type, "", org.row()));
                ctx.saveLink("org", org.sourcedId(), "-", type, org.fingerprint(), true);
                ctx.skip(
                        "schools",
                        org.row(),
                        "district".equals(org.type())
                                ? "org '" + org.sourcedId()
                                        + "' is the district: the tenant itself; what refers to it belongs"
                                        + " to no particular school"
                                : "org type '" + org.type()
                                        + "' is not imported (Pathwise keeps schools); what refers to it"
                                        + " belongs to no particular school");
                continue;
            }
            String id = schoolId(ctx, org);
            if (id == null) {
                continue;
            }
            if (org.name().length() > InputLimits.NAME) {
                ctx.problems.error(
                        org.row(),
                        "name",
                        "name: " + org.name().length() + " characters; a school name" + " holds at most "
                                + InputLimits.NAME);
                continue;
            }
            ctx.resolve("org", org.sourcedId(), new Target("school", id, org.row()));
            var existing = schools.find(ctx.tenantId, id);
            if (existing.isPresent() && ctx.unchanged("org", org)) {
                ctx.count("schools", Outcome.UNCHANGED);
            } else if (existing.isPresent()) {
                boolean renamed = !existing.get().name().equals(org.name());
                if (renamed) {
                    schools.rename(ctx.tenantId, id, org.name());
                }
                ctx.count("schools", renamed ? Outcome.UPDATED : Outcome.UNCHANGED);
            } else {
                schools.insert(ctx.tenantId, id, org.name());
                ctx.count("schools", Outcome.CREATED);
            }
            ctx.saveLink("org", org.sourcedId(), id, "school", org.fingerprint(), true);
        }
        bulkRemovals(ctx, "orgs.csv", "org", "schools");
    }

    private String schoolId(RosterContext ctx, RosterRecords.Org org) {
        RosterLinks.Link link = ctx.link("org", org.sourcedId());
        if (link != null && "school".equals(link.targetType())) {
            return link.targetId();
        }
        if (org.identifier() != null && schools.exists(ctx.tenantId, org.identifier())) {
            return org.identifier();
        }
        return newId(ctx, org.row(), org.sourcedId());
    }

    void sessions(RosterContext ctx, Iterable<RosterRecords.Session> sessions) {
        for (RosterRecords.Session session : sessions) {
            ctx.seen("academicSession", session.sourcedId());
            if (session.toBeDeleted()) {
                ctx.deletedInFile("academicSession", session.sourcedId());
                continue;
            }
            RosterLinks.Link link = ctx.link("academicSession", session.sourcedId());
            String id = link != null ? link.targetId() : newId(ctx, session.row(), session.sourcedId());
            if (id != null) {
                ctx.resolve("academicSession", session.sourcedId(), new Target("term", id, session.row()));
            }
        }
        for (RosterRecords.Session session : sessions) {
            if (session.toBeDeleted()) {
                queueRemoval(ctx, "academicSession", "terms", session);
                continue;
            }
            Target target = ctx.resolved("academicSession", session.sourcedId());
            if (target == null) {
                continue;
            }
            String parent = null;
            if (session.parentSourcedId() != null) {
                Target parentTarget = ctx.reference(
                        "academicSession",
                        session.parentSourcedId(),
                        session.row(),
                        "parentSourcedId",
                        "academicSessions.csv");
                if (parentTarget == null) {
                    continue;
                }
                parent = parentTarget.id();
            }
            boolean exists = terms.find(ctx.tenantId, target.id()).isPresent();
            if (exists && ctx.unchanged("academicSession", session)) {
                ctx.count("terms", Outcome.UNCHANGED);
            } else {
                terms.save(
                        ctx.tenantId,
                        new TermRepository.Term(
                                target.id(),
                                session.title(),
                                session.type(),
                                session.startDate(),
                                session.endDate(),
                                parent,
                                session.schoolYear()),
                        ctx.now);
                ctx.count("terms", exists ? Outcome.UPDATED : Outcome.CREATED);
            }
            ctx.saveLink("academicSession", session.sourcedId(), target.id(), "term", session.fingerprint(), true);
        }
        bulkRemovals(ctx, "academicSessions.csv", "academicSession", "terms");
    }

    void courses(RosterContext ctx, Iterable<RosterRecords.Course> records) {
        for (RosterRecords.Course course : records) {
            ctx.seen("course", course.sourcedId());
            if (course.toBeDeleted()) {
                ctx.deletedInFile("course", course.sourcedId());
                queueRemoval(ctx, "course", "courses", course);
                continue;
            }
            Target org = ctx.reference("org", course.orgSourcedId(), course.row(), "orgSourcedId", "orgs.csv");
            if (org == null) {
                continue;
            }
            String schoolYear = course.row().get("schoolYearSourcedId");
            if (schoolYear != null
                    && ctx.reference(
                                    "academicSession",
                                    schoolYear,
                                    course.row(),
                                    "schoolYearSourcedId",
                                    "academicSessions.csv")
                            == null) {
                continue;
            }
            RosterLinks.Link link = ctx.link("course", course.sourcedId());
            String id = link != null ? link.targetId() : newId(ctx, course.row(), course.sourcedId());
            if (id == null) {
                continue;
            }
            ctx.resolve("course", course.sourcedId(), new Target("course", id, course.row()));
            boolean exists = courses.find(ctx.tenantId, id).isPresent();
            if (exists && ctx.unchanged("course", course)) {
                ctx.count("courses", Outcome.UNCHANGED);
            } else {
                courses.save(
                        ctx.tenantId,
                        new CourseRepository.Course(
                                id,
                                trim(course.title()),
                                course.courseCode(),
                                "school".equals(org.type()) ? org.id() : null,
                                course.grades(),
                                course.subjects()),
                        ctx.now);
                ctx.count("courses", exists ? Outcome.UPDATED : Outcome.CREATED);
            }
            ctx.saveLink("course", course.sourcedId(), id, "course", course.fingerprint(), true);
        }
        bulkRemovals(ctx, "courses.csv", "course", "courses");
    }

    /** Removes what was queued for removal, once the classes that may use it are gone. */
    void applyRemovals(RosterContext ctx) {
        for (RosterContext.Removal removal : ctx.removals("course")) {
            String id = removal.link().targetId();
            if (courses.classes(ctx.tenantId, id) > 0) {
                ctx.skip("courses", removal.row(), "course '" + id + "' is not removed: classes still belong to it");
                continue;
            }
            courses.delete(ctx.tenantId, id);
            removed(ctx, "courses", removal);
        }
        for (RosterContext.Removal removal : ctx.removals("academicSession")) {
            String id = removal.link().targetId();
            long classes = terms.classes(ctx.tenantId, id);
            if (classes > 0 || terms.children(ctx.tenantId, id) > 0) {
                ctx.skip(
                        "terms",
                        removal.row(),
                        "term '" + id + "' is not removed: " + classes + " class(es) or"
                                + " other terms still refer to it");
                continue;
            }
            terms.delete(ctx.tenantId, id);
            removed(ctx, "terms", removal);
        }
        for (RosterContext.Removal removal : ctx.removals("org")) {
            if (!"school".equals(removal.link().targetType())) {
                ctx.saveLink(
                        "org",
                        removal.link().sourceId(),
                        removal.link().targetId(),
                        removal.link().targetType(),
                        "removed",
                        false);
                continue;
            }
            String id = removal.link().targetId();
            var school = schools.find(ctx.tenantId, id);
            if (school.isPresent()
                    && (school.get().learners() > 0 || school.get().classes() > 0)) {
                ctx.skip(
                        "schools",
                        removal.row(),
                        "school '" + id + "' is not removed: it still has "
                                + school.get().learners() + " learner(s) and "
                                + school.get().classes() + " class(es)");
                continue;
            }
            school.ifPresent(s -> schools.delete(ctx.tenantId, id));
            removed(ctx, "schools", removal);
        }
    }

    private static void removed(RosterContext ctx, String entity, RosterContext.Removal removal) {
        ctx.saveLink(
                removal.kind(),
                removal.link().sourceId(),
                removal.link().targetId(),
                removal.link().targetType(),
                "removed",
                false);
        ctx.count(entity, Outcome.REMOVED);
    }

    /** A record that asks for removal: queued when it was imported before, else skipped with the reason. */
    static void queueRemoval(RosterContext ctx, String kind, String entity, RosterRecords.Record record) {
        RosterLinks.Link link = ctx.link(kind, record.sourcedId());
        if (link == null || !link.active()) {
            ctx.skip(
                    entity,
                    record.row(),
                    "tobedeleted: '" + record.sourcedId() + "' was never imported (or was"
                            + " removed already); nothing to remove");
            return;
        }
        ctx.remove(kind, link, record.row());
    }

    /** In a bulk file, what an earlier roster brought and the file no longer lists is removed. */
    static void bulkRemovals(RosterContext ctx, String file, String kind, String entity) {
        if (!ctx.bulk(file)) {
            return;
        }
        ctx.links(kind).values().stream()
                .filter(RosterLinks.Link::active)
                .filter(link -> !ctx.wasSeen(kind, link.sourceId()))
                .toList()
                .forEach(link ->
                        ctx.remove(kind, link, new RosterCsv.Row(file, 0, java.util.Map.of(), java.util.List.of())));
    }

    /** A new Pathwise id from a sourcedId: usable as is, or an error naming the column. */
    static String newId(RosterContext ctx, RosterCsv.Row row, String sourcedId) {
        if (sourcedId.length() > InputLimits.ID || !sourcedId.matches(InputLimits.RESOURCE_ID_PATTERN)) {
            ctx.problems.error(
                    row,
                    "sourcedId",
                    "sourcedId: '" + sourcedId + "' cannot be a Pathwise id (at most " + InputLimits.ID
                            + " letters, digits and . _ : @ ~ -, a letter or digit first)");
            return null;
        }
        return sourcedId;
    }

    private static String trim(String text) {
        return text.length() <= InputLimits.NAME ? text : text.substring(0, InputLimits.NAME);
    }
}
