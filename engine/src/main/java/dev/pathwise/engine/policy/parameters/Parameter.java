package dev.pathwise.engine.policy.parameters;

import dev.pathwise.engine.mastery.MasteryMethods;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every parameter a policy may set, with its type and range. Unknown names are refused with a did-you-mean.
 */
public enum Parameter {
    METHOD("method", Type.TEXT, 0, 0, "the mastery method: " + String.join(", ", MasteryMethods.names())),
    METHOD_PARAMETERS("methodParameters", Type.NUMBER_MAP, 0, 0, "the mastery method's own parameters"),
    EXCEEDING_THRESHOLD("exceedingThreshold", Type.NUMBER, 0, 1, "score at which a mastered competency is exceeding"),
    MASTERED_THRESHOLD("masteredThreshold", Type.NUMBER, 0, 1, "score at which a competency is mastered"),
    APPROACHING_THRESHOLD("approachingThreshold", Type.NUMBER, 0, 1, "score at which a competency is approaching"),
    DEMOTION_THRESHOLD(
            "demotionThreshold", Type.NUMBER, 0, 1, "a mastered competency drops back when its score falls below this"),
    CORRECTNESS_CUT("correctnessCut", Type.NUMBER, 0, 1, "score at which one result counts as correct (bkt)"),
    MINIMUM_EVIDENCE("minimumEvidence", Type.INTEGER, 1, 1000, "pieces of evidence needed before mastery"),
    SUMMATIVE_REQUIRED("summativeRequired", Type.BOOLEAN, 0, 0, "mastery needs at least one summative assessment"),
    ROLLUP(
            "rollup",
            Type.TEXT,
            0,
            0,
            "how a parent rolls up from its children: all, any, at_least_count N, " + "at_least_percent P"),
    PACING_FLOOR_PER_WEEK(
            "pacingFloorPerWeek", Type.NUMBER, 0, 50, "minimum competencies mastered per week since the plan start"),
    PACING_GRACE_WEEKS("pacingGraceWeeks", Type.NUMBER, 0, 52, "weeks after the plan start before pacing is checked"),
    STRUGGLE_AFTER(
            "struggleAfter",
            Type.INTEGER,
            1,
            100,
            "consecutive results below approaching on one competency that make a learner struggling"),
    STALLED_AFTER(
            "stalledAfter",
            Type.INTEGER,
            1,
            1000,
            "pieces of evidence on one competency without mastery that make it stalled"),
    TEACHER_DIRECTED("teacherDirected", Type.BOOLEAN, 0, 0, "the policy picks the one next step"),
    MAX_OPTIONS("maxOptions", Type.INTEGER, 0, 1000, "next-step options a learner sees; 0 for every ready option"),
    MAX_IN_PROGRESS("maxInProgress", Type.INTEGER, 1, 1000, "competencies in progress at once"),
    GROUP_SIZE_MIN("groupSizeMin", Type.INTEGER, 2, 100, "smallest suggested small group"),
    GROUP_SIZE_MAX("groupSizeMax", Type.INTEGER, 2, 100, "largest suggested small group");

    /** The kinds of value a parameter takes. */
    public enum Type {
        TEXT,
        NUMBER,
        INTEGER,
        BOOLEAN,
        NUMBER_MAP
    }

    private final String key;
    private final Type type;
    private final double min;
    private final double max;
    private final String meaning;

    Parameter(String key, Type type, double min, double max, String meaning) {
        this.key = key;
        this.type = type;
        this.min = min;
        this.max = max;
        this.meaning = meaning;
    }

    /** The name written in parameter files. */
    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<Parameter> byKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Parameter::key).toList();
    }
}
