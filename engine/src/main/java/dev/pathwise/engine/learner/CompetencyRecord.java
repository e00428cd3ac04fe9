package dev.pathwise.engine.learner;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the engine keeps for one learner on one competency: the observations in order and the current state.
 *
 * @param state        current mastery state
 * @param observations the normalized scores, oldest first by the time they were observed
 */
public record CompetencyRecord(MasteryState state, List<Observation> observations) {

    public CompetencyRecord {
        observations = List.copyOf(observations);
    }

    public static CompetencyRecord empty(String competencyId) {
        return new CompetencyRecord(MasteryState.none(competencyId), List.of());
    }

    /**
     * This record with {@code observation} in its place in time: after every observation observed at or before it,
     * so evidence that arrives late still counts in the order it was observed (and ties in the order they came).
     */
    public CompetencyRecord with(Observation observation) {
        int place = observations.size();
        while (place > 0 && observations.get(place - 1).at().isAfter(observation.at())) {
            place--;
        }
        List<Observation> next = new ArrayList<>(observations.size() + 1);
        next.addAll(observations.subList(0, place));
        next.add(observation);
        next.addAll(observations.subList(place, observations.size()));
        return new CompetencyRecord(state, next);
    }

    public CompetencyRecord withState(MasteryState next) {
        return new CompetencyRecord(next, observations);
    }

    /** The scores, oldest first, as the mastery methods take them. */
    public double[] scores() {
        double[] scores = new double[observations.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = observations.get(i).score();
        }
        return scores;
    }
}
