package dev.pathwise.api.learner;

import java.time.Instant;
import java.util.List;

/** What the learner endpoints answer with. */
public final class LearnerViews {

    private LearnerViews() {}

    /** The learner: profile, version of the stored state, how much evidence it rests on. */
    public record LearnerJson(
            String learnerId,
            String gradeBand,
            ProfileJson profile,
            long version,
            long evidenceCount,
            int observationCount,
            int overrideCount) {}

    /** One competency on the pathway: status, level and the prerequisites still missing. */
    public record PathwayEntryJson(
            String competencyId, String name, String status, String level, List<String> missingPrerequisites) {}

    public record PathwayJson(String learnerId, String frameworkId, List<PathwayEntryJson> competencies) {}

    /** One row of the mastery chart; parents carry their rollup method and their children. */
    public record MasteryJson(
            String competencyId,
            String name,
            String parentId,
            List<String> children,
            String level,
            int levelValue,
            double score,
            String method,
            int evidenceCount,
            Instant lastEvidenceAt) {}

    public record MasteryChartJson(String learnerId, String frameworkId, List<MasteryJson> competencies) {}
}
