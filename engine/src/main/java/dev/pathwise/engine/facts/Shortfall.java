package dev.pathwise.engine.facts;

import org.kie.api.runtime.rule.RuleContext;

/** Derived: something a competency still lacks before it can count as mastered (evidence count, a summative). */
public final class Shortfall extends CompetencyFinding {

    private Shortfall(String competencyId, Explanation why) {
        super(competencyId, why);
    }

    public static Shortfall of(RuleContext rule, String competencyId, String pattern, Object... args) {
        return new Shortfall(competencyId, Explanation.byRule(rule.getRule().getName(), pattern, args));
    }
}
