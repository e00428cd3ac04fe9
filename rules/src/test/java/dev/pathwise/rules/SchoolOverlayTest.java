package dev.pathwise.rules;

import static dev.pathwise.engine.evidence.EvidenceKind.FORMATIVE;
import static dev.pathwise.engine.evidence.EvidenceKind.SUMMATIVE;
import static dev.pathwise.rules.LearnerScenario.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pathwise.engine.evaluation.MasteryChange;
import dev.pathwise.engine.evaluation.NextStepOption;
import dev.pathwise.engine.evaluation.PathUpdate;
import dev.pathwise.engine.facts.FlagKind;
import dev.pathwise.engine.facts.Support;
import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.EffectivePolicy;
import dev.pathwise.engine.policy.EffectiveRuleFile;
import dev.pathwise.engine.policy.ParameterFile;
import dev.pathwise.engine.policy.PolicyLayer;
import dev.pathwise.engine.policy.RuleFile;
import dev.pathwise.engine.policy.parameters.ParameterValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A school overlay changes parameters or rule files for its own learners only. */
class SchoolOverlayTest {

    private static final String LINCOLN_PARAMETERS = "bands:\n  3-5:\n    masteredThreshold: 0.75\n";

    private static CompiledPolicy lincoln(String version, List<RuleFile> ruleFiles, String parameters) {
        return LearnerScenario.compile(DefaultPolicyPack.source()
                .withSchool(
                        "lincoln",
                        new PolicyLayer(
                                "schools/lincoln",
                                ruleFiles,
                                parameters == null
                                        ? null
                                        : new ParameterFile("schools/lincoln/parameters.yaml", parameters)))
                .withVersion(version));
    }

    // ---- parameters ---------------------------------------------------------------------------------------

    @Test
    void aSchoolThresholdMastersItsOwnLearnersOnly() {
        // given Lincoln masters grade band 3-5 at 0.75 instead of 0.80
        CompiledPolicy policy = lincoln("1.0.0-lincoln-threshold", List.of(), LINCOLN_PARAMETERS);
        LearnerScenario atLincoln =
                LearnerScenario.gradeLearner(4, "lincoln", policy).given("RP.1", FORMATIVE, 0.6, 0.6);
        LearnerScenario atNorth =
                LearnerScenario.gradeLearner(4, "north", policy).given("RP.1", FORMATIVE, 0.6, 0.6);
        // when both get 0.85: 0.85·0.65 + mean(0.6, 0.6)·0.35 = 0.5525 + 0.21 = 0.7625
        MasteryChange lincolnChange = change(atLincoln.send("RP.1", 0.85, FORMATIVE), "RP.1");
        MasteryChange northChange = change(atNorth.send("RP.1", 0.85, FORMATIVE), "RP.1");
        // then the Lincoln learner is mastered at 0.75 and the other school's learner is approaching under 0.80
        assertThat(lincolnChange.toScore()).isCloseTo(0.7625, within(1e-9));
        assertThat(lincolnChange.to()).isEqualTo(MasteryLevel.MASTERED);
        assertThat(lincolnChange.why().text()).isEqualTo("decaying average 0.76 >= threshold 0.75 for grade band 3-5");
        assertThat(northChange.toScore()).isCloseTo(0.7625, within(1e-9));
        assertThat(northChange.to()).isEqualTo(MasteryLevel.APPROACHING);
    }

