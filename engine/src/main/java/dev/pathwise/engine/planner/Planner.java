package dev.pathwise.engine.planner;

import dev.pathwise.engine.activity.Activity;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.facts.Option;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.learner.CompetencyRecord;
import dev.pathwise.engine.learner.Goal;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.Overrides;
import dev.pathwise.engine.learner.TeacherOverride;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds what a learner is ready to learn and ranks the activities for it.
 *
 * <p>The ready set is the outer fringe of what is mastered: leaf competencies not mastered yet whose effective
 * prerequisites are all mastered. Candidate activities are ranked by teacher assignment, then goal alignment,
 * interests, preferred modality, preferred grouping, then work already in progress; the choice rules decide how
 * many the learner sees.
 */
public final class Planner {

    private Planner() {}

    /** True when every effective prerequisite of the competency is mastered. */
    public static boolean prerequisitesMastered(Framework framework, LearnerSnapshot learner, String competencyId) {
        for (String prerequisite : framework.prerequisites(competencyId)) {
            if (!learner.level(prerequisite).isMastered()) {
                return false;
            }
        }
        return true;
    }

    /** The prerequisites of a competency that are not mastered yet. */
    public static List<String> missingPrerequisites(Framework framework, LearnerSnapshot learner, String competencyId) {
        List<String> missing = new ArrayList<>();
        for (String prerequisite : framework.prerequisites(competencyId)) {
            if (!learner.level(prerequisite).isMastered()) {
                missing.add(prerequisite);
            }
        }
        return missing;
    }

    /** The leaf competencies the learner is ready to learn, in framework order. */
    public static List<String> readyToLearn(Framework framework, LearnerSnapshot learner) {
        BitSet mastered = new BitSet(framework.size());
        for (Map.Entry<String, CompetencyRecord> entry : learner.competencies().entrySet()) {
            if (entry.getValue().state().level().isMastered()) {
                int position = framework.indexOf(entry.getKey());
                if (position >= 0) {
                    mastered.set(position);
                }
            }
        }
        return framework.readyLeaves(mastered);
    }

    /** Every competency of the framework with its status on the learner's pathway, in framework order. */
    public static List<PathwayEntry> pathway(Framework framework, LearnerSnapshot learner) {
        List<PathwayEntry> entries = new ArrayList<>(framework.size());
        for (var competency : framework.competencies()) {
            String id = competency.id();
            var state = learner.state(id);
            List<String> missing = missingPrerequisites(framework, learner, id);
            PathwayStatus status;
            if (state.level().isMastered()) {
                status = PathwayStatus.MASTERED;
            } else if (hasEvidence(framework, learner, id)) {
                status = PathwayStatus.IN_PROGRESS;
            } else if (missing.isEmpty()) {
                status = PathwayStatus.READY;
            } else {
                status = PathwayStatus.LOCKED;
            }
            entries.add(new PathwayEntry(
                    id, status, state.level(), status == PathwayStatus.LOCKED ? List.copyOf(missing) : List.of()));
        }
        return entries;
    }

    private static boolean hasEvidence(Framework framework, LearnerSnapshot learner, String id) {
        if (learner.state(id).evidenceCount() > 0) {
            return true;
        }
        for (String descendant : framework.descendants(id)) {
            if (learner.state(descendant).evidenceCount() > 0) {
                return true;
            }
        }
        return false;
    }

    /** True when the learner has evidence on the competency and has not mastered it. */
    public static boolean inProgress(LearnerSnapshot learner, String competencyId) {
        CompetencyRecord record = learner.competencies().get(competencyId);
        return record != null
                && record.state().evidenceCount() > 0
                && !record.state().level().isMastered();
    }

