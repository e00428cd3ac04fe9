package dev.pathwise.engine.evaluation;

import dev.pathwise.engine.facts.Explanation;
import dev.pathwise.engine.facts.Flag;
import dev.pathwise.engine.policy.RuleFiring;
import java.time.Instant;
import java.util.List;

/**
 * What one evaluation decided for a learner, every item with its explanation.
 *
 * @param learnerId      the learner
 * @param evidenceId     the evidence evaluated, or {@code null} for a next-step query or an override
 * @param policyVersion  "policy@version" that decided it
 * @param evaluatedAt    the time the evaluation was made for (passed in, never read from a clock)
 * @param masteryChanges mastery per leaf the evaluation touched, then each parent whose level or score moved
 * @param unlocked       competencies newly ready to learn
 * @param droppedBack    competencies no longer mastered
 * @param flags          behind pace, struggling, stalled, each with a suggested support
 * @param nextSteps      the options the learner sees, ranked
 * @param requiredSteps  steps the learner must take
 * @param optionLimit    how many options the policy lets the learner see, and why ({@code null} when no rule said)
 * @param trace          the rules that fired, in order
 * @param late           set when the evidence (or override) counted before something already counted: it was placed
 *                       at its time and the learner rebuilt; {@code null} when it simply counted last
 */
public record PathUpdate(
        String learnerId,
        String evidenceId,
        String policyVersion,
        Instant evaluatedAt,
        List<MasteryChange> masteryChanges,
        List<CompetencyEvent> unlocked,
        List<CompetencyEvent> droppedBack,
        List<Flag> flags,
        List<NextStepOption> nextSteps,
        List<RequiredStep> requiredSteps,
        Explanation optionLimit,
        List<RuleFiring> trace,
        LateArrival late) {}
