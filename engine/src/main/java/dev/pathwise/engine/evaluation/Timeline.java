package dev.pathwise.engine.evaluation;

import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.learner.CompetencyRecord;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.Observation;
import dev.pathwise.engine.learner.TeacherOverride;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The order in which a learner's evidence and teacher overrides count: by time, evidence at the time it was observed
 * ({@code observedAt}), an override at the time it was made. Ties are broken by a stable rule: at the same instant an
 * override counts before evidence, and two pieces of evidence (or two overrides) count in the order they arrived
 * (for stored evidence, the order it was stored; for a list, its order). Replay, verification, simulation and the
 * evaluation of each new piece all follow this one order, so a learner's state is the same whatever order the
 * evidence arrived in.
 *
 * <p>A new piece that sorts after everything the learner already has is simply added ({@link #countsLast}); one that
 * sorts before something already counted is late: it is counted at its place and the learner rebuilt.
 */
public final class Timeline {

    private static final Comparator<Evidence> BY_OBSERVATION = Comparator.comparing(Evidence::observedAt);
    private static final Comparator<TeacherOverride> BY_TIME = Comparator.comparing(TeacherOverride::at);

    private Timeline() {}

    /** The evidence in the order it counts; {@code arrived} is in arrival order (the sort is stable). */
    public static List<Evidence> inOrder(List<Evidence> arrived) {
        List<Evidence> ordered = new ArrayList<>(arrived);
        ordered.sort(BY_OBSERVATION);
        return ordered;
    }

    /** The overrides in the order they count; {@code made} is in the order they were made (the sort is stable). */
    public static List<TeacherOverride> overridesInOrder(List<TeacherOverride> made) {
        List<TeacherOverride> ordered = new ArrayList<>(made);
        ordered.sort(BY_TIME);
        return ordered;
    }

    /**
     * True when the evidence counts after everything the learner already has: observed no earlier than their latest
     * evidence (a tie counts in arrival order, so after) and than their latest override (at the same instant an
     * override counts first).
     */
    public static boolean countsLast(LearnerSnapshot learner, Evidence evidence) {
        Instant at = evidence.observedAt();
        Instant evidenceAt = latestEvidence(learner);
        Instant overrideAt = latestOverride(learner);
        return (evidenceAt == null || !at.isBefore(evidenceAt)) && (overrideAt == null || !at.isBefore(overrideAt));
    }

    /**
     * True when the override counts after everything the learner already has: made after their latest evidence
     * (an override made at the instant evidence was observed counts before it) and no earlier than their latest
     * override.
     */
    public static boolean countsLast(LearnerSnapshot learner, TeacherOverride override) {
        Instant at = override.at();
        Instant evidenceAt = latestEvidence(learner);
        Instant overrideAt = latestOverride(learner);
        return (evidenceAt == null || at.isAfter(evidenceAt)) && (overrideAt == null || !at.isBefore(overrideAt));
    }

    /** When the latest evidence the learner's state counts was observed, or {@code null} without evidence. */
    public static Instant latestEvidence(LearnerSnapshot learner) {
        Instant latest = null;
        for (CompetencyRecord record : learner.competencies().values()) {
            List<Observation> observations = record.observations();
            if (!observations.isEmpty()) {
                Instant at = observations.get(observations.size() - 1).at();
                if (latest == null || at.isAfter(latest)) {
                    latest = at;
                }
            }
        }
        return latest;
    }

    /** When the learner's latest override was made, or {@code null} without overrides. */
    public static Instant latestOverride(LearnerSnapshot learner) {
        Instant latest = null;
        for (TeacherOverride override : learner.overrides()) {
            if (latest == null || override.at().isAfter(latest)) {
                latest = override.at();
            }
        }
        return latest;
    }

    /** The latest time the learner's state counts, evidence or override, or {@code null} when it counts nothing. */
    public static Instant latest(LearnerSnapshot learner) {
        Instant evidence = latestEvidence(learner);
        Instant override = latestOverride(learner);
        return evidence == null || (override != null && override.isAfter(evidence)) ? override : evidence;
    }

    /** How many pieces of evidence the learner's state counts that were observed after {@code at}. */
    public static int countedAfter(LearnerSnapshot learner, Instant at) {
        Set<String> after = new HashSet<>();
        for (CompetencyRecord record : learner.competencies().values()) {
            for (Observation observation : record.observations()) {
                if (observation.at().isAfter(at)) {
                    after.add(observation.evidenceId());
                }
            }
        }
        return after.size();
    }
}
