package dev.pathwise.engine.learner;

import dev.pathwise.engine.activity.Grouping;
import dev.pathwise.engine.activity.Modality;
import java.time.LocalDate;
import java.util.List;

/**
 * Who the learner is: grade and school, strengths, growth areas, interests, how they learn best and their goals.
 *
 * @param learnerId           stable identifier
 * @param grade               0 (kindergarten) to 12
 * @param schoolId            the school, which may overlay the district policy
 * @param interests           topics matched against activity tags
 * @param strengths           competencies or topics the learner is strong in
 * @param growthAreas         competencies or topics to grow in
 * @param preferredModalities how the learner learns best, most preferred first
 * @param preferredGrouping   individual, small or large group, or {@code null} for no preference
 * @param goals               the learner's goals
 * @param planStart           the start of the learner's personal learning plan, or {@code null}
 */
public record LearnerProfile(
        String learnerId,
        int grade,
        String schoolId,
        List<String> interests,
        List<String> strengths,
        List<String> growthAreas,
        List<Modality> preferredModalities,
        Grouping preferredGrouping,
        List<Goal> goals,
        LocalDate planStart) {

    public LearnerProfile {
        if (learnerId == null || learnerId.isBlank()) {
            throw new IllegalArgumentException("learnerId: must not be blank");
        }
        GradeBand.ofGrade(grade);
        schoolId = schoolId == null ? "" : schoolId;
        interests = copy(interests);
        strengths = copy(strengths);
        growthAreas = copy(growthAreas);
        preferredModalities = copy(preferredModalities);
        goals = copy(goals);
    }

    /** A profile with only the grade and school known. */
    public static LearnerProfile basic(String learnerId, int grade, String schoolId) {
        return new LearnerProfile(
                learnerId, grade, schoolId, List.of(), List.of(), List.of(), List.of(), null, List.of(), null);
    }

    public GradeBand gradeBand() {
        return GradeBand.ofGrade(grade);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
