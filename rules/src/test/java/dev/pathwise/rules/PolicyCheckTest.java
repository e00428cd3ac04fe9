package dev.pathwise.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.engine.policy.CompileProblem;
import dev.pathwise.engine.policy.PolicyChecker;
import dev.pathwise.engine.policy.PolicyCompilationException;
import dev.pathwise.engine.policy.PolicyLayer;
import dev.pathwise.engine.policy.PolicySource;
import dev.pathwise.engine.policy.RuleFile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** What {@code check} reports for mistakes in rule files, each at its file, line and column with a fix. */
class PolicyCheckTest {

    private static final String HEADER = """
            package dev.pathwise.rules;

            import dev.pathwise.engine.facts.Assessment;
            import dev.pathwise.engine.facts.Decisions;
            import dev.pathwise.engine.facts.LevelProposal;
            import dev.pathwise.engine.learner.MasteryLevel;
            import dev.pathwise.engine.policy.BandParameters;

            global Decisions decisions;
            """;

    /** The default pack with one more file in Lincoln's overlay. */
    private static PolicySource withLincolnFile(String version, String fileName, String drl) {
        return DefaultPolicyPack.source()
                .withSchool(
                        "lincoln",
                        new PolicyLayer(
                                "schools/lincoln", List.of(new RuleFile("schools/lincoln/" + fileName, drl)), null))
                .withVersion(version);
    }

    @Test
    void theDefaultPackChecksClean() {
        assertThat(PolicyChecker.check(DefaultPolicyPack.source().withVersion("1.0.0-check")))
                .isEmpty();
    }

    @Test
    void eachForbiddenConstructIsRefusedWithItsLine() {
        // given one rule file using every construct a rule may not use, one per line from line 15 (and an import on
        // line 10)
        String drl = HEADER.replace("global Decisions decisions;", "global Decisions decisions;\nimport java.io.File;")
                + """
                rule "Does everything it must not"
                when
                    $a : Assessment()
                then
                    System.out.println( $a );
                    java.nio.file.Files.readString( null );
                    new Thread( () -> {} ).start();
                    Runtime.getRuntime().exec( "ls" );
                    Class.forName( "java.lang.String" );
                    double dice = new java.util.Random().nextDouble();
                    java.time.Instant clock = java.time.Instant.now();
                    new ProcessBuilder( "ls" ).start();
                    drools.getKieRuntime().halt();
                    // System.exit( 1 ) in a comment is harmless, and so is "System." in a string
                end
                """;
        // when the policy is checked
        List<CompileProblem> problems = PolicyChecker.check(withLincolnFile("1.0.0-guard", "escape.drl", drl));
        // then every construct is refused at its line and column, with the member named and the reason
        assertThat(problems)
                .extracting(p -> p.file() + ":" + p.line() + ":" + p.column() + " "
                        + p.message().replaceAll(", which rules may not.*", ""))
                .containsExactly(
                        "schools/lincoln/escape.drl:10:8 import 'java.io.File' is not allowed in a rule file: rules "
                                + "see only the fact model. Import from dev.pathwise.engine.facts (or "
                                + "dev.pathwise.engine.facts.*), BandParameters from dev.pathwise.engine.policy, the "
                                + "engine's enums (MasteryLevel, ActivityKind, Modality, Grouping, EvidenceKind) or JDK "
                                + "value types (java.time.LocalDate, java.util.List, ...)",
                        "schools/lincoln/escape.drl:15:12 rule 'Does everything it must not' reads java.lang.System.out",
                        "schools/lincoln/escape.drl:16:25 rule 'Does everything it must not' calls "
                                + "java.nio.file.Files.readString(java.nio.file.Path)",
                        "schools/lincoln/escape.drl:17:9 rule 'Does everything it must not' creates a java.lang.Thread",
                        "schools/lincoln/escape.drl:18:13 rule 'Does everything it must not' calls "
                                + "java.lang.Runtime.getRuntime()",
                        "schools/lincoln/escape.drl:19:11 rule 'Does everything it must not' calls "
                                + "java.lang.Class.forName(String)",
                        "schools/lincoln/escape.drl:20:33 rule 'Does everything it must not' creates a java.util.Random",
                        "schools/lincoln/escape.drl:21:49 rule 'Does everything it must not' calls "
                                + "java.time.Instant.now()",
                        "schools/lincoln/escape.drl:22:9 rule 'Does everything it must not' creates a "
                                + "java.lang.ProcessBuilder",
                        "schools/lincoln/escape.drl:23:12 rule 'Does everything it must not' calls "
                                + "org.drools.core.rule.consequence.KnowledgeHelper.getKieRuntime()");
        assertThat(problems.get(1).message())
                .endsWith("which rules may not. Rules do not touch the JVM: no "
                        + "printing, clock, properties, environment, processes or exit; report through 'decisions' and receive "
                        + "values as facts. Rules may use the fact model, 'decisions', and of the JDK String, numbers, Math, "
                        + "read-only collections and java.time values.");
    }

