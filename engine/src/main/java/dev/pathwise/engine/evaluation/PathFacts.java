package dev.pathwise.engine.evaluation;

import dev.pathwise.engine.facts.GoalPace;
import dev.pathwise.engine.facts.Learner;
import dev.pathwise.engine.facts.Option;
import dev.pathwise.engine.facts.Pace;
import dev.pathwise.engine.facts.Progress;
import dev.pathwise.engine.facts.ReadyCompetency;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.learner.CompetencyRecord;
import dev.pathwise.engine.learner.Goal;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.Observation;
import dev.pathwise.engine.planner.Planner;
import dev.pathwise.engine.policy.BandParameters;
import dev.pathwise.engine.policy.RuleRun;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts the {@code pacing}, {@code choice-classify} and {@code choice-decide} phases decide on: the learner with
 * their counts, the progress on each unmastered leaf, the pace since the plan start and toward each goal, the ready
 * competencies and the options the planner ranked.
 */
final class PathFacts {

    private PathFacts() {}

    /** Inserts the path facts of {@code learner} as they stand at {@code now}. */
    static void insert(
            RuleRun session,
            Framework framework,
            LearnerSnapshot learner,
            BandParameters parameters,
            List<String> ready,
            List<Option> options,
            Instant now) {
        LearnerProfile profile = learner.profile();
        int inProgress = 0;
        int mastered = 0;
        for (CompetencyRecord record : learner.competencies().values()) {
            String id = record.state().competencyId();
            if (!framework.contains(id) || !framework.isLeaf(id)) {
                continue;
            }
            if (record.state().level().isMastered()) {
                mastered++;
            } else if (record.state().evidenceCount() > 0) {
                inProgress++;
                session.insert(new Progress(
                        id,
                        record.state().level(),
                        record.state().score(),
                        record.state().evidenceCount(),
                        consecutiveBelow(record, parameters.getApproachingThreshold())));
            }
        }
        session.insert(new Learner(
                profile.learnerId(),
                profile.grade(),
                profile.gradeBand().label(),
                profile.schoolId(),
                profile.goals().size(),
                inProgress,
                mastered));
        LocalDate planStart = profile.planStart();
        if (planStart != null) {
            insertPace(session, learner, planStart.atStartOfDay(ZoneOffset.UTC).toInstant(), mastered, now);
        }
        insertReadyCompetencies(session, learner, ready, options);
        if (session.matches(Option.class)) {
            for (Option option : options) {
                session.insert(option);
            }
        }
    }

    /** The pace since the plan start and toward each goal with a target date, once the plan has started. */
    private static void insertPace(RuleRun session, LearnerSnapshot learner, Instant start, int mastered, Instant now) {
        if (now.isBefore(start)) {
            return;
        }
        double weeks = Duration.between(start, now).toSeconds() / (7.0 * 24 * 3600);
        session.insert(new Pace(weeks, mastered));
        for (Goal goal : learner.profile().goals()) {
            if (goal.targetDate() == null || goal.competencyIds().isEmpty()) {
                continue;
            }
            Instant target = goal.targetDate().atStartOfDay(ZoneOffset.UTC).toInstant();
            double span = Duration.between(start, target).toSeconds();
            double fraction = span <= 0 ? 1.0 : Duration.between(start, now).toSeconds() / span;
            int goalMastered = 0;
            for (String id : goal.competencyIds()) {
                if (learner.level(id).isMastered()) {
                    goalMastered++;
                }
            }
            session.insert(new GoalPace(
                    goal.id(),
                    goal.description().isEmpty() ? goal.id() : goal.description(),
                    goal.competencyIds().size(),
                    goalMastered,
                    fraction,
                    goal.targetDate()));
        }
    }

    /** One {@link ReadyCompetency} per ready competency, counting the options the planner ranked for it. */
    private static void insertReadyCompetencies(
            RuleRun session, LearnerSnapshot learner, List<String> ready, List<Option> options) {
        Map<String, OptionCounts> counts = new HashMap<>(ready.size() * 2);
        for (String id : ready) {
            counts.put(id, OptionCounts.NONE);
        }
        for (Option option : options) {
            counts.computeIfPresent(option.getCompetencyId(), (id, count) -> count.plus(option));
        }
        List<Goal> goals = learner.profile().goals();
        for (String id : ready) {
            OptionCounts count = counts.get(id);
            boolean onGoal = false;
            for (Goal goal : goals) {
                onGoal |= goal.competencyIds().contains(id);
            }
            session.insert(new ReadyCompetency(
                    id, Planner.inProgress(learner, id), count.options(), count.inPreferredModality(), onGoal));
        }
    }

    /** How many of the latest results in a row scored below the approaching threshold. */
    static int consecutiveBelow(CompetencyRecord record, double threshold) {
        List<Observation> observations = record.observations();
        int count = 0;
        for (int i = observations.size() - 1; i >= 0 && observations.get(i).score() < threshold; i--) {
            count++;
        }
        return count;
    }

    /** The options the planner ranked for one competency, and how many of them are in a preferred modality. */
    private record OptionCounts(int options, int inPreferredModality) {

        static final OptionCounts NONE = new OptionCounts(0, 0);

        OptionCounts plus(Option option) {
            return new OptionCounts(options + 1, inPreferredModality + (option.isMatchesModality() ? 1 : 0));
        }
    }
}
