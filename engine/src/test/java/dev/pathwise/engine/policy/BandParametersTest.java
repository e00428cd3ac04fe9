package dev.pathwise.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.policy.parameters.Parameter;
import dev.pathwise.engine.policy.parameters.ParameterLayer;
import dev.pathwise.engine.policy.parameters.ParameterValue;
import dev.pathwise.engine.testing.MinimalPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BandParametersTest {

    private static final ParameterLayer DISTRICT =
            ParameterLayer.read("district", new ParameterFile("parameters.yaml", MinimalPolicy.parametersYaml()));
    private static final ParameterLayer GRADE_BAND =
            ParameterLayer.read("grade-bands/6-8", new ParameterFile("grade-bands/6-8.yaml", """
                    defaults:
                      masteredThreshold: 0.85
                      maxOptions: 4
                    """));
    private static final ParameterLayer SCHOOL =
            ParameterLayer.read("schools/lincoln", new ParameterFile("schools/lincoln.yaml", """
                    bands:
                      6-8:
                        masteredThreshold: 0.90
                    """));

    @Test
    void layersResolveDistrictThenBandThenSchoolWithTheSourceOfEveryValue() {
        // given
        List<CompileProblem> problems = new ArrayList<>();

        // when
        BandParameters parameters =
                BandParameters.resolve(GradeBand.G6_8, List.of(DISTRICT, GRADE_BAND, SCHOOL), problems);

        // then
        assertThat(problems).isEmpty();
        assertThat(parameters.getMasteredThreshold()).isEqualTo(0.90);
        assertThat(parameters.getMaxOptions()).isEqualTo(4);
        assertThat(parameters.getMinimumEvidence()).isEqualTo(1);
        assertThat(parameters.getGradeBand()).isEqualTo("6-8");
        assertThat(parameters.sources().get("masteredThreshold"))
                .isEqualTo(new ParameterValue(0.90, "schools/lincoln.yaml", 3, "schools/lincoln"));
        assertThat(parameters.sources().get("maxOptions"))
                .isEqualTo(new ParameterValue(4, "grade-bands/6-8.yaml", 3, "grade-bands/6-8"));
        assertThat(parameters.sources().get("minimumEvidence"))
                .isEqualTo(new ParameterValue(1, "parameters.yaml", 9, "district"));
        assertThat(parameters.sources()).hasSize(Parameter.values().length);
    }

    @Test
    void laterLayerWinsSoReversingTheOrderLetsTheDistrictWin() {
        // when
        BandParameters parameters =
                BandParameters.resolve(GradeBand.G6_8, List.of(SCHOOL, GRADE_BAND, DISTRICT), new ArrayList<>());

        // then
        assertThat(parameters.getMasteredThreshold()).isEqualTo(0.80);
        assertThat(parameters.getMaxOptions()).isZero();
        assertThat(parameters.sources().get("masteredThreshold").layer()).isEqualTo("district");
    }

    @Test
    void schoolSectionForAnotherBandDoesNotApply() {
        // when
        BandParameters parameters =
                BandParameters.resolve(GradeBand.G3_5, List.of(DISTRICT, SCHOOL), new ArrayList<>());

        // then
        assertThat(parameters.getMasteredThreshold()).isEqualTo(0.80);
        assertThat(parameters.sources().get("masteredThreshold").layer()).isEqualTo("district");
    }

    @Test
    void missingParameterIsReportedByNameInTheDistrictFile() {
        // given: the district file leaves out groupSizeMax
        ParameterLayer district = ParameterLayer.read(
                "district",
                new ParameterFile(
                        "parameters.yaml", MinimalPolicy.parametersYaml().replace("  groupSizeMax: 6\n", "")));
        assertThat(district.problems()).isEmpty();
        List<CompileProblem> problems = new ArrayList<>();

        // when
        BandParameters parameters = BandParameters.resolve(GradeBand.K_2, List.of(district), problems);

        // then
        assertThat(parameters).isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parameters.yaml");
            assertThat(p.message())
                    .contains("parameter 'groupSizeMax' is not set for grade band K-2")
                    .contains("'defaults'");
        });
    }

    @Test
    void approachingAboveMasteredIsReportedAtTheApproachingLine() {
        // given: approachingThreshold is on line 6 of the district file
        ParameterLayer district = ParameterLayer.read(
                "district",
                new ParameterFile(
                        "parameters.yaml",
                        MinimalPolicy.parametersYaml()
                                .replace("approachingThreshold: 0.40", "approachingThreshold: 0.90")));
        List<CompileProblem> problems = new ArrayList<>();

        // when
        BandParameters parameters = BandParameters.resolve(GradeBand.G9_12, List.of(district), problems);

        // then
        assertThat(parameters).isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parameters.yaml");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message())
                    .contains("'approachingThreshold' 0.9 is above 'masteredThreshold' 0.8")
                    .contains("grade band 9-12");
        });
    }

    @Test
    void overlayThatBreaksTheOrderNamesBothValuesSources() {
        // given: the school lowers masteredThreshold for 6-8 below the district's approachingThreshold
        ParameterLayer school = ParameterLayer.read("schools/lincoln", new ParameterFile("schools/lincoln.yaml", """
                bands:
                  6-8:
                    masteredThreshold: 0.35
                """));
        List<CompileProblem> problems = new ArrayList<>();

        // when
        BandParameters parameters = BandParameters.resolve(GradeBand.G6_8, List.of(DISTRICT, school), problems);

        // then
        assertThat(parameters).isNull();
        assertThat(problems)
                .extracting(CompileProblem::toString)
                .containsExactly("parameters.yaml:6: 'approachingThreshold' 0.4 is above 'masteredThreshold' 0.35"
                        + " (set in schools/lincoln.yaml:3) for grade band 6-8;"
                        + " approachingThreshold must not exceed masteredThreshold");
    }

    @Test
    void layerWithoutParameterFileIsNamedByItsLayerWhenAParameterIsMissing() {
        // when
        List<CompileProblem> problems = new ArrayList<>();
        BandParameters.resolve(GradeBand.K_2, List.of(ParameterLayer.empty("district")), problems);

        // then
        assertThat(problems)
                .hasSize(Parameter.values().length)
                .allSatisfy(p -> assertThat(p.file()).isEqualTo("district"));
    }

    @Test
    void unknownMethodIsReportedAtTheMethodLine() {
        // given
        ParameterLayer district = ParameterLayer.read(
                "district",
                new ParameterFile(
                        "parameters.yaml", MinimalPolicy.parametersYaml().replace("method: latest", "method: lates")));
        List<CompileProblem> problems = new ArrayList<>();

        // when
        BandParameters parameters = BandParameters.resolve(GradeBand.G3_5, List.of(district), problems);

        // then
        assertThat(parameters).isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("'method'").contains("lates");
        });
    }

    @Test
    void misspeltMethodIsRefusedWithTheClosestNameAndTheKnownOnes() {
        // given
        ParameterLayer district = ParameterLayer.read(
                "district",
                new ParameterFile(
                        "parameters.yaml",
                        MinimalPolicy.parametersYaml().replace("method: latest", "method: standard_decaying_avrage")));
        List<CompileProblem> problems = new ArrayList<>();

        // when
        BandParameters parameters = BandParameters.resolve(GradeBand.G3_5, List.of(district), problems);

        // then
        assertThat(parameters).isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message())
                    .contains("Unknown mastery method 'standard_decaying_avrage'.")
                    .contains("Maybe you meant 'standard_decaying_average'?")
                    .contains("weighted_average (or decaying_average)");
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "weighted_average",
                "decaying_average",
                "standard_decaying_average",
                "n_mastery",
                "n_of_last_m",
                "n_of_m",
                "average",
                "power_law"
            })
    void everyMethodNameIsAcceptedAndReportsItselfAsWritten(String name) {
        // given
        ParameterLayer district = ParameterLayer.read(
                "district",
                new ParameterFile(
                        "parameters.yaml",
                        MinimalPolicy.parametersYaml().replace("method: latest", "method: " + name)));
        List<CompileProblem> problems = new ArrayList<>();

        // when
        BandParameters parameters = BandParameters.resolve(GradeBand.G3_5, List.of(district), problems);

        // then
        assertThat(problems).isEmpty();
        assertThat(parameters.getMethodName()).isEqualTo(name);
        assertThat(parameters.getMethod().name()).isEqualTo(name);
    }

    @Test
    void nMasteryCountsScoresAtTheMasteredThresholdUnlessItsOwnThresholdIsGiven() {
        // given: mastered at 0.80; n_mastery with n 2
        ParameterLayer district = ParameterLayer.read(
                "district",
                new ParameterFile(
                        "parameters.yaml",
                        MinimalPolicy.parametersYaml()
                                .replace("method: latest", "method: n_mastery")
                                .replace("methodParameters: {}", "methodParameters: { n: 2 }")));
        ParameterLayer school = ParameterLayer.read("schools/lincoln", new ParameterFile("schools/lincoln.yaml", """
                defaults:
                  methodParameters: { n: 2, threshold: 0.7 }
                """));

        // when
        BandParameters district80 = BandParameters.resolve(GradeBand.G3_5, List.of(district), new ArrayList<>());
        BandParameters school70 = BandParameters.resolve(GradeBand.G3_5, List.of(district, school), new ArrayList<>());

        // then: 0.75 and 0.9 are two at or above 0.7, but one at or above 0.8
        double[] scores = {0.75, 0.9};
        assertThat(district80.getMethod().apply(scores).allowsMastery()).isFalse();
        assertThat(school70.getMethod().apply(scores).allowsMastery()).isTrue();
        assertThat(school70.getMethod().apply(scores).value()).isCloseTo(0.825, within(1e-9));
    }

    @Test
    void powerLawOnTheDistrictRubricIsSetThroughMethodParameters() {
        // given
        ParameterLayer district = ParameterLayer.read(
                "district",
                new ParameterFile(
                        "parameters.yaml",
                        MinimalPolicy.parametersYaml()
                                .replace("method: latest", "method: power_law")
                                .replace("methodParameters: {}", "methodParameters: { scale_min: 1, scale_max: 4 }")));

        // when
        BandParameters parameters = BandParameters.resolve(GradeBand.G9_12, List.of(district), new ArrayList<>());

        // then: rubric points 1, 3, 2, 4 are 0, 2/3, 1/3, 1 on 0..1; the power law gives 3.6567 of 1..4
        double value = parameters
                .getMethod()
                .apply(new double[] {0.0, 2.0 / 3, 1.0 / 3, 1.0})
                .value();
        assertThat(1 + 3 * value).isCloseTo(3.656698434469283, within(1e-9));
    }

    @Test
    void aMethodParameterOutOfRangeIsReportedAtTheMethodParametersLine() {
        // given: methodParameters is on line 3 of the district file
        ParameterLayer district = ParameterLayer.read(
                "district",
                new ParameterFile(
                        "parameters.yaml",
                        MinimalPolicy.parametersYaml()
                                .replace("method: latest", "method: power_law")
                                .replace(
                                        "methodParameters: {}", "methodParameters: { scale_min: 1, scale_max: 0.5 }")));
        List<CompileProblem> problems = new ArrayList<>();

        // when
        BandParameters parameters = BandParameters.resolve(GradeBand.G3_5, List.of(district), problems);

        // then
        assertThat(parameters).isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message())
                    .contains("parameter 'scale_max' is 0.5, outside the allowed range: a number >" + " scale_min (1)");
        });
    }
}
