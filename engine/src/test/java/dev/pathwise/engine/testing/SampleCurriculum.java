package dev.pathwise.engine.testing;

import dev.pathwise.engine.activity.Activity;
import dev.pathwise.engine.activity.ActivityKind;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.activity.Grouping;
import dev.pathwise.engine.activity.Modality;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.evidence.EvidenceKind;
import dev.pathwise.engine.evidence.Score;
import dev.pathwise.engine.framework.Competency;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.LearnerSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * A small curriculum for engine tests:
 * <pre>
 * math (parent)
 *   count
 *   add        requires count
 * shapes
 * </pre>
 * Activities: count-video, count-mini (mini-lesson), add-practice, shapes-lesson, count-and-shapes (aligned to two
 * leaves) and math-overview (aligned only to the parent).
 */
public final class SampleCurriculum {

    public static final Instant START = Instant.parse("2026-09-07T09:00:00Z");

    public static final Framework FRAMEWORK = Framework.of(
            "math-test",
            "Math for tests",
            List.of(
                    Competency.of("math", null),
                    Competency.of("count", "math"),
                    Competency.of("add", "math", "count"),
                    Competency.of("shapes", null)));

    public static final Curriculum CURRICULUM = Curriculum.of(
            FRAMEWORK,
            List.of(
                    activity("count-video", ActivityKind.LESSON, Modality.VIDEO, "count"),
                    activity("count-mini", ActivityKind.MINI_LESSON, Modality.HANDS_ON, "count"),
                    activity("add-practice", ActivityKind.PRACTICE, Modality.TEXT, "add"),
                    activity("shapes-lesson", ActivityKind.LESSON, Modality.TEXT, "shapes"),
                    activity("count-and-shapes", ActivityKind.ASSESSMENT, Modality.TEXT, "count", "shapes"),
                    activity("math-overview", ActivityKind.LESSON, Modality.VIDEO, "math")));

    private SampleCurriculum() {}

    public static Activity activity(String id, ActivityKind kind, Modality modality, String... competencyIds) {
        return new Activity(id, id, List.of(competencyIds), kind, modality, Grouping.INDIVIDUAL, true, 20, List.of());
    }

    /** A fresh grade-4 learner (band 3-5) at school "lincoln". */
    public static LearnerSnapshot freshLearner(String learnerId) {
        return LearnerSnapshot.fresh(LearnerProfile.basic(learnerId, 4, "lincoln"));
    }

    /** Formative evidence on a competency, scored as a fraction, observed {@code minutes} after {@link #START}. */
    public static Evidence onCompetency(String id, String learnerId, String competencyId, double score, int minutes) {
        return new Evidence(
                id,
                learnerId,
                competencyId,
                null,
                Score.fraction(score),
                EvidenceKind.FORMATIVE,
                "test",
                START.plusSeconds(60L * minutes));
    }

    /** Formative evidence through an activity, scored as a fraction. */
    public static Evidence onActivity(String id, String learnerId, String activityId, double score, int minutes) {
        return new Evidence(
                id,
                learnerId,
                null,
                activityId,
                Score.fraction(score),
                EvidenceKind.FORMATIVE,
                "test",
                START.plusSeconds(60L * minutes));
    }
}
