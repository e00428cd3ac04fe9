package dev.pathwise.engine.facts;

import dev.pathwise.engine.activity.ActivityKind;
import dev.pathwise.engine.policy.FiringRule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The global {@code decisions} that "decide" rules report to; the engine reads it after each phase.
 * One instance per evaluation, used by one thread.
 */
public final class Decisions {

    private final Map<String, LevelProposal> levels = new LinkedHashMap<>();
    private final Map<String, Explanation> droppedBack = new LinkedHashMap<>();
    private final Map<String, List<Explanation>> shortfalls = new LinkedHashMap<>();
    private final List<Flag> flags = new ArrayList<>();
    private final Map<Option, Explanation> excluded = new IdentityHashMap<>();
    private final Map<String, Map<ActivityKind, Explanation>> remediation = new HashMap<>();
    private final Map<String, Explanation> excludedCompetencies = new HashMap<>();
    private final Map<String, Explanation> preferredModalityOnly = new HashMap<>();
    private int optionLimit = -1;
    private Explanation optionLimitWhy;
    private Explanation goalOptionWhy;

    /** Sets a competency's level; the first decision for a competency in an evaluation phase stands. */
    public void level(LevelProposal decided) {
        levels.putIfAbsent(decided.getCompetencyId(), decided);
    }

    /** Records that a mastered competency dropped back, and why. */
    public void droppedBack(DroppedBack dropped) {
        droppedBack.putIfAbsent(dropped.getCompetencyId(), dropped.getWhy());
    }

    /** Records what still stands in the way of mastery for a competency. */
    public void shortfall(Shortfall shortfall) {
        shortfalls
                .computeIfAbsent(shortfall.getCompetencyId(), id -> new ArrayList<>(2))
                .add(shortfall.getWhy());
    }

    /** The learner is behind the grade band's pace by {@code behind} competencies; {@code support} is suggested. */
    public void behindPace(Support support, double behind, String pattern, Object... args) {
        flag(FlagKind.BEHIND_PACE, null, null, behind, support, byFiringRule(pattern, args));
    }

    /** The learner is behind the pace toward a goal by {@code behind} competencies. */
    public void behindOnGoal(String goalId, Support support, double behind, String pattern, Object... args) {
        flag(FlagKind.BEHIND_PACE, null, goalId, behind, support, byFiringRule(pattern, args));
    }

    /** The learner is struggling on a competency after {@code results} results in a row below approaching. */
    public void struggling(String competencyId, Support support, int results, String pattern, Object... args) {
        flag(FlagKind.STRUGGLING, competencyId, null, results, support, byFiringRule(pattern, args));
    }

    /** The learner has stalled on a competency after {@code evidence} pieces of evidence without mastery. */
    public void stalled(String competencyId, Support support, int evidence, String pattern, Object... args) {
        flag(FlagKind.STALLED, competencyId, null, evidence, support, byFiringRule(pattern, args));
    }

    /**
     * Makes a competency's activities of one kind required steps, put first, as remediation; the first reason given
     * for a competency and kind stands.
     */
    public void remediate(String competencyId, ActivityKind kind, String pattern, Object... args) {
        remediate(competencyId, kind, () -> byFiringRule(pattern, args));
    }

    /** Leaves an option out of the next steps; the first reason given for an option stands. */
    public void exclude(Option option, String pattern, Object... args) {
        exclude(option, () -> byFiringRule(pattern, args));
    }

    /**
     * Leaves every option of a competency out of the next steps, except the steps a teacher assigned (an override
     * beats the rules); the first reason given for a competency stands.
     */
    public void excludeCompetency(String competencyId, String pattern, Object... args) {
        excludedCompetencies.computeIfAbsent(competencyId, id -> byFiringRule(pattern, args));
    }

    /**
     * Offers only the options of a competency that are in the learner's preferred modality. Required steps stay:
     * remediation and the steps a teacher assigned.
     */
    public void preferModality(String competencyId, String pattern, Object... args) {
        preferredModalityOnly.computeIfAbsent(competencyId, id -> byFiringRule(pattern, args));
    }

    /** How many options the learner sees; 0 for every ready option. The smallest limit decided stands. */
    public void limitOptions(int max, String pattern, Object... args) {
        limit(max, () -> byFiringRule(pattern, args));
    }

    /** The visible options must include one on the learner's goal. */
    public void keepGoalOption(String pattern, Object... args) {
        keepGoalOption(() -> byFiringRule(pattern, args));
    }

