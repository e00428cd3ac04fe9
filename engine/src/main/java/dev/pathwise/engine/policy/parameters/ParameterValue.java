package dev.pathwise.engine.policy.parameters;

/**
 * A parameter value with where it was written, so that problems and the effective policy can name the source.
 *
 * @param value the value: String, Double, Integer, Boolean or {@code Map<String, Double>}
 * @param file  the parameter file
 * @param line  1-based line of the key
 * @param layer the layer that set it: "district", "grade-bands/6-8", "schools/lincoln"
 */
public record ParameterValue(Object value, String file, int line, String layer) {}
