package dev.pathwise.engine.facts;

import java.util.Objects;

/**
 * A fact a rule derived about one competency, with the rule and values behind it. Two findings are the same fact
 * when they are of one kind, about one competency and derived by one rule, so {@code insertLogical} keeps one.
 */
public abstract class CompetencyFinding {

    private final String competencyId;
    private final Explanation why;

    CompetencyFinding(String competencyId, Explanation why) {
        this.competencyId = competencyId;
        this.why = why;
    }

    public String getCompetencyId() {
        return competencyId;
    }

    public Explanation getWhy() {
        return why;
    }

    @Override
    public boolean equals(Object o) {
        return o != null
                && o.getClass() == getClass()
                && ((CompetencyFinding) o).competencyId.equals(competencyId)
                && ((CompetencyFinding) o).why.rule().equals(why.rule());
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), competencyId, why.rule());
    }
}
