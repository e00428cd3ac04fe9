package dev.pathwise.rules;

import dev.pathwise.engine.activity.Activity;
import dev.pathwise.engine.activity.ActivityKind;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.activity.Grouping;
import dev.pathwise.engine.activity.Modality;
import dev.pathwise.engine.evaluation.Evaluation;
import dev.pathwise.engine.evaluation.MasteryChange;
import dev.pathwise.engine.evaluation.PathUpdate;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.evidence.EvidenceKind;
import dev.pathwise.engine.evidence.Score;
import dev.pathwise.engine.framework.Competency;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.learner.Goal;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.learner.MasteryState;
import dev.pathwise.engine.learner.OverrideKind;
import dev.pathwise.engine.learner.TeacherOverride;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.PolicyRuntime;
import dev.pathwise.engine.policy.PolicySource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A learner walked through the default policy pack, for scenario tests written as given → when → then.
 *
 * <p>The framework is a small slice of grade 6 ratios:
 * <pre>
 * RP  (parent)         RP.1 → RP.2 → RP.3   (each needs the one before)
 * EE  (parent, needs RP) EE.1, EE.2          (inherit RP as prerequisite)
 * G.1 (leaf, no prerequisites)
 * </pre>
 * Every leaf has a video lesson, a text practice, a hands-on small-group mini-lesson and a text assessment.
 */
final class LearnerScenario {

    static final Instant START = Instant.parse("2026-09-07T09:00:00Z");
    static final LocalDate PLAN_START = LocalDate.parse("2026-09-07");

    static final Framework FRAMEWORK = Framework.of(
            "ratios-6",
            "Ratios and expressions",
            List.of(
                    new Competency("RP", "Ratios and proportional relationships", null, List.of(), 6, null),
                    new Competency("RP.1", "Understand ratio language", "RP", List.of(), 6, null),
                    new Competency("RP.2", "Unit rates", "RP", List.of("RP.1"), 6, null),
                    new Competency("RP.3", "Ratio reasoning to solve problems", "RP", List.of("RP.2"), 6, null),
                    new Competency("EE", "Expressions and equations", null, List.of("RP"), 6, null),
                    new Competency("EE.1", "Write expressions", "EE", List.of(), 6, null),
                    new Competency("EE.2", "Evaluate expressions", "EE", List.of("EE.1"), 6, null),
                    new Competency("G.1", "Area of triangles", null, List.of(), 6, null)));

    static final Curriculum CURRICULUM = Curriculum.of(FRAMEWORK, activities());

    private static final PolicyRuntime RUNTIME = new PolicyRuntime();
    static final CompiledPolicy DEFAULT_POLICY = RUNTIME.compile(DefaultPolicyPack.source());
    static final PathwayEvaluator EVALUATOR = new PathwayEvaluator();

    private final CompiledPolicy policy;
    private LearnerSnapshot learner;
    private Instant clock = START;
    private int evidenceCounter;
    private int overrideCounter;
    private final List<Evidence> sent = new ArrayList<>();
    private final List<TeacherOverride> overrides = new ArrayList<>();

    private LearnerScenario(CompiledPolicy policy, LearnerProfile profile) {
        this.policy = policy;
        this.learner = LearnerSnapshot.fresh(profile);
    }

    private static List<Activity> activities() {
        List<Activity> activities = new ArrayList<>();
        for (Competency competency : FRAMEWORK.competencies()) {
            if (!FRAMEWORK.isLeaf(competency.id())) {
                continue;
            }
            String id = competency.id();
            activities.add(new Activity(
                    id + "-lesson",
                    "Lesson " + id,
                    List.of(id),
                    ActivityKind.LESSON,
                    Modality.VIDEO,
                    Grouping.INDIVIDUAL,
                    true,
                    20,
                    List.of("sports")));
            activities.add(new Activity(
                    id + "-practice",
                    "Practice " + id,
                    List.of(id),
                    ActivityKind.PRACTICE,
                    Modality.TEXT,
                    Grouping.INDIVIDUAL,
                    true,
                    15,
                    List.of("music")));
            activities.add(new Activity(
                    id + "-mini",
                    "Mini-lesson " + id,
                    List.of(id),
                    ActivityKind.MINI_LESSON,
                    Modality.HANDS_ON,
                    Grouping.SMALL_GROUP,
                    false,
                    15,
                    List.of()));
            activities.add(new Activity(
                    id + "-check",
                    "Check " + id,
                    List.of(id),
                    ActivityKind.ASSESSMENT,
                    Modality.TEXT,
                    Grouping.INDIVIDUAL,
                    true,
                    10,
                    List.of()));
        }
        return activities;
    }

    /** A learner in this grade, with a plan that started at {@link #START}, under the default pack. */
    static LearnerScenario gradeLearner(int grade) {
        return new LearnerScenario(DEFAULT_POLICY, profile(grade, "north", List.of(), List.of(), List.of()));
    }

    /** A learner under another compiled policy (a school overlay, a changed parameter). */
    static LearnerScenario gradeLearner(int grade, String school, CompiledPolicy policy) {
        return new LearnerScenario(policy, profile(grade, school, List.of(), List.of(), List.of()));
    }

    static CompiledPolicy compile(PolicySource source) {
        return RUNTIME.compile(source);
    }

    static LearnerProfile profile(
            int grade, String school, List<String> interests, List<Modality> modalities, List<Goal> goals) {
        return new LearnerProfile(
                "learner-" + grade,
                grade,
                school,
                interests,
                List.of(),
                List.of(),
                modalities,
                null,
                goals,
                PLAN_START);
    }

