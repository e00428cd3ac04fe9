package dev.pathwise.api.roster;

import dev.pathwise.api.classes.EnrollmentRepository;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.learner.StoredLearner;
import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.roster.RosterContext.Outcome;
import dev.pathwise.api.roster.RosterContext.Target;
import dev.pathwise.api.tenant.KeyService;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.users.TeachingAssignments;
import dev.pathwise.api.users.UserRepository;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.LearnerSnapshot;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * People from a roster. A user whose role (roles.csv in 1.2, the role column in 1.1, else the role of their
 * enrollments) is student becomes a learner, with the grade of {@code grades} and the school of their primary org; a
 * teacher becomes a user with the teacher role, matched to an existing user by username. Other roles (parents,
 * administrators, aides) are skipped: admins and curriculum leads are made in Pathwise, not by a roster. A removed
 * student loses their enrollments but keeps their record and evidence (erasure is {@code DELETE /v1/learners/{id}});
 * a removed teacher is disabled, their keys revoked, their classes left.
 */
@Component
class RosterPeople {

    /** The roles of OneRoster 1.1 users.csv and 1.2 roles.csv. */
    static final List<String> USER_ROLES = List.of(
            "administrator",
            "aide",
            "counselor",
            "districtAdministrator",
            "guardian",
            "parent",
            "principal",
            "proctor",
            "relative",
            "siteAdministrator",
            "student",
            "systemAdministrator",
            "teacher");
    /** The roles of enrollments.csv. */
    static final List<String> ENROLLMENT_ROLES = List.of("administrator", "proctor", "student", "teacher", "aide");

    private final LearnerRepository learners;
    private final EnrollmentRepository enrollments;
    private final UserRepository users;
    private final TeachingAssignments teaching;
    private final KeyService keys;

    RosterPeople(
            LearnerRepository learners,
            EnrollmentRepository enrollments,
            UserRepository users,
            TeachingAssignments teaching,
            KeyService keys) {
        this.learners = learners;
        this.enrollments = enrollments;
        this.users = users;
        this.teaching = teaching;
        this.keys = keys;
    }

    void users(RosterContext ctx, RosterRecords.Set set) {
        Map<String, List<RosterRecords.Role>> rolesByUser = new HashMap<>();
        for (RosterRecords.Role role : set.roles()) {
            if (!role.toBeDeleted()) {
                rolesByUser
                        .computeIfAbsent(role.userSourcedId(), k -> new ArrayList<>())
                        .add(role);
            }
        }
        Map<String, Set<String>> enrolledAs = new HashMap<>();
        set.enrollments().stream()
                .filter(e -> !e.toBeDeleted())
                .forEach(e -> enrolledAs
                        .computeIfAbsent(e.userSourcedId(), k -> new LinkedHashSet<>())
                        .add(e.role()));
        Set<String> inUsers = new java.util.HashSet<>();
        for (RosterRecords.User user : set.users()) {
            inUsers.add(user.sourcedId());
            ctx.seen("user", user.sourcedId());
            if (user.toBeDeleted()) {
                ctx.deletedInFile("user", user.sourcedId());
                RosterLinks.Link link = ctx.link("user", user.sourcedId());
                RosterStructure.queueRemoval(
                        ctx,
                        "user",
                        link != null && "teacher".equals(link.targetType()) ? "teachers" : "learners",
                        user);
                continue;
            }
            List<RosterRecords.Role> roles = rolesByUser.getOrDefault(user.sourcedId(), List.of());
            Set<String> kinds = new LinkedHashSet<>();
            roles.forEach(r -> kinds.add(r.role()));
            if (user.role() != null) {
                kinds.add(user.role());
            }
            RosterLinks.Link earlier = ctx.link("user", user.sourcedId());
            if (kinds.isEmpty() && earlier != null && !"skipped".equals(earlier.targetType())) {
                kinds.add("learner".equals(earlier.targetType()) ? "student" : "teacher");
            }
            if (kinds.isEmpty() && enrolledAs.containsKey(user.sourcedId())) {
                kinds.addAll(enrolledAs.get(user.sourcedId()));
                ctx.problems.warning(
                        user.row(),
                        "sourcedId",
                        "no role in roles.csv or users.csv; read as " + kinds + " from enrollments.csv");
            }
            if (kinds.contains("student")) {
                learner(ctx, user, roles);
            } else if (kinds.contains("teacher")) {
                teacher(ctx, user);
            } else if (kinds.isEmpty()) {
                ctx.problems.error(
                        user.row(),
                        "sourcedId",
                        "user '" + user.sourcedId() + "' has no role: give it a"
                                + " row in roles.csv (OneRoster 1.2), a role column (1.1), or an enrollment (a user imported"
                                + " before keeps the role it had)");
            } else {
                ctx.resolve("user", user.sourcedId(), new Target("skipped", "", user.row()));
                ctx.skip(
                        "otherUsers",
                        user.row(),
                        "user '" + user.sourcedId() + "' with role " + kinds + " is not imported: Pathwise keeps"
                                + " learners and teachers; admins and curriculum leads are made with POST /v1/users");
            }
        }
        for (RosterRecords.Role role : set.roles()) {
            if (!inUsers.contains(role.userSourcedId())
                    && ctx.reference("user", role.userSourcedId(), role.row(), "userSourcedId", "users.csv") != null) {
                ctx.problems.warning(
                        role.row(),
                        "userSourcedId",
                        "a role of a user who is not in this users.csv is" + " read with the user's own row only");
            }
        }
        RosterStructure.bulkRemovals(ctx, "users.csv", "user", "learners");
    }

