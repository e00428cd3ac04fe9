package dev.pathwise.engine.policy.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.policy.ParameterFile;
import dev.pathwise.engine.testing.MinimalPolicy;
import org.junit.jupiter.api.Test;

class ParameterLayerTest {

    private static ParameterLayer read(String yaml) {
        return ParameterLayer.read("district", new ParameterFile("policy/parameters.yaml", yaml));
    }

    @Test
    void completeFileReadsWithoutProblemsAndRemembersTheLineOfEveryValue() {
        // when
        ParameterLayer layer = read(MinimalPolicy.parametersYaml());

        // then
        assertThat(layer.problems()).isEmpty();
        ParameterValue mastered = layer.forBand(GradeBand.G3_5).get(Parameter.MASTERED_THRESHOLD);
        assertThat(mastered).isEqualTo(new ParameterValue(0.80, "policy/parameters.yaml", 5, "district"));
        assertThat(layer.forBand(GradeBand.G3_5).get(Parameter.MINIMUM_EVIDENCE).value())
                .isEqualTo(1);
        assertThat(layer.forBand(GradeBand.G3_5)
                        .get(Parameter.SUMMATIVE_REQUIRED)
                        .value())
                .isEqualTo(false);
    }

    @Test
    void badYamlSyntaxIsReportedWithFileLineAndColumn() {
        // given: line 3 opens a flow sequence that never closes
        String yaml = """
                defaults:
                  masteredThreshold: 0.8
                  maxOptions: [3, 4
                  maxInProgress: 2
                """;

        // when
        ParameterLayer layer = read(yaml);

        // then
        assertThat(layer.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("policy/parameters.yaml");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(16);
            assertThat(p.message()).startsWith("YAML does not parse");
        });
    }

    @Test
    void badIndentationIsReportedAtTheOffendingLine() {
        // given: line 3 is indented less than its siblings
        String yaml = """
                defaults:
                  masteredThreshold: 0.8
                 maxOptions: 3
                """;

        // when
        ParameterLayer layer = read(yaml);

        // then
        assertThat(layer.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("policy/parameters.yaml");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(2);
        });
    }

    @Test
    void unknownParameterIsReportedWithItsPositionAndASuggestion() {
        // given
        String yaml = """
                defaults:
                  maxOptions: 3
                  masteredThreshhold: 0.8
                """;

        // when
        ParameterLayer layer = read(yaml);

        // then
        assertThat(layer.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("policy/parameters.yaml");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(3);
            assertThat(p.message())
                    .contains("unknown parameter 'masteredThreshhold'")
                    .contains("Maybe you meant 'masteredThreshold'?");
        });
        assertThat(layer.forBand(GradeBand.K_2)).containsOnlyKeys(Parameter.MAX_OPTIONS);
    }

    @Test
    void unknownSectionIsReportedWithASuggestion() {
        // when
        ParameterLayer layer = read("default:\n  maxOptions: 3\n");

        // then
        assertThat(layer.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.message()).contains("unknown section 'default'").contains("Maybe you meant 'defaults'?");
        });
    }

    @Test
    void wrongTypesAreReportedAtTheValue() {
        // given
        String yaml = """
                defaults:
                  minimumEvidence: many
                  summativeRequired: maybe
                  maxOptions: 2.5
                  methodParameters: 0.65
                """;

        // when
        ParameterLayer layer = read(yaml);

        // then
        assertThat(layer.problems()).hasSize(4);
        assertThat(layer.problems().get(0)).satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(20);
            assertThat(p.message()).contains("'minimumEvidence' is 'many'").contains("number");
        });
        assertThat(layer.problems().get(1)).satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(22);
            assertThat(p.message()).contains("'summativeRequired' is 'maybe'").contains("true or false");
        });
        assertThat(layer.problems().get(2)).satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(15);
            assertThat(p.message()).contains("'maxOptions' is 2.5").contains("whole number");
        });
        assertThat(layer.problems().get(3)).satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("'methodParameters' must map parameter names to numbers");
        });
        assertThat(layer.forBand(GradeBand.G6_8)).isEmpty();
    }

    @Test
    void outOfRangeValueIsReportedWithTheRangeAndMeaning() {
        // given
        String yaml = """
                defaults:
                  masteredThreshold: 1.5
                  minimumEvidence: 0
                """;

        // when
        ParameterLayer layer = read(yaml);

        // then
        assertThat(layer.problems()).hasSize(2);
        assertThat(layer.problems().get(0)).satisfies(p -> {
            assertThat(p.file()).isEqualTo("policy/parameters.yaml");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(22);
            assertThat(p.message())
                    .contains("'masteredThreshold' is 1.5, outside its range 0..1")
                    .contains(Parameter.MASTERED_THRESHOLD.meaning());
        });
        assertThat(layer.problems().get(1)).satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(20);
            assertThat(p.message()).contains("'minimumEvidence' is 0, outside its range 1..1000");
        });
    }

    @Test
    void unknownBandNameIsReportedWithASuggestion() {
        // given
        String yaml = """
                bands:
                  3-5:
                    maxOptions: 3
                  6-9:
                    maxOptions: 4
                """;

        // when
        ParameterLayer layer = read(yaml);

        // then
        assertThat(layer.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("policy/parameters.yaml");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(3);
            assertThat(p.message()).contains("'6-9' is not a grade band").contains("Maybe you meant '6-8'?");
        });
        assertThat(layer.forBand(GradeBand.G3_5).get(Parameter.MAX_OPTIONS).value())
                .isEqualTo(3);
        assertThat(layer.forBand(GradeBand.G6_8)).isEmpty();
    }

    @Test
    void bandSectionWinsOverDefaultsWhateverTheirOrderInTheFile() {
        // given
        String yaml = """
                bands:
                  3-5:
                    maxOptions: 2
                defaults:
                  maxOptions: 5
                """;

        // when
        ParameterLayer layer = read(yaml);

        // then
        assertThat(layer.problems()).isEmpty();
        assertThat(layer.forBand(GradeBand.G3_5).get(Parameter.MAX_OPTIONS))
                .isEqualTo(new ParameterValue(2, "policy/parameters.yaml", 3, "district"));
        assertThat(layer.forBand(GradeBand.K_2).get(Parameter.MAX_OPTIONS))
                .isEqualTo(new ParameterValue(5, "policy/parameters.yaml", 5, "district"));
    }

    @Test
    void duplicateKeyIsRefusedRatherThanSilentlyOverwritten() {
        // given
        String yaml = """
                defaults:
                  maxOptions: 2
                  maxOptions: 3
                """;

        // when
        ParameterLayer layer = read(yaml);

        // then
        assertThat(layer.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(3);
            assertThat(p.message())
                    .contains("parameter 'maxOptions' appears twice")
                    .contains("first on line 2");
        });
    }

    @Test
    void duplicateBandIsRefused() {
        // given
        String yaml = """
                bands:
                  6-8:
                    maxOptions: 2
                  6-8:
                    maxOptions: 3
                """;

        // when
        ParameterLayer layer = read(yaml);

        // then
        assertThat(layer.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("grade band '6-8' appears twice");
        });
    }
}
