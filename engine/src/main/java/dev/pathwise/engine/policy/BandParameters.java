package dev.pathwise.engine.policy;

import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.mastery.MasteryMethod;
import dev.pathwise.engine.mastery.MasteryMethods;
import dev.pathwise.engine.mastery.Rollup;
import dev.pathwise.engine.policy.parameters.Parameter;
import dev.pathwise.engine.policy.parameters.ParameterLayer;
import dev.pathwise.engine.policy.parameters.ParameterValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters in force for one grade band (and school), resolved across the policy's layers.
 *
 * <p>Rule files see it as a fact: {@code Parameters} in DRL is this class, read through its getters
 * ({@code masteredThreshold}, {@code maxOptions}, ...). It is immutable and shared between evaluations.
 */
public final class BandParameters {

    private final GradeBand band;
    private final Map<Parameter, ParameterValue> values;
    private final MasteryMethod method;
    private final Rollup rollup;

    private BandParameters(GradeBand band, Map<Parameter, ParameterValue> values, MasteryMethod method, Rollup rollup) {
        this.band = band;
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.method = method;
        this.rollup = rollup;
    }

    /**
     * Resolves the parameters for a band from layers applied in order (later wins), checking that every parameter
     * is set and that the values agree with each other. Problems go into {@code problems}; the result is
     * {@code null} when there are any.
     */
    public static BandParameters resolve(GradeBand band, List<ParameterLayer> layers, List<CompileProblem> problems) {
        Map<Parameter, ParameterValue> merged = new EnumMap<>(Parameter.class);
        for (ParameterLayer layer : layers) {
            merged.putAll(layer.forBand(band));
        }
        int before = problems.size();
        String districtFile =
                layers.isEmpty() ? "parameters.yaml" : layers.get(0).file();
        for (Parameter parameter : Parameter.values()) {
            if (!merged.containsKey(parameter)) {
                problems.add(new CompileProblem(
                        districtFile,
                        0,
                        0,
                        "parameter '" + parameter.key()
                                + "' is not set for grade band " + band.label()
                                + " in any layer; add it under 'defaults' ("
                                + parameter.meaning() + ")"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        checkOrder(merged, Parameter.APPROACHING_THRESHOLD, Parameter.MASTERED_THRESHOLD, band, problems);
        checkOrder(merged, Parameter.MASTERED_THRESHOLD, Parameter.EXCEEDING_THRESHOLD, band, problems);
        checkOrder(merged, Parameter.DEMOTION_THRESHOLD, Parameter.MASTERED_THRESHOLD, band, problems);
        checkOrder(merged, Parameter.GROUP_SIZE_MIN, Parameter.GROUP_SIZE_MAX, band, problems);

        Rollup rollup = null;
        ParameterValue rollupValue = merged.get(Parameter.ROLLUP);
        try {
            rollup = Rollup.parse((String) rollupValue.value());
        } catch (IllegalArgumentException e) {
            problems.add(at(rollupValue, "'rollup' for grade band " + band.label() + ": " + e.getMessage()));
        }
        MasteryMethod method = null;
        ParameterValue methodValue = merged.get(Parameter.METHOD);
        try {
            method = MasteryMethods.create((String) methodValue.value(), methodParameters(merged));
        } catch (IllegalArgumentException e) {
            ParameterValue where = merged.getOrDefault(Parameter.METHOD_PARAMETERS, methodValue);
            problems.add(at(
                    e.getMessage().startsWith("Unknown mastery method") ? methodValue : where,
                    "'method' for grade band " + band.label() + ": " + e.getMessage()));
        }
        if (problems.size() > before) {
            return null;
        }
        return new BandParameters(band, merged, method, rollup);
    }

    /**
     * The method's parameters as written, plus the policy-wide ones a method reads when not given: a method's
     * {@code threshold} (n_mastery, n_of_last_m) is the mastered threshold, its {@code cut} (bkt) the correctness cut.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Double> methodParameters(Map<Parameter, ParameterValue> merged) {
        Map<String, Double> takes =
                MasteryMethods.defaults((String) merged.get(Parameter.METHOD).value());
        Map<String, Double> parameters = new LinkedHashMap<>();
        if (takes.containsKey("threshold")) {
            parameters.put("threshold", (Double)
                    merged.get(Parameter.MASTERED_THRESHOLD).value());
        }
        if (takes.containsKey("cut")) {
            parameters.put("cut", (Double) merged.get(Parameter.CORRECTNESS_CUT).value());
        }
        parameters.putAll(
                (Map<String, Double>) merged.get(Parameter.METHOD_PARAMETERS).value());
        return parameters;
    }

    private static void checkOrder(
            Map<Parameter, ParameterValue> merged,
            Parameter lower,
            Parameter higher,
            GradeBand band,
            List<CompileProblem> problems) {
        double low = ((Number) merged.get(lower).value()).doubleValue();
        double high = ((Number) merged.get(higher).value()).doubleValue();
        if (low > high) {
            ParameterValue lowValue = merged.get(lower);
            ParameterValue highValue = merged.get(higher);
            String highSource = highValue.file().equals(lowValue.file())
                    ? ""
                    : " (set in " + highValue.file() + ":" + highValue.line() + ")";
            problems.add(at(
                    lowValue,
                    "'" + lower.key() + "' " + ParameterLayer.format(low)
                            + " is above '" + higher.key() + "' " + ParameterLayer.format(high) + highSource
                            + " for grade band "
                            + band.label() + "; " + lower.key() + " must not exceed " + higher.key()));
        }
    }

    private static CompileProblem at(ParameterValue value, String message) {
        return new CompileProblem(value.file(), value.line(), 0, message);
    }

    private double number(Parameter parameter) {
        return ((Number) values.get(parameter).value()).doubleValue();
    }

    private int integer(Parameter parameter) {
        return ((Number) values.get(parameter).value()).intValue();
    }

    private boolean flag(Parameter parameter) {
        return (Boolean) values.get(parameter).value();
    }

    public GradeBand band() {
        return band;
    }

    /** The band as written in rules and explanations: "K-2", "3-5", "6-8", "9-12". */
    public String getGradeBand() {
        return band.label();
    }

    public MasteryMethod getMethod() {
        return method;
    }

    public String getMethodName() {
        return (String) values.get(Parameter.METHOD).value();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Double> getMethodParameters() {
        return (Map<String, Double>) values.get(Parameter.METHOD_PARAMETERS).value();
    }

    public double getExceedingThreshold() {
        return number(Parameter.EXCEEDING_THRESHOLD);
    }

    public double getMasteredThreshold() {
        return number(Parameter.MASTERED_THRESHOLD);
    }

    public double getApproachingThreshold() {
        return number(Parameter.APPROACHING_THRESHOLD);
    }

    public double getDemotionThreshold() {
        return number(Parameter.DEMOTION_THRESHOLD);
    }

    public double getCorrectnessCut() {
        return number(Parameter.CORRECTNESS_CUT);
    }

    public int getMinimumEvidence() {
        return integer(Parameter.MINIMUM_EVIDENCE);
    }

    public boolean isSummativeRequired() {
        return flag(Parameter.SUMMATIVE_REQUIRED);
    }

    public Rollup getRollup() {
        return rollup;
    }

    public double getPacingFloorPerWeek() {
        return number(Parameter.PACING_FLOOR_PER_WEEK);
    }

    public double getPacingGraceWeeks() {
        return number(Parameter.PACING_GRACE_WEEKS);
    }

    public int getStruggleAfter() {
        return integer(Parameter.STRUGGLE_AFTER);
    }

    public int getStalledAfter() {
        return integer(Parameter.STALLED_AFTER);
    }

    public boolean isTeacherDirected() {
        return flag(Parameter.TEACHER_DIRECTED);
    }

    public int getMaxOptions() {
        return integer(Parameter.MAX_OPTIONS);
    }

    public int getMaxInProgress() {
        return integer(Parameter.MAX_IN_PROGRESS);
    }

    public int getGroupSizeMin() {
        return integer(Parameter.GROUP_SIZE_MIN);
    }

    public int getGroupSizeMax() {
        return integer(Parameter.GROUP_SIZE_MAX);
    }

    /** Every parameter with its value and the layer, file and line it came from. */
    public Map<String, ParameterValue> sources() {
        Map<String, ParameterValue> sources = new LinkedHashMap<>();
        values.forEach((parameter, value) -> sources.put(parameter.key(), value));
        return sources;
    }

    /** The plain values, by parameter name. */
    public Map<String, Object> asMap() {
        Map<String, Object> plain = new HashMap<>();
        values.forEach((parameter, value) -> plain.put(parameter.key(), value.value()));
        return plain;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        values.forEach((parameter, value) -> parts.add(parameter.key() + "=" + value.value()));
        return "BandParameters[" + band.label() + ", " + String.join(", ", parts) + "]";
    }
}
