package dev.pathwise.benchmarks.baseline;

import dev.pathwise.engine.activity.ActivityKind;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.facts.Assessment;
import dev.pathwise.engine.facts.ChildrenRollup;
import dev.pathwise.engine.facts.Decisions;
import dev.pathwise.engine.facts.DroppedBack;
import dev.pathwise.engine.facts.FlagKind;
import dev.pathwise.engine.facts.GoalPace;
import dev.pathwise.engine.facts.Learner;
import dev.pathwise.engine.facts.LevelProposal;
import dev.pathwise.engine.facts.Option;
import dev.pathwise.engine.facts.Pace;
import dev.pathwise.engine.facts.Progress;
import dev.pathwise.engine.facts.ReadyCompetency;
import dev.pathwise.engine.facts.Shortfall;
import dev.pathwise.engine.facts.Support;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.mastery.Rollup;
import dev.pathwise.engine.policy.BandParameters;
import dev.pathwise.engine.policy.RuleFiring;
import dev.pathwise.engine.policy.RuleLoopException;
import dev.pathwise.engine.policy.RuleRun;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The default policy pack ({@code mastery.drl}, {@code pacing.drl}, {@code choice.drl}) written out in plain Java:
 * given the facts the evaluator inserts, it makes the same decisions, phase by phase, through the same
 * {@link Decisions} methods with the same rule names and explanation patterns. It is the baseline the Drools
 * figures are divided by, and the other side of the differential test.
 *
 * <p>Where the rules derive facts with {@code insertLogical}, this class computes their final, truth-maintained
 * state directly: a Shortfall blocks the Mastered and Exceeding proposals, and the highest proposal wins.
 *
 * <p>One instance serves one evaluation on one thread, like a {@link dev.pathwise.engine.policy.RuleSession}.
 * It ignores rule files: it is the default pack only (with any parameters).
 *
 * <p>Why one class of over 400 lines: it is the hand-coded twin of the three rule files, which the differential test
 * ({@code HandCodedPolicyMatchesRulesTest}) compares with the rules on generated learners. Each rule of the pack is
 * one named {@link HandCodedRule} and one block here, grouped by rule file and phase as the files group them, so that
 * a change to a rule is made at the same place in both and a reviewer reads them side by side; split into classes,
 * the twin would no longer read like the files it mirrors. It grows only when the default pack gains a rule.
 */
public final class HandCodedDefaultPolicy implements RuleRun {

