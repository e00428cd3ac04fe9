package dev.pathwise.api.learner;

import dev.pathwise.engine.activity.Grouping;
import dev.pathwise.engine.activity.Modality;
import dev.pathwise.engine.learner.Goal;
import dev.pathwise.engine.learner.LearnerProfile;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.LocalDate;
import java.util.List;

/**
 * A learner's profile as JSON (the learner id comes from the path). The name is optional and kept beside the
 * profile: a profile sent without it keeps the name already stored (a roster usually sets it).
 */
public record ProfileJson(
        @Schema(
                requiredMode = RequiredMode.REQUIRED,
                description = "0 (kindergarten) to 12",
                minimum = "0",
                maximum = "12",
                example = "6")
        Integer grade,

        @Schema(description = "A school of the tenant", example = "north")
        String schoolId,

        List<String> interests,
        List<String> strengths,
        List<String> growthAreas,
        List<Modality> preferredModalities,
        Grouping preferredGrouping,
        List<GoalJson> goals,
        LocalDate planStart,
        String givenName,
        String familyName) {

    /** A goal, possibly beyond grade level. */
    public record GoalJson(String id, String description, List<String> competencyIds, LocalDate targetDate) {}

    public LearnerProfile toDomain(String learnerId) {
        if (grade == null) {
            throw new IllegalArgumentException("grade: is required; use 0 (kindergarten) to 12");
        }
        List<Goal> goalList = goals == null
                ? List.of()
                : goals.stream()
                        .map(g -> new Goal(g.id(), g.description(), g.competencyIds(), g.targetDate()))
                        .toList();
        return new LearnerProfile(
                learnerId,
                grade,
                schoolId,
                interests,
                strengths,
                growthAreas,
                preferredModalities,
                preferredGrouping,
                goalList,
                planStart);
    }

    public static ProfileJson of(LearnerProfile p, LearnerRepository.Name name) {
        return new ProfileJson(
                p.grade(),
                p.schoolId(),
                p.interests(),
                p.strengths(),
                p.growthAreas(),
                p.preferredModalities(),
                p.preferredGrouping(),
                p.goals().stream()
                        .map(g -> new GoalJson(g.id(), g.description(), g.competencyIds(), g.targetDate()))
                        .toList(),
                p.planStart(),
                name == null ? null : name.givenName(),
                name == null ? null : name.familyName());
    }

    /** True when the request gives a name (either part). */
    public boolean hasName() {
        return givenName != null || familyName != null;
    }
}