    /**
     * Candidate next steps for the ready competencies, plus activities a teacher assigned, minus activities a
     * teacher removed, ranked best first (rank 1).
     */
    public static List<Option> rankOptions(
            Curriculum curriculum, LearnerSnapshot learner, List<String> ready, Overrides overrides) {
        LearnerProfile profile = learner.profile();
        Map<String, Goal> goalByCompetency = new HashMap<>();
        for (Goal goal : profile.goals()) {
            for (String competencyId : goal.competencyIds()) {
                goalByCompetency.putIfAbsent(competencyId, goal);
            }
        }
        Set<String> interests = new HashSet<>();
        profile.interests().forEach(i -> interests.add(i.toLowerCase()));

        Framework framework = curriculum.framework();
        List<Candidate> candidates = new ArrayList<>(ready.size() * 8);
        Set<String> seen = new HashSet<>();
        for (String competencyId : ready) {
            boolean inProgress = inProgress(learner, competencyId);
            int position = framework.indexOf(competencyId);
            Goal goal = goalByCompetency.get(competencyId);
            for (Activity activity : curriculum.activitiesFor(competencyId)) {
                // an activity aligned to several ready competencies is ranked once, for the first of them
                if (overrides.isRemoved(activity.id())
                        || (activity.competencyIds().size() > 1 && !seen.add(activity.id()))) {
                    continue;
                }
                candidates.add(
                        candidate(activity, competencyId, overrides, goal, interests, profile, inProgress, position));
            }
        }
        for (String activityId : overrides.assignedSteps().keySet()) {
            Activity activity = curriculum.activity(activityId).orElse(null);
            if (activity == null || (!overrides.isRemoved(activityId) && alignedToAny(activity, ready))) {
                continue; // unknown, or ranked above already
            }
            String competencyId = activity.competencyIds().get(0);
            candidates.add(candidate(
                    activity,
                    competencyId,
                    overrides,
                    goalByCompetency.get(competencyId),
                    interests,
                    profile,
                    inProgress(learner, competencyId),
                    framework.indexOf(competencyId)));
        }
        candidates.sort(Candidate::bestFirst);

        List<Option> options = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            options.add(new Option(
                    c.activity.id(),
                    c.competencyId,
                    c.activity.kind(),
                    c.activity.modality(),
                    c.activity.grouping(),
                    i + 1,
                    c.goal == null ? null : c.goal.id(),
                    c.modalityIndex != Integer.MAX_VALUE,
                    !c.matchedInterests.isEmpty(),
                    c.assigned != null,
                    c.inProgress,
                    c::reasons));
        }
        return options;
    }

    private static boolean alignedToAny(Activity activity, List<String> competencyIds) {
        for (String competencyId : activity.competencyIds()) {
            if (competencyIds.contains(competencyId)) {
                return true;
            }
        }
        return false;
    }

    private static Candidate candidate(
            Activity activity,
            String competencyId,
            Overrides overrides,
            Goal goal,
            Set<String> interests,
            LearnerProfile profile,
            boolean inProgress,
            int position) {
        List<String> matchedInterests = List.of();
        if (!interests.isEmpty()) {
            for (String tag : activity.tags()) {
                if (interests.contains(tag.toLowerCase())) {
                    if (matchedInterests.isEmpty()) {
                        matchedInterests = new ArrayList<>(2);
                    }
                    matchedInterests.add(tag);
                }
            }
        }
        int modalityIndex = profile.preferredModalities().indexOf(activity.modality());
        boolean groupingMatch =
                profile.preferredGrouping() != null && profile.preferredGrouping() == activity.grouping();
        return new Candidate(
                activity,
                competencyId,
                overrides.assignedSteps().get(activity.id()),
                goal,
                matchedInterests,
                modalityIndex < 0 ? Integer.MAX_VALUE : modalityIndex,
                groupingMatch,
                inProgress,
                position < 0 ? Integer.MAX_VALUE : position);
    }

    /**
     * An activity being ranked. Its reasons are put into words only when an option is read: most options are
     * ranked, excluded or cut by the option limit without anyone reading why.
     */
    private record Candidate(
            Activity activity,
            String competencyId,
            TeacherOverride assigned,
            Goal goal,
            List<String> matchedInterests,
            int modalityIndex,
            boolean groupingMatch,
            boolean inProgress,
            int competencyOrder) {

        /**
         * Teacher-assigned first, then on a goal, more interests matched, more preferred modality, preferred
         * grouping, in progress, framework order, activity id.
         */
        static int bestFirst(Candidate a, Candidate b) {
            int c = Boolean.compare(a.assigned == null, b.assigned == null);
            if (c == 0) {
                c = Boolean.compare(a.goal == null, b.goal == null);
            }
            if (c == 0) {
                c = Integer.compare(b.matchedInterests.size(), a.matchedInterests.size());
            }
            if (c == 0) {
                c = Integer.compare(a.modalityIndex, b.modalityIndex);
            }
            if (c == 0) {
                c = Boolean.compare(!a.groupingMatch, !b.groupingMatch);
            }
            if (c == 0) {
                c = Boolean.compare(!a.inProgress, !b.inProgress);
            }
            if (c == 0) {
                c = Integer.compare(a.competencyOrder, b.competencyOrder);
            }
            return c != 0 ? c : a.activity.id().compareTo(b.activity.id());
        }

        List<String> reasons() {
            List<String> reasons = new ArrayList<>(4);
            if (assigned != null) {
                reasons.add("assigned by " + assigned.author() + ": " + assigned.reason());
            }
            if (goal != null) {
                reasons.add("on the learner's goal '" + (goal.description().isEmpty() ? goal.id() : goal.description())
                        + "'");
            }
            if (!matchedInterests.isEmpty()) {
                reasons.add("matches the learner's interest in " + String.join(", ", matchedInterests));
            }
            if (modalityIndex != Integer.MAX_VALUE) {
                reasons.add("in the learner's preferred modality ("
                        + activity.modality().name().toLowerCase() + ")");
            }
            if (groupingMatch) {
                reasons.add("in the learner's preferred grouping ("
                        + activity.grouping().name().toLowerCase().replace('_', ' ') + ")");
            }
            if (inProgress) {
                reasons.add("continues " + competencyId + ", already in progress");
            } else if (assigned == null) {
                reasons.add("ready to learn " + competencyId + ": every prerequisite mastered");
            }
            return reasons;
        }
    }
}