    // mastery.drl
    static final HandCodedRule MINIMUM_EVIDENCE =
            new HandCodedRule("Mastery needs the grade band's minimum number of evidence", "mastery-classify");
    static final HandCodedRule SUMMATIVE_REQUIRED = new HandCodedRule(
            "Mastery needs a summative assessment where the grade band requires one", "mastery-classify");
    static final HandCodedRule METHOD_NOT_YET =
            new HandCodedRule("Mastery waits while the method says not yet", "mastery-classify");
    static final HandCodedRule BEGINNING = new HandCodedRule("Beginning once there is evidence", "mastery-classify");
    static final HandCodedRule APPROACHING =
            new HandCodedRule("Approaching when the score reaches the approaching threshold", "mastery-classify");
    static final HandCodedRule MASTERED =
            new HandCodedRule("Mastered when the mastery score reaches the grade-band threshold", "mastery-classify");
    static final HandCodedRule EXCEEDING =
            new HandCodedRule("Exceeding when the mastery score reaches the exceeding threshold", "mastery-classify");
    static final HandCodedRule STAYS_MASTERED =
            new HandCodedRule("Stays mastered while the score holds at the demotion threshold", "mastery-classify");
    static final HandCodedRule DROPS_BACK = new HandCodedRule(
            "Drops back when a mastered score falls below the demotion threshold", "mastery-classify");
    static final HandCodedRule HIGHEST_LEVEL =
            new HandCodedRule("The highest level proposed becomes the competency's level", "mastery-decide");
    static final HandCodedRule REPORT_SHORTFALL =
            new HandCodedRule("What still stands in the way of mastery is reported with the level", "mastery-decide");
    static final HandCodedRule REPORT_DROPPED_BACK =
            new HandCodedRule("A competency that dropped back is reported with its reason", "mastery-decide");
    static final HandCodedRule PARENT_MASTERED =
            new HandCodedRule("A parent is mastered when its children meet the grade band's rollup rule", "rollup");
    static final HandCodedRule PARENT_APPROACHING =
            new HandCodedRule("A parent is approaching while some but not enough children are mastered", "rollup");
    static final HandCodedRule PARENT_BEGINNING =
            new HandCodedRule("A parent is beginning while its children have evidence but none is mastered", "rollup");
    static final HandCodedRule PARENT_NO_EVIDENCE =
            new HandCodedRule("A parent without evidence on any child has no evidence", "rollup");
    // pacing.drl
    static final HandCodedRule BEHIND_PACE = new HandCodedRule(
            "Behind pace when mastered competencies fall under the grade band's weekly floor", "pacing");
    static final HandCodedRule BEHIND_ON_GOAL =
            new HandCodedRule("Behind pace on a goal when progress trails the time toward its target date", "pacing");
    static final HandCodedRule STRUGGLING =
            new HandCodedRule("Struggling after consecutive results below approaching on one competency", "pacing");
    static final HandCodedRule STALLED = new HandCodedRule(
            "Stalled when a competency stays unmastered after the grade band's evidence limit", "pacing");
    // choice.drl
    static final HandCodedRule REMEDIATION =
            new HandCodedRule("A struggling competency's mini-lesson comes first as remediation", "choice-decide");
    static final HandCodedRule IN_PROGRESS_LIMIT =
            new HandCodedRule("No new competency while the in-progress limit is reached", "choice-decide");
    static final HandCodedRule PREFERRED_MODALITY = new HandCodedRule(
            "Prefer the learner's preferred modality where the competency offers it", "choice-decide");
    static final HandCodedRule TEACHER_DIRECTED =
            new HandCodedRule("Teacher-directed grade bands get one next step chosen by the policy", "choice-decide");
    static final HandCodedRule UP_TO_MAX_OPTIONS =
            new HandCodedRule("Learners choose among up to the grade band's number of options", "choice-decide");
    static final HandCodedRule EVERY_READY_OPTION = new HandCodedRule(
            "Learners choose among every ready option when the grade band sets no limit", "choice-decide");
    static final HandCodedRule KEEP_GOAL_OPTION =
            new HandCodedRule("Keep one option on the learner's goal when one exists", "choice-decide");

    private Decisions decisions;
    private BandParameters parameters;
    private Learner learner;
    private final List<Pace> paces = new ArrayList<>(1);
    private final List<Assessment> assessments = new ArrayList<>(2);
    private final List<ChildrenRollup> rollups = new ArrayList<>(4);
    private int rollupsFired;
    private final List<GoalPace> goals = new ArrayList<>(2);
    private final List<Progress> progress = new ArrayList<>(8);
    private final List<ReadyCompetency> ready = new ArrayList<>(8);

    // derived facts, as insertLogical leaves them once a phase is done
    private final List<Shortfall> shortfalls = new ArrayList<>(4);
    private final List<LevelProposal> proposals = new ArrayList<>(8);
    private final List<DroppedBack> droppedBack = new ArrayList<>(1);
    private final Set<String> struggling = new HashSet<>(4);

    private final List<RuleFiring> firings = new ArrayList<>(32);
    private int limit;
    private int firedInCall;

    /** An evaluator running the hand-coded default policy in place of the compiled rules. */
    public static PathwayEvaluator evaluator() {
        return new PathwayEvaluator(PathwayEvaluator.DEFAULT_FIRING_LIMIT, policy -> new HandCodedDefaultPolicy());
    }

    @Override
    public void setGlobal(String name, Object value) {
        if (!"decisions".equals(name)) {
            throw new IllegalArgumentException("global '" + name + "': the default pack declares only 'decisions'");
        }
        decisions = (Decisions) value;
    }

    @Override
    public void insert(Object fact) {
        if (fact instanceof ReadyCompetency r) {
            ready.add(r);
        } else if (fact instanceof Progress p) {
            progress.add(p);
        } else if (fact instanceof Assessment a) {
            assessments.add(a);
        } else if (fact instanceof ChildrenRollup r) {
            rollups.add(r);
        } else if (fact instanceof GoalPace g) {
            goals.add(g);
        } else if (fact instanceof Learner l) {
            learner = l;
        } else if (fact instanceof Pace p) {
            paces.add(p);
        } else if (fact instanceof BandParameters b) {
            parameters = b;
        } else {
            throw new IllegalArgumentException("fact " + fact + ": the default pack has no rule about "
                    + fact.getClass().getSimpleName());
        }
    }

