package dev.pathwise.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.engine.scenario.ScenarioResult;
import dev.pathwise.engine.scenario.ScenarioRunner;
import dev.pathwise.engine.scenario.ScenarioTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default pack's YAML scenarios (scenarios/ next to its rule files) all pass; a failing one says where. */
class DefaultPackScenariosTest {

    static final Path PACK = Path.of("src/main/resources/dev/pathwise/rules");
    static final Path SCENARIOS = PACK.resolve("scenarios");

    @Test
    void everyScenarioOfTheDefaultPackPasses() {
        // when every scenario of the pack runs under the pack
        List<ScenarioResult> results = new ScenarioRunner(LearnerScenario.DEFAULT_POLICY).runFolder(SCENARIOS);
        // then all four pass
        assertThat(results)
                .extracting(ScenarioResult::file)
                .containsExactly(
                        "grade-4-masters-at-the-district-threshold.yaml", "grade-7-needs-a-summative.yaml",
                        "kindergarten-gets-one-step.yaml", "struggling-gets-a-mini-lesson-first.yaml");
        assertThat(results).as(ScenarioTable.format(results)).allMatch(ScenarioResult::passed);
    }

    @Test
    void aFailingScenarioShowsItsFirstDifference(@TempDir Path folder) throws IOException {
        // given a scenario expecting mastery at 0.75 under the district's 0.80 threshold
        Files.copy(SCENARIOS.resolve("framework.yaml"), folder.resolve("framework.yaml"));
        Files.writeString(folder.resolve("lincoln-threshold.yaml"), """
                scenario: Mastered at 0.75
                learner: { grade: 4, school: lincoln, planStart: 2026-09-07 }
                when:
                  - { competency: RP.1, score: 0.6, kind: formative }
                  - { competency: RP.1, score: 0.6, kind: formative }
                  - { competency: RP.1, score: 0.85, kind: formative }
                then:
                  levels: { RP.1: mastered }
                """);
        Files.writeString(folder.resolve("typo.yaml"), "learner: { grade: 4 }\nthen:\n  level: { RP.1: mastered }\n");
        // when the folder runs
        List<ScenarioResult> results = new ScenarioRunner(LearnerScenario.DEFAULT_POLICY).runFolder(folder);
        // then the table shows each failure with its first difference
        assertThat(ScenarioTable.format(results)).isEqualTo("""
                result| scenario               | first difference
                ------+------------------------+------------------
                FAIL  | lincoln-threshold.yaml | level of RP.1: expected mastered, got approaching (decaying average \
                0.76 >= approaching threshold 0.60 for grade band 3-5 (rule "Approaching when the score reaches the \
                approaching threshold"))
                FAIL  | typo.yaml              | typo.yaml: then.level: unknown field; use levels, flags, nextSteps, \
                nextStepsAnyOrder, optionCount, asOf. Maybe you meant 'levels'?
                0 passed, 2 failed
                """);
    }
}
