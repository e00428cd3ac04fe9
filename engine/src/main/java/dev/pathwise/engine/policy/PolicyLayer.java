package dev.pathwise.engine.policy;

import dev.pathwise.engine.policy.parameters.ParameterLayer;
import java.util.List;

/**
 * One layer of a policy: the district base, a grade-band overlay or a school overlay.
 * A rule file with the same file name as one in an earlier layer replaces it; any other is added.
 *
 * @param name       "district", "grade-bands/6-8" or "schools/lincoln"
 * @param ruleFiles  DRL files this layer adds or replaces
 * @param parameters the layer's parameter file, or {@code null} when it sets none
 */
public record PolicyLayer(String name, List<RuleFile> ruleFiles, ParameterFile parameters) {

    public PolicyLayer {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("policy layer name: must not be blank");
        }
        ruleFiles = ruleFiles == null ? List.of() : List.copyOf(ruleFiles);
    }

    public ParameterLayer readParameters() {
        return parameters == null ? ParameterLayer.empty(name) : ParameterLayer.read(name, parameters);
    }
}
