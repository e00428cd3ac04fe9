package dev.pathwise.engine.facts;

import java.util.Objects;

/** Derived: the learner is struggling on a competency. */
public final class Struggling {

    private final String competencyId;

    public Struggling(String competencyId) {
        this.competencyId = competencyId;
    }

    public String getCompetencyId() {
        return competencyId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Struggling s && s.competencyId.equals(competencyId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(competencyId);
    }
}
