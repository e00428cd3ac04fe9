package dev.pathwise.engine.facts;

import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/** Derived: something a competency still lacks before it can count as mastered (evidence count, a summative). */
public final class Shortfall {

    private final String competencyId;
    private final Explanation why;

    private Shortfall(String competencyId, Explanation why) {
        this.competencyId = competencyId;
        this.why = why;
    }

    public static Shortfall of(RuleContext rule, String competencyId, String pattern, Object... args) {
        return new Shortfall(competencyId, Explanation.byRule(rule.getRule().getName(), pattern, args));
    }

    public String getCompetencyId() {
        return competencyId;
    }

    public Explanation getWhy() {
        return why;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shortfall s && s.competencyId.equals(competencyId) && s.why.rule().equals(why.rule());
    }

    @Override
    public int hashCode() {
        return Objects.hash(competencyId, why.rule());
    }
}
