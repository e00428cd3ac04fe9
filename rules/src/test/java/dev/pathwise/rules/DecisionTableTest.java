package dev.pathwise.rules;

import static dev.pathwise.engine.evidence.EvidenceKind.FORMATIVE;
import static dev.pathwise.rules.LearnerScenario.change;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.engine.evaluation.MasteryChange;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.policy.CompileProblem;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.PolicyChecker;
import dev.pathwise.engine.policy.PolicyLayer;
import dev.pathwise.engine.policy.PolicySource;
import dev.pathwise.engine.policy.RuleFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A CSV decision table in a layer is compiled with the DRL; its rows propose levels like mastery.drl's rules. */
class DecisionTableTest {

    static String table() {
        try (InputStream in = DecisionTableTest.class.getResourceAsStream("tables/mastery-thresholds.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PolicySource lincolnWithTable(String version, String csv) {
        return DefaultPolicyPack.source()
                .withSchool(
                        "lincoln",
                        new PolicyLayer(
                                "schools/lincoln",
                                List.of(new RuleFile("schools/lincoln/mastery-thresholds.csv", csv)),
                                null))
                .withVersion(version);
    }

    @Test
    void aTableRowMastersAt075ForItsSchoolOnly() {
        // given Lincoln's table: grade band 3-5 is mastered at 0.75 (without a shortfall)
        CompiledPolicy policy = LearnerScenario.compile(lincolnWithTable("1.0.0-table", table()));
        LearnerScenario atLincoln =
                LearnerScenario.gradeLearner(4, "lincoln", policy).given("RP.1", FORMATIVE, 0.6, 0.6);
        LearnerScenario atNorth =
                LearnerScenario.gradeLearner(4, "north", policy).given("RP.1", FORMATIVE, 0.6, 0.6);
        // when both reach 0.7625 (0.85·0.65 + 0.6·0.35)
        MasteryChange lincoln = change(atLincoln.send("RP.1", 0.85, FORMATIVE), "RP.1");
        MasteryChange north = change(atNorth.send("RP.1", 0.85, FORMATIVE), "RP.1");
        // then the table's row masters the Lincoln learner, and names itself
        assertThat(lincoln.to()).isEqualTo(MasteryLevel.MASTERED);
        assertThat(lincoln.why().rule()).isEqualTo("Mastered at 0.75 in grade band 3-5");
        assertThat(lincoln.why().text())
                .isEqualTo("decaying average 0.76 reaches the decision table's threshold for grade band 3-5");
        assertThat(north.to()).isEqualTo(MasteryLevel.APPROACHING);
    }

    @Test
    void aTableRowWithAMisspeltLevelIsReportedAtItsRow() {
        // given a second row, on line 11, with the level misspelt
        String csv = table() + "Mastered at 0.90 in grade band 9-12,mastery-classify,9-12,0.90,true,MASTERD\n";
        // when the policy is checked
        List<CompileProblem> problems = PolicyChecker.check(lincolnWithTable("1.0.0-table-level", csv));
        // then the problem names the table and the row
        assertThat(problems)
                .containsExactly(new CompileProblem(
                        "schools/lincoln/mastery-thresholds.csv",
                        11,
                        0,
                        "rule 'Mastered at 0.90 in grade band 9-12' uses MASTERD, which is not a value of MasteryLevel. "
                                + "Maybe you meant 'MASTERED'?"));
    }

    @Test
    void aTableRowWithAThresholdThatIsNotANumberIsReportedAtItsRow() {
        // given a second row, on line 11, whose threshold is "0.5x"
        String csv = table() + "Approaching at 0.5 in grade band 6-8,mastery-classify,6-8,0.5x,,APPROACHING\n";
        // when the policy is checked
        List<CompileProblem> problems = PolicyChecker.check(lincolnWithTable("1.0.0-table-number", csv));
        // then the problem names the table, the row and the rule it generates
        assertThat(problems)
                .containsExactly(new CompileProblem(
                        "schools/lincoln/mastery-thresholds.csv",
                        11,
                        0,
                        "rule 'Approaching at 0.5 in grade band 6-8': '0.5x' is not a number"));
    }
}
