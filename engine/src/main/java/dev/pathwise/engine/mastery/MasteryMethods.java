package dev.pathwise.engine.mastery;

import dev.pathwise.engine.spelling.Suggestions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mastery methods a policy can pick, by name: latest, highest, mean, decaying_average, exponential_decay,
 * n_of_m, power_law and bkt.
 *
 * <p>Creating a method checks its parameters once; the method returned is immutable and may be shared.
 */
public final class MasteryMethods {

    private static final Map<String, MethodDefinition> DEFINITIONS = index(
            new MethodDefinition(Latest.NAME, List.of(), values -> Latest.INSTANCE),
            new MethodDefinition(Highest.NAME, List.of(), values -> Highest.INSTANCE),
            new MethodDefinition(Mean.NAME, List.of(), values -> Mean.INSTANCE),
            new MethodDefinition(DecayingAverage.NAME, List.of(DecayingAverage.W),
                    values -> new DecayingAverage(values[0])),
            new MethodDefinition(ExponentialDecay.NAME, List.of(ExponentialDecay.DECAY),
                    values -> new ExponentialDecay(values[0])),
            new MethodDefinition(NOfM.NAME, List.of(NOfM.N, NOfM.M, NOfM.THRESHOLD),
                    values -> new NOfM((int) values[0], (int) values[1], values[2])),
            new MethodDefinition(PowerLaw.NAME, List.of(PowerLaw.FLOOR),
                    values -> new PowerLaw(values[0])),
            new MethodDefinition(Bkt.NAME, List.of(Bkt.PRIOR, Bkt.LEARN, Bkt.SLIP, Bkt.GUESS, Bkt.FORGET, Bkt.CUT),
                    values -> new Bkt(values[0], values[1], values[2], values[3], values[4], values[5])));

    private MasteryMethods() {
    }

    /**
     * The method called {@code name} with {@code parameters}; parameters left out take their defaults.
     *
     * @param parameters parameter values by name; {@code null} or empty for all defaults
     * @throws IllegalArgumentException for an unknown method or parameter name (with a did-you-mean), a parameter
     *                                  without value or outside its range, or parameters that contradict each other
     */
    public static MasteryMethod create(String name, Map<String, Double> parameters) {
        return definition(name).create(parameters);
    }

    /** The method names, in a stable order. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(DEFINITIONS.keySet());
    }

    /** The default value of each parameter of method {@code name}, in a stable order; empty when it has none. */
    public static Map<String, Double> defaults(String name) {
        return definition(name).defaults();
    }

    private static MethodDefinition definition(String name) {
        MethodDefinition definition = name == null ? null : DEFINITIONS.get(name);
        if (definition == null) {
            throw new IllegalArgumentException("Unknown mastery method '" + name + "'."
                    + Suggestions.nameHint(name, DEFINITIONS.keySet()) + " Known methods: "
                    + String.join(", ", DEFINITIONS.keySet()) + ".");
        }
        return definition;
    }

    private static Map<String, MethodDefinition> index(MethodDefinition... definitions) {
        Map<String, MethodDefinition> byName = new LinkedHashMap<>();
        for (MethodDefinition definition : definitions) {
            byName.put(definition.name(), definition);
        }
        return Collections.unmodifiableMap(byName);
    }
}