    private void learner(RosterContext ctx, RosterRecords.User user, List<RosterRecords.Role> roles) {
        Integer grade = grade(ctx, user);
        if (grade == null) {
            return;
        }
        String school = school(ctx, user, roles);
        if (SCHOOL_REFUSED.equals(school)) {
            return;
        }
        String id = learnerId(ctx, user);
        if (id == null) {
            return;
        }
        ctx.resolve("user", user.sourcedId(), new Target("learner", id, user.row()));
        LearnerRepository.Name name = new LearnerRepository.Name(name(user.givenName()), name(user.familyName()));
        var existing = learners.lock(ctx.tenantId, id);
        if (existing.isPresent() && ctx.unchanged("user", user)) {
            ctx.count("learners", Outcome.UNCHANGED);
        } else if (existing.isPresent()) {
            StoredLearner stored = existing.get();
            LearnerProfile p = stored.snapshot().profile();
            LearnerProfile next = new LearnerProfile(
                    id,
                    grade,
                    school,
                    p.interests(),
                    p.strengths(),
                    p.growthAreas(),
                    p.preferredModalities(),
                    p.preferredGrouping(),
                    p.goals(),
                    p.planStart());
            boolean changed = !next.equals(p)
                    || !name.equals(learners.name(ctx.tenantId, id).orElse(null));
            if (!next.equals(p)) {
                learners.update(stored, stored.snapshot().withProfile(next), ctx.now);
            }
            learners.setName(ctx.tenantId, id, name);
            ctx.count("learners", changed ? Outcome.UPDATED : Outcome.UNCHANGED);
        } else {
            learners.insert(
                    ctx.tenantId,
                    LearnerSnapshot.fresh(new LearnerProfile(
                            id, grade, school, List.of(), List.of(), List.of(), List.of(), null, List.of(), null)),
                    ctx.now);
            learners.setName(ctx.tenantId, id, name);
            ctx.count("learners", Outcome.CREATED);
        }
        ctx.saveLink("user", user.sourcedId(), id, "learner", user.fingerprint(), true);
    }

    /** Marks a school reference that was refused (the error is recorded). */
    private static final String SCHOOL_REFUSED = "\u0000refused";

    /**
     * The learner's school: their primaryOrgSourcedId (1.2), else the org of their student role in roles.csv, else
     * the first school among orgSourcedIds (1.1); null when it is the district or another org that is not a school.
     */
    private static String school(RosterContext ctx, RosterRecords.User user, List<RosterRecords.Role> roles) {
        RosterCsv.Row row = user.row();
        String column;
        List<String> orgs;
        var studentRole = roles.stream()
                .filter(r -> r.role().equals("student"))
                .sorted((a, b) -> Boolean.compare(b.primary(), a.primary()))
                .findFirst();
        if (user.primaryOrgSourcedId() != null) {
            column = "primaryOrgSourcedId";
            orgs = List.of(user.primaryOrgSourcedId());
        } else if (studentRole.isPresent()) {
            row = studentRole.get().row();
            column = "orgSourcedId";
            orgs = List.of(studentRole.get().orgSourcedId());
        } else {
            column = "orgSourcedIds";
            orgs = user.orgSourcedIds();
        }
        String school = null;
        for (String org : orgs) {
            Target target = ctx.reference("org", org, row, column, "orgs.csv");
            if (target == null) {
                return SCHOOL_REFUSED;
            }
            if ("school".equals(target.type()) && school == null) {
                school = target.id();
            }
        }
        return school;
    }

    private Integer grade(RosterContext ctx, RosterRecords.User user) {
        if (user.grades().isEmpty()) {
            ctx.problems.error(user.row(), "grades", "grades: a student needs a grade (KG, 01 to 12)");
            return null;
        }
        String code = user.grades().get(0);
        Integer grade = RosterGrades.kTo12(code);
        if (grade == null && RosterGrades.outsideK12(code)) {
            ctx.resolve("user", user.sourcedId(), new Target("skipped", "", user.row()));
            ctx.skip(
                    "learners",
                    user.row(),
                    "student '" + user.sourcedId() + "' in grade " + code + " is not"
                            + " imported: Pathwise serves kindergarten to grade 12");
            return null;
        }
        if (grade == null) {
            ctx.problems.error(
                    user.row(),
                    "grades",
                    "grades: '" + code + "' is not a grade; use KG, 01 to 12 (or the" + " CEDS codes "
                            + RosterGrades.OUTSIDE_K12 + " for learners Pathwise does not serve)");
            return null;
        }
        if (user.grades().size() > 1) {
            ctx.problems.warning(
                    user.row(),
                    "grades",
                    "grades: several grades " + user.grades() + "; the first, " + code + ", is the learner's grade");
        }
        return grade;
    }

