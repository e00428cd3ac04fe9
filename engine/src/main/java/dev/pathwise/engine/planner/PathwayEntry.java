package dev.pathwise.engine.planner;

import dev.pathwise.engine.learner.MasteryLevel;
import java.util.List;

/**
 * One competency on a learner's pathway.
 *
 * @param competencyId          the competency
 * @param status                mastered, in progress, ready or locked
 * @param level                 the current level
 * @param missingPrerequisites  the prerequisites not mastered yet (empty unless locked)
 */
public record PathwayEntry(
        String competencyId, PathwayStatus status, MasteryLevel level, List<String> missingPrerequisites) {}
