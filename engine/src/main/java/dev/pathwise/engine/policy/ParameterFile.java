package dev.pathwise.engine.policy;

/**
 * A YAML file of policy parameters for one layer.
 *
 * <p>Layout, the same at every layer (district, grade band, school):
 * <pre>
 * defaults:            # applies to every grade band of this layer
 *   masteredThreshold: 0.80
 * bands:               # per grade band, wins over defaults
 *   3-5:
 *     maxOptions: 3
 * </pre>
 *
 * @param path where it lives in the policy; problems name this path
 * @param yaml the YAML text
 */
public record ParameterFile(String path, String yaml) {

    public ParameterFile {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("parameter file path: must not be blank");
        }
        yaml = yaml == null ? "" : yaml;
    }
}