    /** No rule of the default pack reads an {@link Option}: the choice rules decide per {@link ReadyCompetency}. */
    @Override
    public boolean matches(Class<?> factType) {
        return factType != Option.class;
    }

    @Override
    public void fire(int limit, String... phases) {
        this.limit = limit;
        this.firedInCall = 0;
        for (String phase : phases) {
            switch (phase) {
                case "mastery-classify" -> classifyMastery();
                case "mastery-decide" -> decideMastery();
                case "rollup" -> rollUp();
                case "pacing" -> pace();
                case "choice-classify" -> classifyChoice();
                case "choice-decide" -> decideChoice();
                default ->
                    throw new IllegalArgumentException("phase '" + phase + "' is not a phase of the default pack");
            }
        }
    }

    private void fired(HandCodedRule rule) {
        firings.add(new RuleFiring(rule.getName(), rule.phase()));
        if (++firedInCall >= limit) {
            throw new RuleLoopException(limit, List.of(rule.getName()));
        }
    }

    // ---- mastery.drl -------------------------------------------------------------------------------------

    private void classifyMastery() {
        BandParameters p = parameters;
        String band = p.getGradeBand();
        for (Assessment a : assessments) {
            String id = a.getCompetencyId();
            boolean shortfall = false;
            if (a.getEvidenceCount() < p.getMinimumEvidence()) {
                fired(MINIMUM_EVIDENCE);
                shortfalls.add(Shortfall.of(
                        MINIMUM_EVIDENCE,
                        id,
                        "%d of the %d pieces of evidence needed",
                        a.getEvidenceCount(),
                        p.getMinimumEvidence()));
                shortfall = true;
            }
            if (p.isSummativeRequired() && a.getSummativeCount() == 0) {
                fired(SUMMATIVE_REQUIRED);
                shortfalls.add(Shortfall.of(
                        SUMMATIVE_REQUIRED, id, "no summative assessment yet, required for grade band %s", band));
                shortfall = true;
            }
            if (!a.isMethodAllowsMastery()) {
                fired(METHOD_NOT_YET);
                shortfalls.add(Shortfall.of(METHOD_NOT_YET, id, "%s: %s", a.getMethod(), a.getMethodNote()));
                shortfall = true;
            }
            double score = a.getScore();
            if (a.getEvidenceCount() > 0) {
                fired(BEGINNING);
                proposals.add(LevelProposal.of(
                        BEGINNING,
                        id,
                        MasteryLevel.BEGINNING,
                        "%s %.2f from %d piece(s) of evidence",
                        a.getMethod(),
                        score,
                        a.getEvidenceCount()));
            }
            if (score >= p.getApproachingThreshold()) {
                fired(APPROACHING);
                proposals.add(LevelProposal.of(
                        APPROACHING,
                        id,
                        MasteryLevel.APPROACHING,
                        "%s %.2f >= approaching threshold %.2f for grade band %s",
                        a.getMethod(),
                        score,
                        p.getApproachingThreshold(),
                        band));
            }
            if (score >= p.getMasteredThreshold() && !shortfall) {
                fired(MASTERED);
                proposals.add(LevelProposal.of(
                        MASTERED,
                        id,
                        MasteryLevel.MASTERED,
                        "%s %.2f >= threshold %.2f for grade band %s",
                        a.getMethod(),
                        score,
                        p.getMasteredThreshold(),
                        band));
            }
            if (score >= p.getExceedingThreshold() && !shortfall) {
                fired(EXCEEDING);
                proposals.add(LevelProposal.of(
                        EXCEEDING,
                        id,
                        MasteryLevel.EXCEEDING,
                        "%s %.2f >= exceeding threshold %.2f for grade band %s",
                        a.getMethod(),
                        score,
                        p.getExceedingThreshold(),
                        band));
            }
            if (a.isPreviouslyMastered() && score >= p.getDemotionThreshold() && score < p.getMasteredThreshold()) {
                fired(STAYS_MASTERED);
                proposals.add(LevelProposal.of(
                        STAYS_MASTERED,
                        id,
                        MasteryLevel.MASTERED,
                        "%s %.2f is below threshold %.2f but holds at demotion threshold %.2f for grade band %s",
                        a.getMethod(),
                        score,
                        p.getMasteredThreshold(),
                        p.getDemotionThreshold(),
                        band));
            }
            if (a.isPreviouslyMastered() && score < p.getDemotionThreshold()) {
                fired(DROPS_BACK);
                droppedBack.add(DroppedBack.of(
                        DROPS_BACK,
                        id,
                        "%s %.2f < demotion threshold %.2f for grade band %s",
                        a.getMethod(),
                        score,
                        p.getDemotionThreshold(),
                        band));
            }
        }
    }

