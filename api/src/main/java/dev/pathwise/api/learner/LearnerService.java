package dev.pathwise.api.learner;

import dev.pathwise.api.activity.CurriculumCache;
import dev.pathwise.api.evidence.EvidenceRepository;
import dev.pathwise.api.evidence.PathUpdateJson;
import dev.pathwise.api.learner.LearnerViews.LearnerJson;
import dev.pathwise.api.learner.LearnerViews.MasteryChartJson;
import dev.pathwise.api.learner.LearnerViews.MasteryJson;
import dev.pathwise.api.learner.LearnerViews.PathwayEntryJson;
import dev.pathwise.api.learner.LearnerViews.PathwayJson;
import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.policy.TenantPolicies;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.problem.Problems;
import dev.pathwise.api.school.SchoolDirectory;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.framework.Competency;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.learner.CompetencyRecord;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.MasteryState;
import dev.pathwise.engine.planner.Planner;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Learner profiles and what is read from a learner's state. */
@Service
public class LearnerService {

    private final LearnerRepository learners;
    private final EvidenceRepository evidenceRows;
    private final TransactionTemplate transactions;
    private final CurriculumCache curricula;
    private final TenantPolicies policies;
    private final PathwayEvaluator evaluator;
    private final Clock clock;
    private final SchoolDirectory schools;

