package dev.pathwise.engine.mastery;

import dev.pathwise.engine.spelling.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A mastery method as the registry knows it: its name, its parameters and how to build it from their values. */
final class MethodDefinition {

    private final String name;
    private final List<Parameter> parameters;
    private final List<String> parameterNames;
    private final Map<String, Double> defaults;
    private final Function<double[], MasteryMethod> factory;

    /**
     * @param factory builds the method from one value per parameter, in the order of {@code parameters},
     *                already checked against their ranges
     */
    MethodDefinition(String name, List<Parameter> parameters, Function<double[], MasteryMethod> factory) {
        this.name = name;
        this.parameters = List.copyOf(parameters);
        this.factory = factory;
        List<String> names = new ArrayList<>();
        Map<String, Double> defaultValues = new LinkedHashMap<>();
        for (Parameter parameter : this.parameters) {
            names.add(parameter.name());
            defaultValues.put(parameter.name(), parameter.defaultValue());
        }
        this.parameterNames = List.copyOf(names);
        this.defaults = Collections.unmodifiableMap(defaultValues);
    }

    String name() {
        return name;
    }

    Map<String, Double> defaults() {
        return defaults;
    }

    /** The method with {@code given} parameter values and defaults for the rest. */
    MasteryMethod create(Map<String, Double> given) {
        double[] values = new double[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = parameters.get(i).defaultValue();
        }
        if (given != null) {
            for (Map.Entry<String, Double> entry : given.entrySet()) {
                int index = parameterNames.indexOf(entry.getKey());
                if (index < 0) {
                    throw unknownParameter(entry.getKey());
                }
                if (entry.getValue() == null) {
                    throw new IllegalArgumentException("Mastery method '" + name + "' parameter '" + entry.getKey()
                            + "' has no value. Give it a value in " + parameters.get(index).range()
                            + ", or leave it out to use the default " + DecimalText.of(values[index]) + ".");
                }
                values[index] = entry.getValue();
            }
        }
        for (int i = 0; i < values.length; i++) {
            parameters.get(i).check(name, values[i]);
        }
        return factory.apply(values);
    }

    private IllegalArgumentException unknownParameter(String given) {
        if (parameterNames.isEmpty()) {
            return new IllegalArgumentException("Mastery method '" + name + "' takes no parameters, but was given '"
                    + given + "'. Remove it.");
        }
        return new IllegalArgumentException("Mastery method '" + name + "' has no parameter '" + given + "'."
                + Suggestions.nameHint(given, parameterNames) + " Its parameters are: "
                + String.join(", ", parameterNames) + ".");
    }
}
