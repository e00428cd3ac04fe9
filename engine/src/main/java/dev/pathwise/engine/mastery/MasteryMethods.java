package dev.pathwise.engine.mastery;

import dev.pathwise.engine.spelling.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mastery methods a policy can pick, by name: latest, highest, mean, weighted_average,
 * standard_decaying_average, exponential_decay, n_mastery, n_of_last_m, power_law and bkt. Three have a second
 * name that policies may keep using: {@code average} for mean (Canvas's name), {@code decaying_average} for
 * weighted_average (Canvas's original name for it) and {@code n_of_m} for n_of_last_m (its earlier name here).
 * Formulas, sources and worked examples are in {@code docs/mastery-methods.md}.
 *
 * <p>Creating a method checks its parameters once; the method returned is immutable and may be shared, and reports
 * itself under the name it was created by.
 */
public final class MasteryMethods {

    private static final List<MethodDefinition> ALL = List.of(
            new MethodDefinition(Latest.NAME, List.of(), (name, v) -> new Latest()),
            new MethodDefinition(Highest.NAME, List.of(), (name, v) -> new Highest()),
            new MethodDefinition(Mean.NAME, List.of("average"), List.of(), (name, v) -> new Mean()),
            new MethodDefinition(
                    WeightedAverage.NAME,
                    List.of("decaying_average"),
                    List.of(WeightedAverage.W),
                    (name, v) -> new WeightedAverage(v[0])),
            new MethodDefinition(
                    StandardDecayingAverage.NAME,
                    List.of(StandardDecayingAverage.W),
                    (name, v) -> new StandardDecayingAverage(v[0])),
            new MethodDefinition(
                    ExponentialDecay.NAME, List.of(ExponentialDecay.DECAY), (name, v) -> new ExponentialDecay(v[0])),
            new MethodDefinition(
                    NMastery.NAME,
                    List.of(NMastery.N, NMastery.THRESHOLD),
                    (name, v) -> new NMastery((int) v[0], v[1])),
            new MethodDefinition(
                    NOfLastM.NAME,
                    List.of("n_of_m"),
                    List.of(NOfLastM.N, NOfLastM.M, NOfLastM.THRESHOLD),
                    (name, v) -> NOfLastM.of(name, (int) v[0], (int) v[1], v[2])),
            new MethodDefinition(
                    PowerLaw.NAME,
                    List.of(PowerLaw.FLOOR, PowerLaw.SCALE_MIN, PowerLaw.SCALE_MAX),
                    (name, v) -> PowerLaw.of(name, v[0], v[1], v[2])),
            new MethodDefinition(
                    Bkt.NAME,
                    List.of(Bkt.PRIOR, Bkt.LEARN, Bkt.SLIP, Bkt.GUESS, Bkt.FORGET, Bkt.CUT),
                    (name, v) -> Bkt.of(name, v[0], v[1], v[2], v[3], v[4], v[5])));

    /** Every name a policy may write, each method's own name followed by its other names. */
    private static final Map<String, MethodDefinition> BY_NAME = index();

    private MasteryMethods() {}

    /**
     * The method called {@code name} with {@code parameters}; parameters left out take their defaults. The method
     * reports itself as {@code name}, so a policy written with {@code decaying_average} reads "decaying_average" in
     * its explanations.
     *
     * @param parameters parameter values by name; {@code null} or empty for all defaults
     * @throws IllegalArgumentException for an unknown method or parameter name (with a did-you-mean), a parameter
     *                                  without value or outside its range, or parameters that contradict each other
     */
    public static MasteryMethod create(String name, Map<String, Double> parameters) {
        return definition(name).create(name, parameters);
    }

    /** Every name a policy may write, in a stable order: each method followed by its other names. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(BY_NAME.keySet());
    }

    /** The default value of each parameter of method {@code name}, in a stable order; empty when it has none. */
    public static Map<String, Double> defaults(String name) {
        return definition(name).defaults();
    }

    /** The methods as people read the list: "mean (or average), weighted_average (or decaying_average), ...". */
    static String described() {
        List<String> described = new ArrayList<>(ALL.size());
        for (MethodDefinition definition : ALL) {
            described.add(
                    definition.aliases().isEmpty()
                            ? definition.name()
                            : definition.name() + " (or " + String.join(", ", definition.aliases()) + ")");
        }
        return String.join(", ", described);
    }

    private static MethodDefinition definition(String name) {
        MethodDefinition definition = name == null ? null : BY_NAME.get(name);
        if (definition == null) {
            throw new IllegalArgumentException("Unknown mastery method '" + name + "'."
                    + Suggestions.nameHint(name, BY_NAME.keySet()) + " Known methods: " + described() + ".");
        }
        return definition;
    }

    private static Map<String, MethodDefinition> index() {
        Map<String, MethodDefinition> byName = new LinkedHashMap<>();
        for (MethodDefinition definition : ALL) {
            byName.put(definition.name(), definition);
            for (String alias : definition.aliases()) {
                byName.put(alias, definition);
            }
        }
        return Collections.unmodifiableMap(byName);
    }
}
