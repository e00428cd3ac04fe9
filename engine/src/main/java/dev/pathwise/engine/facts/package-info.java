/**
 * The fact model rule files are written against: what the engine inserts (Learner, Assessment, ChildrenRollup,
 * Pace, GoalPace, Progress, ReadyCompetency, Option), what rules derive with insertLogical (Shortfall,
 * LevelProposal, DroppedBack, Struggling), and the {@code decisions} global that "decide" rules report
 * to.
 */
package dev.pathwise.engine.facts;
