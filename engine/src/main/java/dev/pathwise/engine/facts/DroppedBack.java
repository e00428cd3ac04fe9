package dev.pathwise.engine.facts;

import org.kie.api.runtime.rule.RuleContext;

/** Derived: a mastered competency whose score fell below the demotion threshold. */
public final class DroppedBack extends CompetencyFinding {

    private DroppedBack(String competencyId, Explanation why) {
        super(competencyId, why);
    }

    public static DroppedBack of(RuleContext rule, String competencyId, String pattern, Object... args) {
        return new DroppedBack(competencyId, Explanation.byRule(rule.getRule().getName(), pattern, args));
    }
}
