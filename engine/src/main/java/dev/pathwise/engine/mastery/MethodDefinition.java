package dev.pathwise.engine.mastery;

import dev.pathwise.engine.spelling.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mastery method as the registry knows it: its name, the other names policies may call it by, its parameters
 * and how to build its calculation from their values. The methods it creates check the scores they are given and
 * report under the name they were created with.
 */
final class MethodDefinition {

    /** Builds a calculation from one value per parameter, already checked against their ranges. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param name   the name the method is created under, for messages about parameters that contradict
         *               each other
         * @param values one value per parameter, in the order of the definition's parameters
         * @throws IllegalArgumentException when the values contradict each other
         */
        Calculation create(String name, double[] values);
    }

    private final String name;
    private final List<String> aliases;
    private final List<Parameter> parameters;
    private final List<String> parameterNames;
    private final Map<String, Double> defaults;
    private final Factory factory;

    MethodDefinition(String name, List<String> aliases, List<Parameter> parameters, Factory factory) {
        this.name = name;
        this.aliases = List.copyOf(aliases);
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

    MethodDefinition(String name, List<Parameter> parameters, Factory factory) {
        this(name, List.of(), parameters, factory);
    }

    String name() {
        return name;
    }

    /** Other names for the same method, kept so that policies written with them keep working. */
    List<String> aliases() {
        return aliases;
    }

    Map<String, Double> defaults() {
        return defaults;
    }

    /**
     * The method with {@code given} parameter values and defaults for the rest, reporting itself as
     * {@code calledAs} (the name or one of the aliases).
     */
    MasteryMethod create(String calledAs, Map<String, Double> given) {
        double[] values = new double[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = parameters.get(i).defaultValue();
        }
        if (given != null) {
            for (Map.Entry<String, Double> entry : given.entrySet()) {
                int index = parameterNames.indexOf(entry.getKey());
                if (index < 0) {
                    throw unknownParameter(calledAs, entry.getKey());
                }
                if (entry.getValue() == null) {
                    throw new IllegalArgumentException("Mastery method '" + calledAs + "' parameter '"
                            + entry.getKey() + "' has no value. Give it a value in "
                            + parameters.get(index).range()
                            + ", or leave it out to use the default " + DecimalText.of(values[index]) + ".");
                }
                values[index] = entry.getValue();
            }
        }
        Map<String, Double> used = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            parameters.get(i).check(calledAs, values[i]);
            used.put(parameterNames.get(i), values[i]);
        }
        return new CheckedMethod(calledAs, Collections.unmodifiableMap(used), factory.create(calledAs, values));
    }

    private IllegalArgumentException unknownParameter(String calledAs, String given) {
        if (parameterNames.isEmpty()) {
            return new IllegalArgumentException(
                    "Mastery method '" + calledAs + "' takes no parameters, but was given '" + given + "'. Remove it.");
        }
        return new IllegalArgumentException("Mastery method '" + calledAs + "' has no parameter '" + given + "'."
                + Suggestions.nameHint(given, parameterNames) + " Its parameters are: "
                + String.join(", ", parameterNames) + ".");
    }

    /**
     * A created method: checks the scores, then lets the calculation work on them. Two are equal when they have
     * the same name and parameter values, and so give the same results.
     */
    private record CheckedMethod(String name, Map<String, Double> parameters, Calculation calculation)
            implements MasteryMethod {

        @Override
        public MethodResult apply(double[] scores) {
            Scores.requireValid(scores, name);
            return calculation.apply(scores, name);
        }

        @Override
        public String toString() {
            return parameters.isEmpty() ? name : name + parameters;
        }
    }
}
