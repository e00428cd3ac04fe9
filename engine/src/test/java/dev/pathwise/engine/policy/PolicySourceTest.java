package dev.pathwise.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicySourceTest {

    private static final RuleFile A = new RuleFile("a.drl", "package x;\n");
    private static final RuleFile B = new RuleFile("b.drl", "package y;\n");
    private static final ParameterFile PARAMETERS = new ParameterFile("parameters.yaml", "district:\n");

    /**
     * Regression: the school layers were kept in a map whose order changes from one JVM to the next, so the same
     * policy showed a different content hash after a restart and in each list that printed it.
     */
    @Test
    void contentHashIsAFunctionOfTheFilesAlone() {
        // given: the same files, schools and rule files listed in opposite orders
        PolicySource first = source(List.of(A, B), "lincoln", "river");
        PolicySource second = source(List.of(B, A), "river", "lincoln");

        // then: one hash, and the one this content has in every JVM
        assertThat(first.contentHash())
                .isEqualTo(second.contentHash())
                .isEqualTo("1f6e9a1d4bf6f740c50f946ece62c1b44d4b76bf36184bbc67e9ad42695729d5");
        assertThat(source(List.of(A), "lincoln", "river").contentHash()).isNotEqualTo(first.contentHash());
    }

    private static PolicySource source(List<RuleFile> district, String... schools) {
        Map<String, PolicyLayer> overlays = new LinkedHashMap<>();
        for (String school : schools) {
            overlays.put(
                    school,
                    new PolicyLayer(
                            "schools/" + school,
                            List.of(new RuleFile(
                                    "schools/" + school + "/extra.drl", "package " + school.charAt(0) + ";\n")),
                            null));
        }
        return new PolicySource("p", "1", new PolicyLayer("district", district, PARAMETERS), Map.of(), overlays);
    }
}
