package dev.pathwise.engine.learner;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The four grade bands a policy is tuned for. Kindergarten is grade 0. */
public enum GradeBand {
    K_2("K-2", 0, 2),
    G3_5("3-5", 3, 5),
    G6_8("6-8", 6, 8),
    G9_12("9-12", 9, 12);

    private final String label;
    private final int lowestGrade;
    private final int highestGrade;

    GradeBand(String label, int lowestGrade, int highestGrade) {
        this.label = label;
        this.lowestGrade = lowestGrade;
        this.highestGrade = highestGrade;
    }

    /** The band's name as curriculum teams write it: "K-2", "3-5", "6-8", "9-12". */
    public String label() {
        return label;
    }

    public static GradeBand ofGrade(int grade) {
        for (GradeBand band : values()) {
            if (grade >= band.lowestGrade && grade <= band.highestGrade) {
                return band;
            }
        }
        throw new IllegalArgumentException("grade: " + grade + " is not a school grade; use 0 (kindergarten) to 12");
    }

    /** Reads "K-2", "3-5", "6-8" or "9-12" (or the enum name). */
    public static GradeBand parse(String text) {
        for (GradeBand band : values()) {
            if (band.label.equalsIgnoreCase(text) || band.name().equalsIgnoreCase(text)) {
                return band;
            }
        }
        throw new IllegalArgumentException("gradeBand: '" + text + "' is not a grade band; use one of "
                + Arrays.stream(values()).map(GradeBand::label).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
