package dev.pathwise.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.policy.BandParameters;
import dev.pathwise.engine.policy.CompileProblem;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.EffectiveRuleFile;
import dev.pathwise.engine.policy.ParameterFile;
import dev.pathwise.engine.policy.PolicyCompilationException;
import dev.pathwise.engine.policy.PolicyLayer;
import dev.pathwise.engine.policy.PolicySource;
import dev.pathwise.engine.policy.RuleFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default pack compiles, resolves every grade band from parameters.yaml, and reports its mistakes in place. */
class DefaultPolicyPackTest {

    @Test
    void thePackCompilesIntoOneRuleBase() {
        // given the default pack
        CompiledPolicy policy = LearnerScenario.DEFAULT_POLICY;
        // then it compiles as district-default@1.0.0 with its three rule files, all from the district layer
        assertThat(policy.versionLabel()).isEqualTo("district-default@1.0.0");
        assertThat(policy.kieBaseCount()).isEqualTo(1);
        for (GradeBand band : GradeBand.values()) {
            assertThat(policy.resolve(band, "any-school").ruleFiles())
                    .extracting(f -> f.file().path(), EffectiveRuleFile::layer)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("mastery.drl", "district"),
                            org.assertj.core.groups.Tuple.tuple("pacing.drl", "district"),
                            org.assertj.core.groups.Tuple.tuple("choice.drl", "district"));
        }
    }

    @Test
    void everyGradeBandResolvesWithTheValuesInParametersYaml() {
        CompiledPolicy policy = LearnerScenario.DEFAULT_POLICY;

        BandParameters k2 = policy.resolve(GradeBand.K_2, null).parameters();
        assertThat(k2.getMethodName()).isEqualTo("mean");
        assertThat(k2.getMinimumEvidence()).isEqualTo(2);
        assertThat(k2.getPacingFloorPerWeek()).isEqualTo(0.25);
        assertThat(k2.isTeacherDirected()).isTrue();
        assertThat(k2.getMaxOptions()).isEqualTo(1);
        assertThat(k2.getMaxInProgress()).isEqualTo(2);
        assertThat(k2.getGroupSizeMin()).isEqualTo(2);
        assertThat(k2.getGroupSizeMax()).isEqualTo(4);
        assertThat(k2.getMasteredThreshold()).isEqualTo(0.80);
        assertThat(k2.sources().get("method").line()).isEqualTo(27);

        BandParameters g35 = policy.resolve(GradeBand.G3_5, null).parameters();
        assertThat(g35.getMethodName()).isEqualTo("decaying_average");
        assertThat(g35.getMethodParameters()).containsEntry("w", 0.65);
        assertThat(g35.getMinimumEvidence()).isEqualTo(3);
        assertThat(g35.isSummativeRequired()).isFalse();
        assertThat(g35.isTeacherDirected()).isFalse();
        assertThat(g35.getMaxOptions()).isEqualTo(3);
        assertThat(g35.getMaxInProgress()).isEqualTo(3);
        assertThat(g35.getPacingFloorPerWeek()).isEqualTo(0.5);
        assertThat(g35.getPacingGraceWeeks()).isEqualTo(2.0);
        assertThat(g35.getStruggleAfter()).isEqualTo(3);
        assertThat(g35.getStalledAfter()).isEqualTo(8);
        assertThat(g35.getExceedingThreshold()).isEqualTo(0.95);
        assertThat(g35.getApproachingThreshold()).isEqualTo(0.60);
        assertThat(g35.getDemotionThreshold()).isEqualTo(0.70);
        assertThat(g35.sources().get("masteredThreshold").line()).isEqualTo(8);
        assertThat(g35.sources().get("masteredThreshold").file()).isEqualTo("parameters.yaml");

        BandParameters g68 = policy.resolve(GradeBand.G6_8, null).parameters();
        assertThat(g68.isSummativeRequired()).isTrue();
        assertThat(g68.getMaxOptions()).isEqualTo(5);
        assertThat(g68.getMaxInProgress()).isEqualTo(4);
        assertThat(g68.getPacingFloorPerWeek()).isEqualTo(0.5);

        BandParameters g912 = policy.resolve(GradeBand.G9_12, null).parameters();
        assertThat(g912.isSummativeRequired()).isTrue();
        assertThat(g912.getMaxOptions()).isZero();
        assertThat(g912.getMaxInProgress()).isEqualTo(5);
        assertThat(g912.getPacingFloorPerWeek()).isEqualTo(0.75);
        assertThat(g912.getRollup().describe()).isEqualTo(g35.getRollup().describe());
    }

    @Test
    void aDrlSyntaxErrorReportsItsFileAndLine() {
        // given mastery.drl with the closing parenthesis of a pattern missing on line 25
        String mastery = DefaultPolicyPack.read("mastery.drl");
        String line25 = mastery.lines().skip(24).findFirst().orElseThrow();
        assertThat(line25).isEqualTo("    $a : Assessment( $id : competencyId, evidenceCount < $minimum )");
        List<RuleFile> files = List.of(
                new RuleFile(
                        "mastery.drl",
                        mastery.replace(line25, "    $a : Assessment( $id : competencyId, evidenceCount < $minimum")),
                new RuleFile("pacing.drl", DefaultPolicyPack.read("pacing.drl")),
                new RuleFile("choice.drl", DefaultPolicyPack.read("choice.drl")));
        PolicySource broken = PolicySource.district(
                DefaultPolicyPack.POLICY_ID, "1.0.0-broken-drl", files, DefaultPolicyPack.parameters());
        // when it is compiled
        PolicyCompilationException failure =
                catchThrowableOfType(() -> LearnerScenario.compile(broken), PolicyCompilationException.class);
        // then the one problem names mastery.drl, the line of the broken pattern and the mistake
        assertThat(failure).isNotNull();
        assertThat(failure.version()).isEqualTo("1.0.0-broken-drl");
        assertThat(failure.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("mastery.drl");
            assertThat(p.line()).isEqualTo(25);
            assertThat(p.message()).endsWith("a ')' is missing at the end of this line");
        });
    }

    @Test
    void aMisspeltParameterReportsFileLineAndTheNameMeant() {
        // given parameters.yaml with masteredThreshold misspelt on line 8
        String yaml = DefaultPolicyPack.read("parameters.yaml");
        assertThat(yaml.lines().skip(7).findFirst().orElseThrow()).isEqualTo("  masteredThreshold: 0.80");
        PolicySource broken = PolicySource.district(
                DefaultPolicyPack.POLICY_ID,
                "1.0.0-misspelt",
                DefaultPolicyPack.ruleFiles(),
                new ParameterFile("parameters.yaml", yaml.replace("masteredThreshold:", "masteredThreshhold:")));
        // when it is compiled
        PolicyCompilationException failure =
                catchThrowableOfType(() -> LearnerScenario.compile(broken), PolicyCompilationException.class);
        // then the one problem says where, and which name was meant
        assertThat(failure.problems())
                .containsExactly(new CompileProblem(
                        "parameters.yaml",
                        8,
                        3,
                        "unknown parameter 'masteredThreshhold'. Maybe you meant 'masteredThreshold'?"));
    }

    @Test
    void anUnknownParameterInASchoolOverlayReportsTheOverlaysFileAndLine() {
        // given a school overlay that sets 'threshhold' for grade band 3-5 on line 3
        PolicySource broken = DefaultPolicyPack.source()
                .withSchool(
                        "lincoln",
                        new PolicyLayer(
                                "schools/lincoln",
                                List.of(),
                                new ParameterFile(
                                        "schools/lincoln/parameters.yaml", "bands:\n  3-5:\n    threshhold: 0.75\n")))
                .withVersion("1.0.0-lincoln-unknown");
        // when it is compiled
        PolicyCompilationException failure =
                catchThrowableOfType(() -> LearnerScenario.compile(broken), PolicyCompilationException.class);
        // then the problem names the overlay's file, line and column, and the unknown name
        assertThat(failure.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("schools/lincoln/parameters.yaml");
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo(5);
            assertThat(problem.message()).startsWith("unknown parameter 'threshhold'.");
        });
    }
}
