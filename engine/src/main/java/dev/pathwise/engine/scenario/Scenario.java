package dev.pathwise.engine.scenario;

import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.facts.FlagKind;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.MasteryLevel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One scenario: given a learner (and mastery states and evidence), when evidence arrives, then levels, flags and
 * next steps are as expected.
 *
 * @param name          what it checks, in words
 * @param file          the scenario file
 * @param framework     the framework file it uses
 * @param profile       the learner
 * @param givenLevels   mastery levels the learner starts with, by competency
 * @param givenEvidence evidence evaluated before {@code when}
 * @param whenEvidence  the evidence the scenario is about
 * @param asOf          when flags and next steps are read; {@code null} for the last evidence's evaluation
 * @param expected      what must hold afterwards
 */
public record Scenario(
        String name,
        String file,
        String framework,
        LearnerProfile profile,
        Map<String, MasteryLevel> givenLevels,
        List<Evidence> givenEvidence,
        List<Evidence> whenEvidence,
        Instant asOf,
        Expected expected) {

    /**
     * What must hold after {@code when}; {@code null} fields are not checked.
     *
     * @param levels           the level of each competency named
     * @param flags            exactly these flags (kind and competency), in any order
     * @param nextSteps        exactly these activities, in this order
     * @param nextStepsAnyOrder exactly these activities, in any order
     * @param optionCount      how many next steps are offered
     */
    public record Expected(
            Map<String, MasteryLevel> levels,
            List<ExpectedFlag> flags,
            List<String> nextSteps,
            List<String> nextStepsAnyOrder,
            Integer optionCount) {}

    /** A flag as a scenario names it: its kind and the competency (or {@code null} for the learner as a whole). */
    public record ExpectedFlag(FlagKind kind, String competencyId) {

        @Override
        public String toString() {
            String kindName = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            return competencyId == null ? kindName : kindName + " " + competencyId;
        }
    }
}