    @Test
    void aSchoolParameterForOneBandLeavesTheOtherBandsAlone() {
        // given the same Lincoln overlay
        CompiledPolicy policy = lincoln("1.0.0-lincoln-threshold", List.of(), LINCOLN_PARAMETERS);
        // then 3-5 resolves to 0.75 from Lincoln's file, and 6-8 keeps the district's 0.80
        EffectivePolicy band35 = policy.resolve(GradeBand.G3_5, "lincoln");
        assertThat(band35.parameters().getMasteredThreshold()).isEqualTo(0.75);
        ParameterValue source = band35.parameters().sources().get("masteredThreshold");
        assertThat(source.layer()).isEqualTo("schools/lincoln");
        assertThat(source.file()).isEqualTo("schools/lincoln/parameters.yaml");
        assertThat(source.line()).isEqualTo(3);
        assertThat(policy.resolve(GradeBand.G6_8, "lincoln").parameters().getMasteredThreshold())
                .isEqualTo(0.80);
        assertThat(policy.resolve(GradeBand.G3_5, "north").parameters().getMasteredThreshold())
                .isEqualTo(0.80);
        // and a Lincoln grade 7 learner with 0.6, 0.6, 0.85 (summatives) is not mastered
        LearnerScenario grade7 =
                LearnerScenario.gradeLearner(7, "lincoln", policy).given("RP.1", SUMMATIVE, 0.6, 0.6);
        assertThat(change(grade7.send("RP.1", 0.85, SUMMATIVE), "RP.1").to()).isEqualTo(MasteryLevel.APPROACHING);
        // and parameters alone need no second rule base
        assertThat(policy.kieBaseCount()).isEqualTo(1);
    }

    @Test
    void aSchoolThatRequiresASummativeInGradeBandThreeToFiveHoldsMasteryBackWithoutOne() {
        // given Lincoln requires a summative assessment in grade band 3-5 (the district from grade 6 only)
        CompiledPolicy policy =
                lincoln("1.0.0-lincoln-summative", List.of(), "bands:\n  3-5:\n    summativeRequired: true\n");
        LearnerScenario grade4 =
                LearnerScenario.gradeLearner(4, "lincoln", policy).given("RP.1", FORMATIVE, 0.9, 0.9);
        // when a third formative 0.9 arrives
        MasteryChange change = change(grade4.send("RP.1", 0.9, FORMATIVE), "RP.1");
        // then the summative rule holds a grade 4 learner back: it follows the parameter, not the grade
        assertThat(change.to()).isEqualTo(MasteryLevel.APPROACHING);
        assertThat(change.shortfalls())
                .extracting(s -> s.rule() + ": " + s.text())
                .containsExactly(
                        "Mastery needs a summative assessment where the grade band requires one: no summative assessment yet,"
                                + " required for grade band 3-5");
    }

    // ---- rule files ---------------------------------------------------------------------------------------