    public LearnerService(
            LearnerRepository learners,
            EvidenceRepository evidenceRows,
            TransactionTemplate transactions,
            CurriculumCache curricula,
            TenantPolicies policies,
            PathwayEvaluator evaluator,
            Clock clock,
            SchoolDirectory schools) {
        this.schools = schools;
        this.learners = learners;
        this.evidenceRows = evidenceRows;
        this.transactions = transactions;
        this.curricula = curricula;
        this.policies = policies;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /**
     * Creates the learner, or replaces the profile of an existing one (keeping their evidence and overrides). The
     * school, when given, must be a school of the tenant.
     */
    public LearnerJson putProfile(String tenantId, String learnerId, ProfileJson request) {
        LearnerProfile profile = checked(tenantId, learnerId, request, "");
        LearnerRepository.Name name = request.hasName() ? name(request, "") : null;
        Instant now = clock.instant();
        try {
            transactions.executeWithoutResult(status -> upsert(tenantId, profile, name, now));
        } catch (DuplicateKeyException raced) {
            transactions.executeWithoutResult(status -> upsert(tenantId, profile, name, now));
        }
        return get(tenantId, learnerId);
    }

    /**
     * The profile a request describes, every field checked ({@code prefix} goes before field names, as in
     * {@code [3].schoolId} for an item of a batch).
     */
    LearnerProfile checked(String tenantId, String learnerId, ProfileJson request, String prefix) {
        try {
            checkLimits(learnerId, request);
        } catch (ApiProblem problem) {
            throw prefixed(problem, prefix);
        }
        LearnerProfile profile;
        try {
            profile = request.toDomain(learnerId);
        } catch (IllegalArgumentException e) {
            throw prefixed(Problems.fromEngine(e, "profile", request.grade()), prefix);
        }
        if (!profile.schoolId().isEmpty()) {
            schools.requireReference(tenantId, prefix + "schoolId", profile.schoolId());
        }
        return profile;
    }

    /** The name a request gives, checked. */
    static LearnerRepository.Name name(ProfileJson request, String prefix) {
        try {
            return new LearnerRepository.Name(
                    optionalName("givenName", request.givenName()), optionalName("familyName", request.familyName()));
        } catch (ApiProblem problem) {
            throw prefixed(problem, prefix);
        }
    }

    private static String optionalName(String field, String value) {
        return value == null || value.isBlank() ? null : InputLimits.name(field, value);
    }

    private static ApiProblem prefixed(ApiProblem problem, String prefix) {
        if (prefix.isEmpty()) {
            return problem;
        }
        String field = problem.field() == null ? prefix.substring(0, prefix.length() - 1) : prefix + problem.field();
        return new ApiProblem(
                problem.status(),
                problem.type(),
                field,
                problem.value(),
                prefix + problem.getMessage(),
                problem.errors());
    }

    private static void checkLimits(String learnerId, ProfileJson request) {
        InputLimits.id("learnerId", learnerId);
        InputLimits.id("schoolId", request.schoolId());
        InputLimits.texts("interests", request.interests(), InputLimits.NAME);
        InputLimits.texts("strengths", request.strengths(), InputLimits.NAME);
        InputLimits.texts("growthAreas", request.growthAreas(), InputLimits.NAME);
        InputLimits.list("preferredModalities", request.preferredModalities(), InputLimits.LIST);
        InputLimits.list("goals", request.goals(), InputLimits.LIST);
        if (request.goals() != null) {
            for (int i = 0; i < request.goals().size(); i++) {
                ProfileJson.GoalJson goal = request.goals().get(i);
                if (goal == null) {
                    throw ApiProblem.invalid("goals[" + i + "]", null, "goals[" + i + "]: is null; send a goal object");
                }
                InputLimits.id("goals[" + i + "].id", goal.id());
                InputLimits.text("goals[" + i + "].description", goal.description(), InputLimits.TEXT);
                InputLimits.ids("goals[" + i + "].competencyIds", goal.competencyIds());
            }
        }
    }

    private void upsert(String tenantId, LearnerProfile profile, LearnerRepository.Name name, Instant now) {
        var existing = learners.lock(tenantId, profile.learnerId());
        if (existing.isPresent()) {
            learners.update(existing.get(), existing.get().snapshot().withProfile(profile), now);
        } else {
            learners.insert(tenantId, LearnerSnapshot.fresh(profile), now);
        }
        if (name != null) {
            learners.setName(tenantId, profile.learnerId(), name);
        }
    }

    public LearnerJson get(String tenantId, String learnerId) {
        StoredLearner learner = learners.require(tenantId, learnerId);
        LearnerSnapshot snapshot = learner.snapshot();
        long evidence = evidenceRows.countNotVoided(tenantId, learnerId);
        int observations = snapshot.competencies().values().stream()
                .mapToInt(r -> r.observations().size())
                .sum();
        return new LearnerJson(
                learnerId,
                snapshot.profile().gradeBand().label(),
                ProfileJson.of(
                        snapshot.profile(), learners.name(tenantId, learnerId).orElse(null)),
                learner.version(),
                evidence,
                observations,
                snapshot.overrides().size());
    }

    /** The next steps as the learner stands now, evaluated at the server's time; nothing is stored. */
    public PathUpdateJson nextSteps(String tenantId, String learnerId) {
        StoredLearner learner = learners.require(tenantId, learnerId);
        Curriculum curriculum = curricula.curriculum(tenantId);
        return PathUpdateJson.of(
                evaluator.nextSteps(policies.active(tenantId), curriculum, learner.snapshot(), clock.instant()));
    }

    public PathwayJson pathway(String tenantId, String learnerId) {
        StoredLearner learner = learners.require(tenantId, learnerId);
        Framework framework = curricula.curriculum(tenantId).framework();
        List<PathwayEntryJson> entries = Planner.pathway(framework, learner.snapshot()).stream()
                .map(e -> new PathwayEntryJson(
                        e.competencyId(),
                        framework.get(e.competencyId()).name(),
                        e.status().name(),
                        e.level().name(),
                        e.missingPrerequisites()))
                .toList();
        return new PathwayJson(learnerId, framework.id(), entries);
    }

    public MasteryChartJson mastery(String tenantId, String learnerId) {
        StoredLearner learner = learners.require(tenantId, learnerId);
        Framework framework = curricula.curriculum(tenantId).framework();
        LearnerSnapshot snapshot = learner.snapshot();
        List<MasteryJson> rows = framework.competencies().stream()
                .map(Competency::id)
                .map(id -> {
                    CompetencyRecord record = snapshot.record(id);
                    MasteryState state = record.state();
                    return new MasteryJson(
                            id,
                            framework.get(id).name(),
                            framework.parent(id).orElse(null),
                            framework.children(id),
                            state.level().name(),
                            state.level().value(),
                            state.score(),
                            state.method(),
                            state.evidenceCount(),
                            state.lastEvidenceAt());
                })
                .toList();
        return new MasteryChartJson(learnerId, framework.id(), rows);
    }
}
