package dev.pathwise.engine.facts;

import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/** Derived: a mastered competency whose score fell below the demotion threshold. */
public final class DroppedBack {

    private final String competencyId;
    private final Explanation why;

    private DroppedBack(String competencyId, Explanation why) {
        this.competencyId = competencyId;
        this.why = why;
    }

    public static DroppedBack of(RuleContext rule, String competencyId, String pattern, Object... args) {
        return new DroppedBack(competencyId, Explanation.byRule(rule.getRule().getName(), pattern, args));
    }

    public String getCompetencyId() {
        return competencyId;
    }

    public Explanation getWhy() {
        return why;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DroppedBack d && d.competencyId.equals(competencyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(competencyId);
    }
}