    LearnerScenario withProfile(LearnerProfile profile) {
        learner = learner.withProfile(profile);
        return this;
    }

    LearnerProfile profile() {
        return learner.profile();
    }

    /** Given: the learner's goals (replacing any), the rest of the profile unchanged. */
    LearnerScenario withGoals(Goal... goals) {
        LearnerProfile p = learner.profile();
        return withProfile(new LearnerProfile(
                p.learnerId(),
                p.grade(),
                p.schoolId(),
                p.interests(),
                p.strengths(),
                p.growthAreas(),
                p.preferredModalities(),
                p.preferredGrouping(),
                List.of(goals),
                p.planStart()));
    }

    /** Given: how the learner learns best, most preferred first (replacing any), the rest unchanged. */
    LearnerScenario withModalities(Modality... modalities) {
        LearnerProfile p = learner.profile();
        return withProfile(new LearnerProfile(
                p.learnerId(),
                p.grade(),
                p.schoolId(),
                p.interests(),
                p.strengths(),
                p.growthAreas(),
                List.of(modalities),
                p.preferredGrouping(),
                p.goals(),
                p.planStart()));
    }

    /**
     * Moves time to exactly this many weeks after the plan start (midnight UTC of {@link #PLAN_START}), so that
     * pacing sees a round number of weeks. Time never moves back.
     */
    LearnerScenario weeksIntoPlan(double weeks) {
        Instant next = planStartInstant().plusSeconds(Math.round(weeks * 7 * 24 * 3600));
        if (next.isBefore(clock)) {
            throw new IllegalStateException("week " + weeks + " (" + next + ") is before the scenario's clock " + clock
                    + "; send the evidence after moving time, not before");
        }
        clock = next;
        return this;
    }

    static Instant planStartInstant() {
        return PLAN_START.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    /** Every piece of evidence sent so far, in order, for replays. */
    List<Evidence> evidenceSent() {
        return List.copyOf(sent);
    }

    /** Every override made so far, in order, for replays. */
    List<TeacherOverride> overridesMade() {
        return List.copyOf(overrides);
    }

    CompiledPolicy policy() {
        return policy;
    }

    /** Moves time on; evidence sent afterwards is observed then. */
    LearnerScenario after(Duration duration) {
        clock = clock.plus(duration);
        return this;
    }

    /** Given: pieces of evidence already evaluated, one hour apart. */
    LearnerScenario given(String competencyId, EvidenceKind kind, double... scores) {
        for (double score : scores) {
            send(competencyId, score, kind);
        }
        return this;
    }

    /** Given: a competency mastered with three summative 0.9s (enough for every grade band). */
    LearnerScenario mastered(String... competencyIds) {
        for (String id : competencyIds) {
            given(id, EvidenceKind.SUMMATIVE, 0.9, 0.9, 0.9);
            if (!learner.level(id).isMastered()) {
                throw new IllegalStateException(
                        id + " should be mastered after three 0.9 summatives but is " + learner.level(id));
            }
        }
        return this;
    }

    /** When: one piece of evidence on a competency. */
    PathUpdate send(String competencyId, double score, EvidenceKind kind) {
        return send(new Evidence(
                "e" + (++evidenceCounter),
                learner.learnerId(),
                competencyId,
                null,
                Score.fraction(score),
                kind,
                "test",
                clock));
    }

    /** When: one piece of evidence through an activity. */
    PathUpdate sendForActivity(String activityId, double score, EvidenceKind kind) {
        return send(new Evidence(
                "e" + (++evidenceCounter),
                learner.learnerId(),
                null,
                activityId,
                Score.fraction(score),
                kind,
                "test",
                clock));
    }

    private PathUpdate send(Evidence evidence) {
        sent.add(evidence);
        Evaluation evaluation = EVALUATOR.evaluate(policy, CURRICULUM, learner, evidence, clock);
        learner = evaluation.learner();
        clock = clock.plus(Duration.ofHours(1));
        return evaluation.update();
    }

    /** When: a teacher override, by "ms-lee" with the given reason. */
    PathUpdate override(OverrideKind kind, String competencyId, String activityId, MasteryLevel level, String reason) {
        TeacherOverride override = new TeacherOverride(
                "o" + (++overrideCounter),
                learner.learnerId(),
                kind,
                competencyId,
                activityId,
                level,
                "ms-lee",
                reason,
                clock);
        overrides.add(override);
        Evaluation evaluation = EVALUATOR.applyOverride(policy, CURRICULUM, learner, override, clock);
        learner = evaluation.learner();
        return evaluation.update();
    }

    /** When: the learner asks for next steps now. */
    PathUpdate nextSteps() {
        return EVALUATOR.nextSteps(policy, CURRICULUM, learner, clock);
    }

    MasteryLevel level(String competencyId) {
        return learner.level(competencyId);
    }

    double score(String competencyId) {
        return learner.state(competencyId).score();
    }

    MasteryState state(String competencyId) {
        return learner.state(competencyId);
    }

    LearnerSnapshot snapshot() {
        return learner;
    }

    static MasteryChange change(PathUpdate update, String competencyId) {
        return update.masteryChanges().stream()
                .filter(c -> c.competencyId().equals(competencyId))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no mastery change for " + competencyId + " in " + update.masteryChanges()));
    }
}
