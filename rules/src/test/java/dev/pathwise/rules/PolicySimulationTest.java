package dev.pathwise.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.ParameterFile;
import dev.pathwise.engine.policy.PolicyLayer;
import dev.pathwise.engine.scenario.CurriculumFile;
import dev.pathwise.engine.simulation.EvidenceFiles;
import dev.pathwise.engine.simulation.LearnerDiff;
import dev.pathwise.engine.simulation.PolicySimulation;
import dev.pathwise.engine.simulation.SimulationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving the 3-5 mastered threshold from 0.80 to 0.75 changes exactly the learners computed by hand. */
class PolicySimulationTest {

    @Test
    void loweringThe35ThresholdChangesExactlyTheLearnersBetween075And080(@TempDir Path folder) throws IOException {
        // given six learners' evidence on RP.1 (decaying average, w 0.65), as CSV, and their profiles as JSON:
        //   g4-a  0.6, 0.6, 0.85   -> 0.85·0.65 + 0.6·0.35  = 0.7625  approaching at 0.80, mastered at 0.75
        //   g3-f  0.76 x3          -> 0.76                   approaching at 0.80, mastered at 0.75
        //   g5-b  0.9 x3           -> 0.90                   mastered under both
        //   g4-c  0.7 x3           -> 0.70                   approaching under both
        //   g3-e  0.5, 0.8, 0.78   -> 0.507 + 0.2275 = 0.7345 approaching under both
        //   g7-d  0.6, 0.6, 0.85 (summative) -> 0.7625       grade band 6-8 keeps 0.80: approaching under both
        StringBuilder csv = new StringBuilder(String.join(",", EvidenceFiles.EVIDENCE_COLUMNS)).append('\n');
        int[] counter = {0};
        java.util.function.BiConsumer<String, double[]> add = (learner, scores) -> {
            for (double score : scores) {
                counter[0]++;
                csv.append("e")
                        .append(counter[0])
                        .append(',')
                        .append(learner)
                        .append(",RP.1,,")
                        .append(score)
                        .append(",0,1,summative,lms,")
                        .append(java.time.Instant.parse("2026-09-08T09:00:00Z").plusSeconds(3600L * counter[0]))
                        .append('\n');
            }
        };
        add.accept("g4-a", new double[] {0.6, 0.6, 0.85});
        add.accept("g5-b", new double[] {0.9, 0.9, 0.9});
        add.accept("g4-c", new double[] {0.7, 0.7, 0.7});
        add.accept("g7-d", new double[] {0.6, 0.6, 0.85});
        add.accept("g3-e", new double[] {0.5, 0.8, 0.78});
        add.accept("g3-f", new double[] {0.76, 0.76, 0.76});
        Files.writeString(folder.resolve("evidence.csv"), csv);
        Files.writeString(folder.resolve("learners.json"), """
                [ {"id":"g4-a","grade":4,"school":"lincoln"}, {"id":"g5-b","grade":5,"school":"lincoln"},
                  {"id":"g4-c","grade":4,"school":"north"}, {"id":"g7-d","grade":7,"school":"north"},
                  {"id":"g3-e","grade":3,"school":"north"}, {"id":"g3-f","grade":3,"school":"north"} ]
                """);
        CompiledPolicy current = LearnerScenario.DEFAULT_POLICY;
        CompiledPolicy candidate = LearnerScenario.compile(DefaultPolicyPack.source()
                .withGradeBand(
                        GradeBand.G3_5,
                        new PolicyLayer(
                                "grade-bands/3-5",
                                List.of(),
                                new ParameterFile(
                                        "grade-bands/3-5/parameters.yaml", "defaults:\n  masteredThreshold: 0.75\n")))
                .withVersion("1.0.0-35-at-075"));
        Curriculum curriculum = CurriculumFile.read(DefaultPackScenariosTest.SCENARIOS.resolve("framework.yaml"));
        // when the stored evidence is replayed under both
        SimulationReport report = new PolicySimulation()
                .run(
                        current,
                        candidate,
                        curriculum,
                        EvidenceFiles.readLearners(folder.resolve("learners.json")),
                        EvidenceFiles.readEvidence(folder.resolve("evidence.csv")),
                        10);
        // then exactly g3-f and g4-a change, from approaching to mastered, with both explanations
        assertThat(report.changed()).extracting(LearnerDiff::learnerId).containsExactly("g3-f", "g4-a");
        LearnerDiff a = report.changed().get(1);
        assertThat(a.levels())
                .extracting(
                        LearnerDiff.LevelDiff::competencyId,
                        LearnerDiff.LevelDiff::before,
                        LearnerDiff.LevelDiff::after)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("RP", "beginning", "approaching"),
                        org.assertj.core.groups.Tuple.tuple("RP.1", "approaching", "mastered"));
        assertThat(a.levels().get(1).whyAfter())
                .isEqualTo("Mastered: decaying average 0.76 >= threshold 0.75 for "
                        + "grade band 3-5 (rule \"Mastered when the mastery score reaches the grade-band threshold\")");
        assertThat(a.levels().get(1).whyBefore()).startsWith("Approaching: decaying average 0.76 >= approaching");
        assertThat(a.stepsAfter()).containsExactly("RP.2-check", "RP.2-lesson", "RP.2-mini");
        // and the counts per grade band and school say so
        assertThat(report.byGradeBand())
                .containsEntry("3-5", new SimulationReport.Count(2, 5))
                .containsEntry("6-8", new SimulationReport.Count(0, 1));
        assertThat(report.bySchool())
                .containsEntry("lincoln", new SimulationReport.Count(1, 2))
                .containsEntry("north", new SimulationReport.Count(1, 4));
    }
}
