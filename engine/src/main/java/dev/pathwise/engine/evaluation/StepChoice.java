package dev.pathwise.engine.evaluation;

import dev.pathwise.engine.facts.Decisions;
import dev.pathwise.engine.facts.Explanation;
import dev.pathwise.engine.facts.Option;
import dev.pathwise.engine.learner.Overrides;
import dev.pathwise.engine.learner.TeacherOverride;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The next steps a learner sees once the choice rules have decided: the options that survived them, ordered, cut to
 * the option limit, and the steps the learner must take.
 *
 * @param steps    the options shown, ranked from 1
 * @param required the steps the learner must take: assigned by a teacher, or remediation the rules asked for
 */
record StepChoice(List<NextStepOption> steps, List<RequiredStep> required) {

    /**
     * Orders the options that survived the choice rules (teacher-assigned first, then remediation, then the
     * planner's rank), applies the option limit, and keeps one goal option when the rules asked for it.
     */
    static StepChoice of(List<Option> options, Decisions decisions, Overrides overrides) {
        List<Option> eligible = new ArrayList<>(options.size());
        for (Option option : options) {
            if (!decisions.isExcluded(option)) {
                eligible.add(option);
            }
        }
        eligible.sort(Comparator.comparing((Option o) -> !o.isTeacherAssigned())
                .thenComparing(o -> decisions.remediationOf(o) == null)
                .thenComparingInt(Option::getRank));
        List<RequiredStep> required = new ArrayList<>();
        for (Option option : eligible) {
            if (option.isTeacherAssigned()) {
                TeacherOverride assigned = overrides.assignedSteps().get(option.getActivityId());
                required.add(new RequiredStep(
                        option.getActivityId(),
                        option.getCompetencyId(),
                        RequiredStep.Reason.TEACHER_ASSIGNED,
                        Explanation.byRule("", "assigned by %s: %s", assigned.author(), assigned.reason())));
            } else if (decisions.remediationOf(option) != null) {
                required.add(new RequiredStep(
                        option.getActivityId(),
                        option.getCompetencyId(),
                        RequiredStep.Reason.REMEDIATION,
                        decisions.remediationOf(option)));
            }
        }
        int limit = decisions.optionLimit();
        int shown = limit <= 0 ? eligible.size() : Math.max(Math.min(limit, eligible.size()), required.size());
        List<Option> visible = new ArrayList<>(eligible.subList(0, shown));
        Option goalOption = null;
        if (decisions.goalOptionWhy() != null && visible.stream().noneMatch(Option::isOnGoal)) {
            goalOption = eligible.stream().filter(Option::isOnGoal).findFirst().orElse(null);
            if (goalOption != null) {
                int last = visible.size() - 1;
                if (last >= required.size()) {
                    visible.set(last, goalOption);
                } else {
                    visible.add(goalOption);
                }
            }
        }
        List<NextStepOption> steps = new ArrayList<>(visible.size());
        for (int i = 0; i < visible.size(); i++) {
            Option option = visible.get(i);
            List<String> reasons = new ArrayList<>(option.getReasons());
            Explanation remedy = decisions.remediationOf(option);
            if (remedy != null) {
                reasons.add(0, "remediation: " + remedy);
            }
            if (option == goalOption) {
                reasons.add("kept for the learner's goal: " + decisions.goalOptionWhy());
            }
            steps.add(new NextStepOption(
                    i + 1,
                    option.getActivityId(),
                    option.getCompetencyId(),
                    option.getKind(),
                    option.getModality(),
                    option.getGrouping(),
                    option.isTeacherAssigned() || remedy != null,
                    remedy != null,
                    List.copyOf(reasons)));
        }
        return new StepChoice(List.copyOf(steps), List.copyOf(required));
    }
}
