package dev.pathwise.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.testing.MinimalPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BandParametersTest {

    private static final ParameterLayer DISTRICT = ParameterLayer.read("district",
            new ParameterFile("parameters.yaml", MinimalPolicy.parametersYaml()));
    private static final ParameterLayer GRADE_BAND = ParameterLayer.read("grade-bands/6-8",
            new ParameterFile("grade-bands/6-8.yaml", """
                    defaults:
                      masteredThreshold: 0.85
                      maxOptions: 4
                    """));
    private static final ParameterLayer SCHOOL = ParameterLayer.read("schools/lincoln",
            new ParameterFile("schools/lincoln.yaml", """
                    bands:
                      6-8:
                        masteredThreshold: 0.90
                    """));

    @Test
    void layersResolveDistrictThenBandThenSchoolWithTheSourceOfEveryValue() {
        // given
        List<CompileProblem> problems = new ArrayList<>();

        // when
        BandParameters parameters = BandParameters.resolve(GradeBand.G6_8, List.of(DISTRICT, GRADE_BAND, SCHOOL),
                problems);

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
        BandParameters parameters = BandParameters.resolve(GradeBand.G6_8, List.of(SCHOOL, GRADE_BAND, DISTRICT),
                new ArrayList<>());

        // then
        assertThat(parameters.getMasteredThreshold()).isEqualTo(0.80);
        assertThat(parameters.getMaxOptions()).isZero();
        assertThat(parameters.sources().get("masteredThreshold").layer()).isEqualTo("district");
    }

    @Test
    void schoolSectionForAnotherBandDoesNotApply() {
        // when
        BandParameters parameters = BandParameters.resolve(GradeBand.G3_5, List.of(DISTRICT, SCHOOL),
                new ArrayList<>());

        // then
        assertThat(parameters.getMasteredThreshold()).isEqualTo(0.80);
        assertThat(parameters.sources().get("masteredThreshold").layer()).isEqualTo("district");
    }

    @Test
    void missingParameterIsReportedByNameInTheDistrictFile() {
        // given: the district file leaves out groupSizeMax
        ParameterLayer district = ParameterLayer.read("district", new ParameterFile("parameters.yaml",
                MinimalPolicy.parametersYaml().replace("  groupSizeMax: 6\n", "")));
        assertThat(district.problems()).isEmpty();
        List<CompileProblem> problems = new ArrayList<>();

        // when
        BandParameters parameters = BandParameters.resolve(GradeBand.K_2, List.of(district), problems);

        // then
        assertThat(parameters).isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parameters.yaml");
            assertThat(p.message()).contains("parameter 'groupSizeMax' is not set for grade band K-2")
                    .contains("'defaults'");
        });
    }

    @Test
    void approachingAboveMasteredIsReportedAtTheApproachingLine() {
        // given: approachingThreshold is on line 6 of the district file
        ParameterLayer district = ParameterLayer.read("district", new ParameterFile("parameters.yaml",
                MinimalPolicy.parametersYaml().replace("approachingThreshold: 0.40", "approachingThreshold: 0.90")));
        List<CompileProblem> problems = new ArrayList<>();

        // when
        BandParameters parameters = BandParameters.resolve(GradeBand.G9_12, List.of(district), problems);

        // then
        assertThat(parameters).isNull();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parameters.yaml");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("'approachingThreshold' 0.9 is above 'masteredThreshold' 0.8")
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
        assertThat(problems).extracting(CompileProblem::toString).containsExactly(
                "parameters.yaml:6: 'approachingThreshold' 0.4 is above 'masteredThreshold' 0.35"
                        + " (set in schools/lincoln.yaml:3) for grade band 6-8;"
                        + " approachingThreshold must not exceed masteredThreshold");
    }

    @Test
    void layerWithoutParameterFileIsNamedByItsLayerWhenAParameterIsMissing() {
        // when
        List<CompileProblem> problems = new ArrayList<>();
        BandParameters.resolve(GradeBand.K_2, List.of(ParameterLayer.empty("district")), problems);

        // then
        assertThat(problems).hasSize(Parameter.values().length)
                .allSatisfy(p -> assertThat(p.file()).isEqualTo("district"));
    }

    @Test
    void unknownMethodIsReportedAtTheMethodLine() {
        // given
        ParameterLayer district = ParameterLayer.read("district", new ParameterFile("parameters.yaml",
                MinimalPolicy.parametersYaml().replace("method: latest", "method: lates")));
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
}