    @Test
    void aForbiddenFileIsRefusedAtCompileNotOnlyAtCheck() {
        // given a rule that writes to the console
        String drl = HEADER + """
                rule "Prints"
                when
                    $a : Assessment()
                then
                    System.out.println( $a );
                end
                """;
        // when it is compiled for publishing
        Executable compile = () -> LearnerScenario.compile(withLincolnFile("1.0.0-prints", "prints.drl", drl));
        // then the runtime refuses it with the line
        PolicyCompilationException failure =
                org.junit.jupiter.api.Assertions.assertThrows(PolicyCompilationException.class, compile);
        assertThat(failure.problems())
                .extracting(CompileProblem::toString)
                .containsExactly(
                        "schools/lincoln/prints.drl:14:12: rule 'Prints' reads java.lang.System.out, which rules may not. "
                                + "Rules do not touch the JVM: no printing, clock, properties, environment, processes or exit; "
                                + "report through 'decisions' and receive values as facts. Rules may use the fact model, "
                                + "'decisions', and of the JDK String, numbers, Math, read-only collections and java.time "
                                + "values.");
    }

    @Test
    void unknownParameterFieldAndFactTypeAreNamedWithWhatWasMeant() {
        // given a rule reading a misspelt parameter, a misspelt field and a misspelt fact type
        String drl = HEADER + """
                rule "Mastered at the school's threshold"
                    agenda-group "mastery-classify"
                when
                    BandParameters( $t : masteredThreshhold )
                    $a : Assessment( scor >= $t )
                then
                    insertLogical( LevelProposal.of( kcontext, $a.getCompetencyId(), MasteryLevel.MASTERED, "x" ) );
                end

                rule "Approaching on the latest result"
                    agenda-group "mastery-classify"
                when
                    $a : Assesment( latestScore >= 0.6 )
                then
                end
                """;
        // when the policy is checked
        List<CompileProblem> problems = PolicyChecker.check(withLincolnFile("1.0.0-unknown", "extra.drl", drl));
        // then each names the rule, the line and column, and the name meant
        assertThat(problems)
                .extracting(CompileProblem::toString)
                .containsExactly(
                        "schools/lincoln/extra.drl:13:26: rule 'Mastered at the school's threshold' uses unknown parameter "
                                + "'masteredThreshhold', so it can never fire. Maybe you meant 'masteredThreshold'?",
                        "schools/lincoln/extra.drl:14:22: rule 'Mastered at the school's threshold' reads unknown field "
                                + "'scor' of Assessment, so it can never fire. Maybe you meant 'score'?",
                        "schools/lincoln/extra.drl:22:5: rule 'Approaching on the latest result' matches unknown fact type "
                                + "'Assesment'. Maybe you meant 'Assessment'? (import "
                                + "it from dev.pathwise.engine.facts, or BandParameters from dev.pathwise.engine.policy)");
    }

    @Test
    void twoRulesOfOneNameAcrossLayersNameBothPlaces() {
        // given Lincoln adds a file with a rule named like one in the district's mastery.drl (line 51)
        String drl = HEADER + """
                rule "Beginning once there is evidence"
                    agenda-group "mastery-classify"
                when
                    $a : Assessment( evidenceCount > 0 )
                then
                end
                """;
        // when the policy is checked
        List<CompileProblem> problems = PolicyChecker.check(withLincolnFile("1.0.0-duplicate", "more.drl", drl));
        // then the problem names both files and lines
        assertThat(problems)
                .extracting(CompileProblem::toString)
                .containsExactly(
                        "schools/lincoln/more.drl:10: rule 'Beginning once there is evidence' is defined twice in package "
                                + "dev.pathwise.rules: at mastery.drl:51 and at schools/lincoln/more.drl:10; give each rule "
                                + "its own name (to change a district rule in an overlay, use the same file name so the file "
                                + "replaces it)");
    }
}
