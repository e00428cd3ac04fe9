package dev.pathwise.benchmarks;

import dev.pathwise.engine.evaluation.PathUpdate;
import dev.pathwise.engine.learner.LearnerSnapshot;
import java.util.List;
import java.util.TreeMap;

/** Path updates as the differential test compares and prints them: everything but the trace, one item a line. */
final class Normalized {

    private Normalized() {}

    static PathUpdate withoutTrace(PathUpdate u) {
        return new PathUpdate(
                u.learnerId(),
                u.evidenceId(),
                u.policyVersion(),
                u.evaluatedAt(),
                u.masteryChanges(),
                u.unlocked(),
                u.droppedBack(),
                u.flags(),
                u.nextSteps(),
                u.requiredSteps(),
                u.optionLimit(),
                List.of(),
                u.late());
    }

    static String text(PathUpdate u) {
        StringBuilder text = new StringBuilder();
        text.append("evidence ")
                .append(u.evidenceId())
                .append(" under ")
                .append(u.policyVersion())
                .append(" at ")
                .append(u.evaluatedAt())
                .append('\n');
        u.masteryChanges().forEach(c -> text.append("  level ").append(c).append('\n'));
        u.unlocked().forEach(e -> text.append("  unlocked ").append(e).append('\n'));
        u.droppedBack().forEach(e -> text.append("  dropped back ").append(e).append('\n'));
        u.flags().forEach(f -> text.append("  flag ").append(f).append('\n'));
        u.nextSteps().forEach(s -> text.append("  next ").append(s).append('\n'));
        u.requiredSteps().forEach(s -> text.append("  required ").append(s).append('\n'));
        text.append("  option limit ").append(u.optionLimit()).append('\n');
        if (u.late() != null) {
            text.append("  late: ").append(u.late().text()).append('\n');
        }
        return text.toString();
    }

    static String text(LearnerSnapshot learner) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(learner.competencies())
                .forEach((id, record) -> text.append("  ")
                        .append(record.state())
                        .append(" from ")
                        .append(record.observations().size())
                        .append(" observation(s)\n"));
        return text.toString();
    }
}
