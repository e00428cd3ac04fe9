package dev.pathwise.api.evidence;

import java.util.List;

/**
 * The outcome of one evaluation without its explanations ({@code POST /v1/evidence/batch?answer=summary}): each
 * competency whose mastery moved (its level before and after, and its new score), what was unlocked or dropped back, the flags raised and the next steps' activities in rank order. For
 * platforms that only act on the outcome; the full path update, with every rule and sentence, stays readable from the
 * learner's timeline.
 */
public record PathSummaryJson(
        String learnerId,
        String policyVersion,
        List<LevelChangeJson> masteryChanges,
        List<String> unlocked,
        List<String> droppedBack,
        List<FlagSummaryJson> flags,
        List<String> nextSteps) {

    /** A competency's level before and after, and its score after (the level may stay while the score moves). */
    public record LevelChangeJson(String competencyId, String from, String to, double score) {}

    /** A flag's kind and the competency (or goal) it is about. */
    public record FlagSummaryJson(String kind, String competencyId, String goalId) {}

    static PathSummaryJson of(PathUpdateJson full) {
        return new PathSummaryJson(
                full.learnerId(),
                full.policyVersion(),
                full.masteryChanges().stream()
                        .map(c -> new LevelChangeJson(c.competencyId(), c.from(), c.to(), c.toScore()))
                        .toList(),
                full.unlocked().stream()
                        .map(PathUpdateJson.EventJson::competencyId)
                        .toList(),
                full.droppedBack().stream()
                        .map(PathUpdateJson.EventJson::competencyId)
                        .toList(),
                full.flags().stream()
                        .map(f -> new FlagSummaryJson(f.kind(), f.competencyId(), f.goalId()))
                        .toList(),
                full.nextSteps().stream()
                        .map(PathUpdateJson.NextStepJson::activityId)
                        .toList());
    }
}