    // The older forms below, where a rule passes kcontext and a flag's kind, are kept for published policies; they
    // differ from the verbs above only in where the rule's name comes from.

    /** A flag of any kind, the firing rule named by {@code kcontext}. */
    public void flag(
            RuleContext rule,
            FlagKind kind,
            String competencyId,
            String goalId,
            double amount,
            Support support,
            String pattern,
            Object... args) {
        flag(kind, competencyId, goalId, amount, support, byContext(rule, pattern, args));
    }

    public void exclude(RuleContext rule, Option option, String pattern, Object... args) {
        exclude(option, () -> byContext(rule, pattern, args));
    }

    public void excludeCompetency(RuleContext rule, String competencyId, String pattern, Object... args) {
        excludedCompetencies.computeIfAbsent(competencyId, id -> byContext(rule, pattern, args));
    }

    public void preferModality(RuleContext rule, String competencyId, String pattern, Object... args) {
        preferredModalityOnly.computeIfAbsent(competencyId, id -> byContext(rule, pattern, args));
    }

    public void remediate(RuleContext rule, String competencyId, ActivityKind kind, String pattern, Object... args) {
        remediate(competencyId, kind, () -> byContext(rule, pattern, args));
    }

    public void limitOptions(RuleContext rule, int max, String pattern, Object... args) {
        limit(max, () -> byContext(rule, pattern, args));
    }

    public void keepGoalOption(RuleContext rule, String pattern, Object... args) {
        keepGoalOption(() -> byContext(rule, pattern, args));
    }

    /** Whether the rules left this option out of the next steps, one by one or with its whole competency. */
    public boolean isExcluded(Option option) {
        if (excluded.containsKey(option)) {
            return true;
        }
        if (option.isTeacherAssigned()) {
            return false;
        }
        return excludedCompetencies.containsKey(option.getCompetencyId())
                || (!option.isMatchesModality()
                        && remediationOf(option) == null
                        && preferredModalityOnly.containsKey(option.getCompetencyId()));
    }

    /** Why the option is remediation, or null when it is not. */
    public Explanation remediationOf(Option option) {
        Map<ActivityKind, Explanation> byKind = remediation.get(option.getCompetencyId());
        return byKind == null ? null : byKind.get(option.getKind());
    }

    private static Explanation byFiringRule(String pattern, Object... args) {
        return Explanation.byRule(FiringRule.current(), pattern, args);
    }

    private static Explanation byContext(RuleContext rule, String pattern, Object... args) {
        return Explanation.byRule(rule.getRule().getName(), pattern, args);
    }

    private void flag(
            FlagKind kind, String competencyId, String goalId, double amount, Support support, Explanation why) {
        flags.add(new Flag(kind, competencyId, goalId, amount, support, why));
    }

    private void exclude(Option option, Supplier<Explanation> why) {
        excluded.computeIfAbsent(option, o -> why.get());
    }

    private void remediate(String competencyId, ActivityKind kind, Supplier<Explanation> why) {
        remediation
                .computeIfAbsent(competencyId, id -> new EnumMap<>(ActivityKind.class))
                .computeIfAbsent(kind, k -> why.get());
    }

    private void limit(int max, Supplier<Explanation> why) {
        if (optionLimit < 0 || (max > 0 && (optionLimit == 0 || max < optionLimit))) {
            optionLimit = max;
            optionLimitWhy = why.get();
        }
    }

    private void keepGoalOption(Supplier<Explanation> why) {
        if (goalOptionWhy == null) {
            goalOptionWhy = why.get();
        }
    }

    public Map<String, LevelProposal> levels() {
        return levels;
    }

    public Map<String, Explanation> droppedBackCompetencies() {
        return droppedBack;
    }

    public Map<String, List<Explanation>> shortfalls() {
        return shortfalls;
    }

    public List<Flag> flags() {
        return flags;
    }

    /** The option limit decided, or -1 when no rule set one. */
    public int optionLimit() {
        return optionLimit;
    }

    public Explanation optionLimitWhy() {
        return optionLimitWhy;
    }

    public Explanation goalOptionWhy() {
        return goalOptionWhy;
    }

    /** Forgets the levels and shortfalls decided, before the rollup phase decides a parent's. */
    public void clearLevels() {
        levels.clear();
        shortfalls.clear();
    }
}
