package dev.pathwise.engine.simulation;

import java.util.List;
import java.util.Map;

/**
 * What a candidate policy changes.
 *
 * @param currentVersion   "policy@version" of the current policy
 * @param candidateVersion "policy@version" of the candidate
 * @param learners         learners replayed
 * @param evidence         pieces of evidence replayed
 * @param changed          every learner whose levels, flags or next steps differ, by learner id
 * @param byGradeBand      changed and total learners per grade band
 * @param bySchool         changed and total learners per school
 * @param sample           the first few changed learners, to read
 */
public record SimulationReport(
        String currentVersion,
        String candidateVersion,
        int learners,
        int evidence,
        List<LearnerDiff> changed,
        Map<String, Count> byGradeBand,
        Map<String, Count> bySchool,
        List<LearnerDiff> sample) {

    /** Changed learners out of all learners in a group. */
    public record Count(int changed, int total) {}

    /** The report as text. */
    public String format() {
        StringBuilder text = new StringBuilder();
        text.append("current ")
                .append(currentVersion)
                .append(", candidate ")
                .append(candidateVersion)
                .append('\n');
        text.append(learners)
                .append(" learners, ")
                .append(evidence)
                .append(" pieces of evidence replayed; ")
                .append(changed.size())
                .append(" learners change\n\n");
        text.append("by grade band:\n");
        byGradeBand.forEach(
                (band, count) -> text.append(String.format("  %-6s %d of %d%n", band, count.changed(), count.total())));
        text.append("by school:\n");
        bySchool.forEach((school, count) ->
                text.append(String.format("  %-10s %d of %d%n", school, count.changed(), count.total())));
        if (!sample.isEmpty()) {
            text.append("\nsample of ").append(sample.size()).append(" changed learners:\n");
            sample.forEach(diff -> text.append(diff.explain()));
        }
        return text.toString();
    }
}