    private void decideMastery() {
        for (Assessment a : assessments) {
            LevelProposal top = null;
            for (LevelProposal proposal : proposals) {
                if (proposal.getCompetencyId().equals(a.getCompetencyId())
                        && (top == null || proposal.getValue() > top.getValue())) {
                    top = proposal;
                }
            }
            if (top != null) {
                fired(HIGHEST_LEVEL);
                decisions.level(top);
            }
        }
        for (Shortfall shortfall : shortfalls) {
            fired(REPORT_SHORTFALL);
            decisions.shortfall(shortfall);
        }
        for (DroppedBack dropped : droppedBack) {
            fired(REPORT_DROPPED_BACK);
            decisions.droppedBack(dropped);
        }
    }

    private void rollUp() {
        Rollup rollup = parameters.getRollup();
        String band = parameters.getGradeBand();
        for (; rollupsFired < rollups.size(); rollupsFired++) {
            ChildrenRollup r = rollups.get(rollupsFired);
            int mastered = r.getMasteredChildren();
            int children = r.getChildCount();
            if (rollup.isSatisfied(mastered, children)) {
                fired(PARENT_MASTERED);
                decisions.level(LevelProposal.of(
                        PARENT_MASTERED,
                        r.getParentId(),
                        MasteryLevel.MASTERED,
                        "%d of %d children mastered meets the rollup rule '%s' for grade band %s",
                        mastered,
                        children,
                        rollup.describe(),
                        band));
            } else if (mastered > 0) {
                fired(PARENT_APPROACHING);
                decisions.level(LevelProposal.of(
                        PARENT_APPROACHING,
                        r.getParentId(),
                        MasteryLevel.APPROACHING,
                        "%d of %d children mastered; the rollup rule needs %s",
                        mastered,
                        children,
                        rollup.describe()));
            } else if (r.getChildrenWithEvidence() > 0) {
                fired(PARENT_BEGINNING);
                decisions.level(LevelProposal.of(
                        PARENT_BEGINNING,
                        r.getParentId(),
                        MasteryLevel.BEGINNING,
                        "%d of %d children have evidence, none mastered yet",
                        r.getChildrenWithEvidence(),
                        children));
            } else {
                fired(PARENT_NO_EVIDENCE);
                decisions.level(LevelProposal.of(
                        PARENT_NO_EVIDENCE,
                        r.getParentId(),
                        MasteryLevel.NO_EVIDENCE,
                        "none of its %d children has evidence",
                        children));
            }
        }
    }

    // ---- pacing.drl --------------------------------------------------------------------------------------

