package dev.pathwise.api.report;

import java.time.LocalDate;
import java.util.List;

/**
 * A learner's pathway for a student-facing page: plain words, progress counts, what to do next and why, each strand
 * (top-level competency) with its competencies and what they wait for.
 */
public record StudentPathway(
        String learnerId,
        int grade,
        String gradeBand,
        String frameworkId,
        String frameworkName,
        Progress progress,
        List<GoalProgress> goals,
        List<Step> nextSteps,
        List<Strand> strands) {

    public record Progress(int total, int mastered, int inProgress, int ready, int locked, double percentMastered) {}

    public record GoalProgress(String id, String description, LocalDate targetDate, int competencies, int mastered) {}

    /** A next step, ranked, with the reasons it was suggested. */
    public record Step(
            int rank,
            String activityId,
            String title,
            String competencyId,
            String competencyName,
            String kind,
            String modality,
            Integer minutes,
            boolean required,
            List<String> why) {}

    public record Strand(
            String competencyId, String name, String status, String level, int total, int mastered, List<Item> items) {}

    /** One competency to learn: its status, level in words and, when locked, what comes first. */
    public record Item(
            String competencyId,
            String code,
            String name,
            String status,
            String level,
            String levelLabel,
            String message,
            List<String> needsFirst) {}
}
