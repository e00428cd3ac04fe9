package dev.pathwise.engine.simulation;

import java.util.List;

/**
 * How one learner comes out differently under the candidate policy.
 *
 * @param learnerId  the learner
 * @param gradeBand  their grade band
 * @param school     their school
 * @param levels     competencies whose final level differs, each with both explanations
 * @param flagsBefore flags under the current policy ("struggling RP.1")
 * @param flagsAfter  flags under the candidate
 * @param stepsBefore next steps under the current policy
 * @param stepsAfter  next steps under the candidate
 */
public record LearnerDiff(
        String learnerId,
        String gradeBand,
        String school,
        List<LevelDiff> levels,
        List<String> flagsBefore,
        List<String> flagsAfter,
        List<String> stepsBefore,
        List<String> stepsAfter) {

    /**
     * One competency's final level under both policies.
     *
     * @param competencyId the competency
     * @param before       level under the current policy
     * @param after        level under the candidate
     * @param whyBefore    the explanation under the current policy
     * @param whyAfter     the explanation under the candidate
     */
    public record LevelDiff(String competencyId, String before, String after, String whyBefore, String whyAfter) {}

    /** A few lines a curriculum lead can read. */
    public String explain() {
        StringBuilder text = new StringBuilder(learnerId + " (grade band " + gradeBand + ", school " + school + ")\n");
        for (LevelDiff level : levels) {
            text.append("  ")
                    .append(level.competencyId())
                    .append(": ")
                    .append(level.before())
                    .append(" -> ")
                    .append(level.after())
                    .append('\n')
                    .append("    current:   ")
                    .append(level.whyBefore())
                    .append('\n')
                    .append("    candidate: ")
                    .append(level.whyAfter())
                    .append('\n');
        }
        if (!flagsBefore.equals(flagsAfter)) {
            text.append("  flags: ")
                    .append(flagsBefore)
                    .append(" -> ")
                    .append(flagsAfter)
                    .append('\n');
        }
        if (!stepsBefore.equals(stepsAfter)) {
            text.append("  next steps: ")
                    .append(stepsBefore)
                    .append(" -> ")
                    .append(stepsAfter)
                    .append('\n');
        }
        return text.toString();
    }
}
