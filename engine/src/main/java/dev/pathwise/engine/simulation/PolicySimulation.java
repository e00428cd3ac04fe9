package dev.pathwise.engine.simulation;

import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evaluation.MasteryChange;
import dev.pathwise.engine.evaluation.MasteryStep;
import dev.pathwise.engine.evaluation.NextStepOption;
import dev.pathwise.engine.evaluation.PathUpdate;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.evaluation.Timeline;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.policy.CompiledPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Replays every learner's evidence (in the order it counts, {@link Timeline}: by observation time, ties in the order
 * given, each at its own time) under the current and the candidate policy, and compares final levels, then flags and
 * next steps as they stand after the learner's last evidence.
 */
public final class PolicySimulation {

    private final PathwayEvaluator evaluator = new PathwayEvaluator();

    /** The outcome of one learner under one policy. */
    private record Outcome(
            Map<String, String> levels, Map<String, String> why, List<String> flags, List<String> steps) {}

    /** @param evidence every learner's evidence in the order it arrived (stored or listed) */
    public SimulationReport run(
            CompiledPolicy current,
            CompiledPolicy candidate,
            Curriculum curriculum,
            List<LearnerProfile> learners,
            List<Evidence> evidence,
            int sampleSize) {
        Map<String, List<Evidence>> byLearner = new HashMap<>();
        for (Evidence item : evidence) {
            byLearner.computeIfAbsent(item.learnerId(), id -> new ArrayList<>()).add(item);
        }
        Map<String, int[]> byBand = new TreeMap<>();
        Map<String, int[]> bySchool = new TreeMap<>();
        List<LearnerDiff> changed = new ArrayList<>();
        List<LearnerProfile> ordered = new ArrayList<>(learners);
        ordered.sort(Comparator.comparing(LearnerProfile::learnerId));
        for (LearnerProfile profile : ordered) {
            List<Evidence> items = Timeline.inOrder(byLearner.getOrDefault(profile.learnerId(), List.of()));
            Outcome before = replay(current, curriculum, profile, items);
            Outcome after = replay(candidate, curriculum, profile, items);
            String band = profile.gradeBand().label();
            String school = profile.schoolId().isEmpty() ? "(none)" : profile.schoolId();
            byBand.computeIfAbsent(band, b -> new int[2])[1]++;
            bySchool.computeIfAbsent(school, s -> new int[2])[1]++;
            List<LearnerDiff.LevelDiff> levels = new ArrayList<>();
            for (String id :
                    new TreeSet<>(union(before.levels().keySet(), after.levels().keySet()))) {
                String was = before.levels().getOrDefault(id, "no evidence");
                String now = after.levels().getOrDefault(id, "no evidence");
                if (!was.equals(now)) {
                    levels.add(new LearnerDiff.LevelDiff(
                            id,
                            was,
                            now,
                            before.why().getOrDefault(id, ""),
                            after.why().getOrDefault(id, "")));
                }
            }
            if (!levels.isEmpty()
                    || !before.flags().equals(after.flags())
                    || !before.steps().equals(after.steps())) {
                changed.add(new LearnerDiff(
                        profile.learnerId(),
                        band,
                        school,
                        levels,
                        before.flags(),
                        after.flags(),
                        before.steps(),
                        after.steps()));
                byBand.get(band)[0]++;
                bySchool.get(school)[0]++;
            }
        }
        return new SimulationReport(
                current.versionLabel(),
                candidate.versionLabel(),
                learners.size(),
                evidence.size(),
                changed,
                counts(byBand),
                counts(bySchool),
                changed.subList(0, Math.min(sampleSize, changed.size())));
    }

    private Outcome replay(CompiledPolicy policy, Curriculum curriculum, LearnerProfile profile, List<Evidence> items) {
        LearnerSnapshot learner = LearnerSnapshot.fresh(profile);
        Map<String, String> why = new HashMap<>();
        Instant last = null;
        for (Evidence item : items) {
            MasteryStep step = evaluator.evaluateMastery(policy, curriculum, learner, item);
            learner = step.learner();
            last = item.observedAt();
            for (MasteryChange change : step.changes()) {
                why.put(change.competencyId(), change.explanation());
            }
        }
        Map<String, String> levels = new TreeMap<>();
        learner.competencies()
                .forEach((id, record) -> levels.put(id, record.state().level().label()));
        List<String> flags = List.of();
        List<String> steps = List.of();
        if (last != null) {
            PathUpdate update = evaluator.nextSteps(policy, curriculum, learner, last);
            flags = update.flags().stream()
                    .map(f -> f.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')
                            + (f.competencyId() == null ? "" : " " + f.competencyId()))
                    .sorted()
                    .toList();
            steps = update.nextSteps().stream().map(NextStepOption::activityId).toList();
        }
        return new Outcome(levels, why, flags, steps);
    }

    private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
        java.util.Set<T> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, SimulationReport.Count> counts(Map<String, int[]> raw) {
        Map<String, SimulationReport.Count> counts = new LinkedHashMap<>();
        raw.forEach((key, value) -> counts.put(key, new SimulationReport.Count(value[0], value[1])));
        return counts;
    }
}
