package dev.pathwise.engine.evaluation;

import dev.pathwise.engine.facts.Explanation;
import dev.pathwise.engine.learner.MasteryLevel;
import java.util.List;

/**
 * How one competency's mastery moved with an evaluation (it may stay at the same level with a new score).
 *
 * @param competencyId  the competency
 * @param from          level before
 * @param to            level after
 * @param fromScore     score before
 * @param toScore       score after
 * @param method        the method that computed the score ("decaying_average", ...); for a parent, what its level
 *                      rests on ("rollup (2 of 3 children mastered)")
 * @param evidenceCount evidence it now rests on
 * @param why           the rule and values that set the level (or the teacher override)
 * @param shortfalls    what still stands in the way of mastery, each with its rule
 */
public record MasteryChange(
        String competencyId,
        MasteryLevel from,
        MasteryLevel to,
        double fromScore,
        double toScore,
        String method,
        int evidenceCount,
        Explanation why,
        List<Explanation> shortfalls) {

    /** "Mastered: decaying average 0.82 >= threshold 0.80 for grade band 6-8 (rule "...")". */
    public String explanation() {
        String label = to.label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1) + ": " + why;
    }
}
