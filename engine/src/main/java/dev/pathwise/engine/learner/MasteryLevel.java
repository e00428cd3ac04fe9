package dev.pathwise.engine.learner;

/** The 0-4 mastery scale of standards-based reporting. */
public enum MasteryLevel {
    NO_EVIDENCE(0, "no evidence"),
    BEGINNING(1, "beginning"),
    APPROACHING(2, "approaching"),
    MASTERED(3, "mastered"),
    EXCEEDING(4, "exceeding");

    private final int value;
    private final String label;

    MasteryLevel(int value, String label) {
        this.value = value;
        this.label = label;
    }

    public int value() {
        return value;
    }

    public String label() {
        return label;
    }

    /** True for mastered and exceeding: the competency counts as mastered for progression. */
    public boolean isMastered() {
        return value >= MASTERED.value;
    }
}