    @Test
    void aSchoolThatReplacesChoiceDrlChangesOnlyItsOwnOptions() {
        // given Lincoln replaces choice.drl with a copy whose 3-5 limit rule offers two options
        String district = DefaultPolicyPack.read("choice.drl");
        String original = """
                rule "Learners choose among up to the grade band's number of options"
                    ruleflow-group "choice-decide"
                when
                    BandParameters( !teacherDirected, $max : maxOptions > 0, $band : gradeBand )
                then
                    decisions.limitOptions( $max, "grade band %s chooses among up to %d options", $band, $max );
                end""";
        String replacement = """
                rule "Lincoln learners choose between two options"
                    ruleflow-group "choice-decide"
                when
                    BandParameters( !teacherDirected, maxOptions > 0, $band : gradeBand )
                then
                    decisions.limitOptions( 2, "Lincoln, grade band %s: two options", $band );
                end""";
        assertThat(district).contains(original);
        RuleFile choice = new RuleFile("schools/lincoln/choice.drl", district.replace(original, replacement));
        CompiledPolicy policy = lincoln("1.0.0-lincoln-choice", List.of(choice), null);
        // when a Lincoln and a North grade 4 learner ask for next steps
        PathUpdate atLincoln =
                LearnerScenario.gradeLearner(4, "lincoln", policy).nextSteps();
        PathUpdate atNorth = LearnerScenario.gradeLearner(4, "north", policy).nextSteps();
        // then Lincoln's learner sees two, by Lincoln's rule, and North's learner still sees three
        assertThat(atLincoln.nextSteps())
                .extracting(NextStepOption::activityId)
                .containsExactly("RP.1-check", "RP.1-lesson");
        assertThat(atLincoln.optionLimit().rule()).isEqualTo("Lincoln learners choose between two options");
        assertThat(atNorth.nextSteps())
                .extracting(NextStepOption::activityId)
                .containsExactly("RP.1-check", "RP.1-lesson", "RP.1-mini");
        assertThat(atNorth.optionLimit().rule())
                .isEqualTo("Learners choose among up to the grade band's number of options");
        // and Lincoln's effective rule files name the replaced file's layer
        assertThat(policy.resolve(GradeBand.G3_5, "lincoln").ruleFiles())
                .extracting(f -> f.file().fileName(), EffectiveRuleFile::layer, EffectiveRuleFile::replaces)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("mastery.drl", "district", null),
                        org.assertj.core.groups.Tuple.tuple("pacing.drl", "district", null),
                        org.assertj.core.groups.Tuple.tuple("choice.drl", "schools/lincoln", "district"));
        assertThat(policy.resolve(GradeBand.G3_5, "north").ruleFiles())
                .extracting(EffectiveRuleFile::layer)
                .containsOnly("district");
        assertThat(policy.kieBaseCount()).isEqualTo(2);
    }

    @Test
    void aNewRuleFileInASchoolOverlayIsCompiledIn() {
        // given Lincoln adds conferences.drl: a conference after five pieces of evidence without mastery
        String conferences = """
                package dev.pathwise.rules;

                import dev.pathwise.engine.facts.Decisions;
                import dev.pathwise.engine.facts.FlagKind;
                import dev.pathwise.engine.facts.Progress;
                import dev.pathwise.engine.facts.Support;

                global Decisions decisions;

                rule "Lincoln holds a conference after five pieces of evidence without mastery"
                    ruleflow-group "pacing"
                when
                    $p : Progress( evidenceCount >= 5 )
                then
                    decisions.flag( kcontext, FlagKind.STALLED, $p.getCompetencyId(), null, $p.getEvidenceCount(),
                            Support.TEACHER_CONFERENCE, "Lincoln: %d pieces of evidence on %s",
                            $p.getEvidenceCount(), $p.getCompetencyId() );
                end
                """;
        CompiledPolicy policy = lincoln(
                "1.0.0-lincoln-conferences",
                List.of(new RuleFile("schools/lincoln/conferences.drl", conferences)),
                null);
        LearnerScenario atLincoln =
                LearnerScenario.gradeLearner(4, "lincoln", policy).given("RP.1", FORMATIVE, 0.7, 0.7, 0.7, 0.7);
        LearnerScenario atNorth =
                LearnerScenario.gradeLearner(4, "north", policy).given("RP.1", FORMATIVE, 0.7, 0.7, 0.7, 0.7);
        // when both send a fifth 0.7
        PathUpdate lincolnUpdate = atLincoln.send("RP.1", 0.7, FORMATIVE);
        PathUpdate northUpdate = atNorth.send("RP.1", 0.7, FORMATIVE);
        // then only the Lincoln learner is flagged, by Lincoln's rule
        assertThat(lincolnUpdate.flags()).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(FlagKind.STALLED);
            assertThat(flag.support()).isEqualTo(Support.TEACHER_CONFERENCE);
            assertThat(flag.why().rule())
                    .isEqualTo("Lincoln holds a conference after five pieces of evidence without mastery");
            assertThat(flag.why().text()).isEqualTo("Lincoln: 5 pieces of evidence on RP.1");
        });
        assertThat(northUpdate.flags()).isEmpty();
        // and the added file is listed with its layer, replacing nothing
        assertThat(policy.resolve(GradeBand.G3_5, "lincoln").ruleFiles())
                .extracting(f -> f.file().path(), EffectiveRuleFile::layer, EffectiveRuleFile::replaces)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("schools/lincoln/conferences.drl", "schools/lincoln", null))
                .hasSize(4);
    }
}