    private void pace() {
        BandParameters p = parameters;
        String band = p.getGradeBand();
        double floor = p.getPacingFloorPerWeek();
        for (Pace pace : paces) {
            if (pace.getWeeksElapsed() >= p.getPacingGraceWeeks()
                    && pace.getMasteredCount() < floor * pace.getWeeksElapsed()) {
                fired(BEHIND_PACE);
                double expected = floor * pace.getWeeksElapsed();
                decisions.flag(
                        BEHIND_PACE,
                        FlagKind.BEHIND_PACE,
                        null,
                        null,
                        expected - pace.getMasteredCount(),
                        Support.SMALL_GROUP,
                        "%d competencies mastered in %.1f weeks, below the floor of %.2f a week for grade band %s (%.1f expected, %.1f behind)",
                        pace.getMasteredCount(),
                        pace.getWeeksElapsed(),
                        floor,
                        band,
                        expected,
                        expected - pace.getMasteredCount());
            }
        }
        for (GoalPace goal : goals) {
            if (goal.getMasteredCount() < goal.getExpectedMastered()
                    && goal.getMasteredCount() < goal.getCompetencyCount()) {
                fired(BEHIND_ON_GOAL);
                decisions.flag(
                        BEHIND_ON_GOAL,
                        FlagKind.BEHIND_PACE,
                        null,
                        goal.getGoalId(),
                        goal.getExpectedMastered() - goal.getMasteredCount(),
                        Support.TEACHER_CONFERENCE,
                        "goal '%s': %d of %d competencies mastered with %.0f%% of the time to %s gone (%.1f expected)",
                        goal.getDescription(),
                        goal.getMasteredCount(),
                        goal.getCompetencyCount(),
                        Math.min(1.0, goal.getElapsedFraction()) * 100,
                        goal.getTargetDate(),
                        goal.getExpectedMastered());
            }
        }
        int struggleAfter = p.getStruggleAfter();
        for (Progress progress : this.progress) {
            if (progress.getConsecutiveBelowApproaching() >= struggleAfter) {
                fired(STRUGGLING);
                struggling.add(progress.getCompetencyId());
                decisions.flag(
                        STRUGGLING,
                        FlagKind.STRUGGLING,
                        progress.getCompetencyId(),
                        null,
                        progress.getConsecutiveBelowApproaching(),
                        Support.MINI_LESSON,
                        "%d results in a row below approaching on %s (the grade band allows %d)",
                        progress.getConsecutiveBelowApproaching(),
                        progress.getCompetencyId(),
                        struggleAfter - 1);
            }
        }
        int stalledAfter = p.getStalledAfter();
        for (Progress progress : this.progress) {
            if (progress.getEvidenceCount() >= stalledAfter) {
                fired(STALLED);
                decisions.flag(
                        STALLED,
                        FlagKind.STALLED,
                        progress.getCompetencyId(),
                        null,
                        progress.getEvidenceCount(),
                        Support.TEACHER_CONFERENCE,
                        "%d pieces of evidence on %s without mastery (limit %d for grade band %s)",
                        progress.getEvidenceCount(),
                        progress.getCompetencyId(),
                        stalledAfter,
                        band);
            }
        }
    }

    // ---- choice.drl --------------------------------------------------------------------------------------

    private void classifyChoice() {
        // the default pack has no choice-classify rule
    }

    private void decideChoice() {
        for (String competencyId : struggling) {
            fired(REMEDIATION);
            decisions.remediate(
                    REMEDIATION,
                    competencyId,
                    ActivityKind.MINI_LESSON,
                    "mini-lesson for %s, where the learner is struggling",
                    competencyId);
        }
        int maxInProgress = parameters.getMaxInProgress();
        if (learner != null && learner.getInProgressCount() >= maxInProgress) {
            for (ReadyCompetency competency : ready) {
                if (!competency.isInProgress()) {
                    fired(IN_PROGRESS_LIMIT);
                    decisions.excludeCompetency(
                            IN_PROGRESS_LIMIT,
                            competency.getCompetencyId(),
                            "%d competencies already in progress, the most grade band %s allows",
                            learner.getInProgressCount(),
                            parameters.getGradeBand());
                }
            }
        }
        for (ReadyCompetency competency : ready) {
            if (competency.getPreferredModalityOptions() > 0
                    && competency.getPreferredModalityOptions() < competency.getOptionCount()) {
                fired(PREFERRED_MODALITY);
                decisions.preferModality(
                        PREFERRED_MODALITY,
                        competency.getCompetencyId(),
                        "%s also has activities in the learner's preferred modality",
                        competency.getCompetencyId());
            }
        }
        boolean goalOption = false;
        for (ReadyCompetency competency : ready) {
            goalOption |= competency.isOnGoal();
        }
        String band = parameters.getGradeBand();
        int maxOptions = parameters.getMaxOptions();
        if (parameters.isTeacherDirected()) {
            fired(TEACHER_DIRECTED);
            decisions.limitOptions(TEACHER_DIRECTED, 1, "grade band %s is teacher-directed: one next step", band);
        } else if (maxOptions > 0) {
            fired(UP_TO_MAX_OPTIONS);
            decisions.limitOptions(
                    UP_TO_MAX_OPTIONS, maxOptions, "grade band %s chooses among up to %d options", band, maxOptions);
        } else if (maxOptions == 0) {
            fired(EVERY_READY_OPTION);
            decisions.limitOptions(EVERY_READY_OPTION, 0, "grade band %s chooses among every ready option", band);
        }
        if (learner != null && learner.getGoalCount() > 0 && goalOption) {
            fired(KEEP_GOAL_OPTION);
            decisions.keepGoalOption(KEEP_GOAL_OPTION, "the learner's goal has a ready option");
        }
    }

    @Override
    public List<RuleFiring> firings() {
        return List.copyOf(firings);
    }

    @Override
    public void close() {
        // nothing pooled: every evaluation gets a fresh instance
    }
}