    private String learnerId(RosterContext ctx, RosterRecords.User user) {
        RosterLinks.Link link = ctx.link("user", user.sourcedId());
        if (link != null && "learner".equals(link.targetType())) {
            return link.targetId();
        }
        if (learners.find(ctx.tenantId, user.sourcedId()).isPresent()) {
            return user.sourcedId();
        }
        if (user.identifier() != null
                && learners.find(ctx.tenantId, user.identifier()).isPresent()) {
            return user.identifier();
        }
        if (user.sourcedId().length() > InputLimits.ID) {
            ctx.problems.error(
                    user.row(),
                    "sourcedId",
                    "sourcedId: more than " + InputLimits.ID + " characters, too" + " long for a learner id");
            return null;
        }
        return user.sourcedId();
    }

    private void teacher(RosterContext ctx, RosterRecords.User user) {
        String username = user.username();
        if (username == null
                || username.length() > InputLimits.ID
                || !username.matches(InputLimits.RESOURCE_ID_PATTERN)) {
            ctx.problems.error(
                    user.row(),
                    "username",
                    "username: a teacher needs a username of at most " + InputLimits.ID
                            + " letters, digits and . _ : @ ~ - (it is how they are known in Pathwise)");
            return;
        }
        RosterLinks.Link link = ctx.link("user", user.sourcedId());
        UserRepository.User existing = link != null && "teacher".equals(link.targetType())
                ? users.find(ctx.tenantId, link.targetId()).orElse(null)
                : null;
        UserRepository.User byName = users.byUsername(ctx.tenantId, username).orElse(null);
        if (existing != null && byName != null && !byName.id().equals(existing.id())) {
            ctx.problems.error(
                    user.row(),
                    "username",
                    "username: '" + username + "' belongs to user '" + byName.id()
                            + "', not to the teacher this roster record was imported as ('" + existing.id() + "')");
            return;
        }
        if (existing == null) {
            existing = byName != null
                    ? byName
                    : users.find(ctx.tenantId, user.sourcedId()).orElse(null);
        }
        String id = existing != null ? existing.id() : RosterStructure.newId(ctx, user.row(), user.sourcedId());
        if (id == null) {
            return;
        }
        ctx.resolve("user", user.sourcedId(), new Target("teacher", id, user.row()));
        String status = user.enabled() ? "active" : "disabled";
        Set<Role> roles = EnumSet.of(Role.TEACHER);
        if (existing != null) {
            roles.addAll(existing.roles());
        }
        UserRepository.User next = new UserRepository.User(
                ctx.tenantId,
                id,
                username,
                name(user.givenName()),
                name(user.familyName()),
                user.email(),
                roles,
                status,
                null);
        if (existing == null) {
            users.insert(next, ctx.now);
            ctx.count("teachers", Outcome.CREATED);
        } else if (ctx.unchanged("user", user) || same(existing, next)) {
            ctx.count("teachers", Outcome.UNCHANGED);
        } else {
            users.update(next, ctx.now);
            if (existing.active() && !next.active()) {
                keys.revokeAllOfUser(ctx.tenantId, id);
            }
            ctx.count("teachers", Outcome.UPDATED);
        }
        ctx.saveLink("user", user.sourcedId(), id, "teacher", user.fingerprint(), true);
    }

    private static boolean same(UserRepository.User a, UserRepository.User b) {
        return a.username().equals(b.username())
                && java.util.Objects.equals(a.givenName(), b.givenName())
                && java.util.Objects.equals(a.familyName(), b.familyName())
                && java.util.Objects.equals(a.email(), b.email())
                && a.roles().equals(b.roles())
                && a.status().equals(b.status());
    }

    /** Removes people the roster no longer lists, after their enrollments are gone. */
    void applyRemovals(RosterContext ctx) {
        for (RosterContext.Removal removal : ctx.removals("user")) {
            String id = removal.link().targetId();
            if ("learner".equals(removal.link().targetType())) {
                enrollments.removeLearner(ctx.tenantId, id);
                ctx.enrollmentsGone(id, false, "enrollment");
                ctx.count("learners", Outcome.REMOVED);
            } else if ("teacher".equals(removal.link().targetType())) {
                users.find(ctx.tenantId, id).ifPresent(user -> {
                    users.update(user.withStatus("disabled"), ctx.now);
                    keys.revokeAllOfUser(ctx.tenantId, id);
                    teaching.removeUser(ctx.tenantId, id);
                });
                ctx.enrollmentsGone(id, false, "teaching");
                ctx.count("teachers", Outcome.REMOVED);
            }
            ctx.saveLink("user", removal.link().sourceId(), id, removal.link().targetType(), "removed", false);
        }
    }

    private static String name(String value) {
        return value == null ? null : value.length() <= InputLimits.NAME ? value : value.substring(0, InputLimits.NAME);
    }
}
