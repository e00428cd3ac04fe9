package dev.pathwise.engine.evaluation;

import dev.pathwise.engine.activity.ActivityKind;
import dev.pathwise.engine.activity.Grouping;
import dev.pathwise.engine.activity.Modality;
import java.util.List;

/**
 * One next step the learner is offered.
 *
 * @param rank         1 for the first
 * @param activityId   the activity
 * @param competencyId the competency it works on
 * @param kind         lesson, practice, ...
 * @param modality     video, text, ...
 * @param grouping     individual, small group, large group
 * @param required     true for teacher-assigned and remediation steps
 * @param remediation  true for remediation of a struggling competency
 * @param reasons      why it is offered and ranked here, in words
 */
public record NextStepOption(
        int rank,
        String activityId,
        String competencyId,
        ActivityKind kind,
        Modality modality,
        Grouping grouping,
        boolean required,
        boolean remediation,
        List<String> reasons) {}
